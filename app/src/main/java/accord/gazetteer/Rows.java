package accord.gazetteer;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** A CSV file with a header, read whole, with the checks every layout shares; errors name the line. */
final class Rows {
  /** One data row, numbered as the file's line. */
  record Row(long line, CSVRecord record) {
    String opt(String column) {
      if (!record.isMapped(column) || !record.isSet(column)) {
        return null;
      }
      String v = record.get(column).strip();
      return v.isEmpty() ? null : v;
    }

    String req(String column) {
      String v = opt(column);
      if (v == null) {
        throw error("empty " + column);
      }
      return v;
    }

    /** A coordinate: empty is null, anything else must be a number in range. */
    Double coord(String column, double limit) {
      String v = opt(column);
      if (v == null) {
        return null;
      }
      double d;
      try {
        d = Double.parseDouble(v);
      } catch (NumberFormatException e) {
        throw error(column + " \"" + v + "\" is not a number");
      }
      if (!(d >= -limit && d <= limit)) {
        throw error(column + " " + v + " is outside -" + (int) limit + ".." + (int) limit);
      }
      return d;
    }

    Long number(String column) {
      String v = opt(column);
      if (v == null) {
        return null;
      }
      try {
        return Long.parseLong(v);
      } catch (NumberFormatException e) {
        throw error(column + " \"" + v + "\" is not a whole number");
      }
    }

    ImportError error(String reason) {
      return new ImportError("line " + line + ": " + reason);
    }
  }

  final List<String> header;
  final List<Row> rows = new ArrayList<>();

  Rows(Reader in) {
    try (CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get().parse(in)) {
      List<String> h = new ArrayList<>();
      for (String name : p.getHeaderNames()) {
        h.add(name.replace("\uFEFF", ""));
      }
      header = List.copyOf(h);
      for (CSVRecord r : p) {
        rows.add(new Row(r.getParser().getCurrentLineNumber(), r));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (IllegalStateException | IllegalArgumentException | UncheckedIOException e) {
      throw new ImportError("not a readable CSV file: " + e.getMessage());
    }
  }

  boolean has(String... columns) {
    for (String c : columns) {
      if (!header.contains(c)) {
        return false;
      }
    }
    return true;
  }

  void require(String layout, String... columns) {
    for (String c : columns) {
      if (!header.contains(c)) {
        throw new ImportError("missing column " + c + " for a " + layout + " file (the header has " + String.join(", ", header) + ")");
      }
    }
  }

  /** ISO 3166-1 alpha-3 to alpha-2 (AFG to AF), from the JDK's country list. */
  static final Map<String, String> ALPHA2;

  static {
    Map<String, String> m = new TreeMap<>();
    for (String cc : Locale.getISOCountries()) {
      m.put(new Locale("", cc).getISO3Country(), cc);
    }
    ALPHA2 = Map.copyOf(m);
  }

  /** The alpha-2 code of a country given as alpha-2 or alpha-3, or null. */
  static String country(String code) {
    if (code == null) {
      return null;
    }
    String c = code.strip().toUpperCase(Locale.ROOT);
    return c.length() == 2 ? c : ALPHA2.get(c);
  }

  /** A set-local code from a name: lower case letters and digits joined by hyphens. */
  static String slug(String name) {
    String s = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFKD)
        .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-");
    return s.replaceAll("^-+|-+$", "");
  }
}
