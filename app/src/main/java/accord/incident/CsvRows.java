package accord.incident;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Streams the records of a CSV file with the line each starts on, one at a time. Records are
 * framed here (a quoted field may span lines) and their fields parsed by commons-csv, so a broken
 * record is reported with its line and reading carries on at the next line instead of the whole
 * rest of the file being lost to one stray quote.
 */
public final class CsvRows {
  /** A record is refused beyond this size; a runaway quoted field is given up on after it. */
  public static final int MAX_RECORD_CHARS = 1 << 20;
  public static final int MAX_RECORD_LINES = 200;

  /** One record: the line it starts on, and either its fields or why it could not be read. */
  public record Row(long line, List<String> fields, String error) {}

  /** A line of the file; {@code length} is its full length, of which at most MAX_RECORD_CHARS + 1 are kept. */
  private record Line(long number, String text, long length) {}

  private CsvRows() {}

  public static void read(InputStream in, Consumer<Row> each) {
    // Undecodable bytes become U+FFFD, so a file in the wrong encoding fails row by row, not whole.
    var decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    LineReader r = new LineReader(new InputStreamReader(in, decoder));
    Deque<Line> pushedBack = new ArrayDeque<>();
    long[] next = {1};
    try {
      while (true) {
        Line first = take(r, pushedBack, next);
        if (first == null) {
          return;
        }
        String text = first.number() == 1 && first.text().startsWith("\uFEFF") ? first.text().substring(1) : first.text();
        if (text.isBlank()) {
          continue;
        }
        if (first.length() > MAX_RECORD_CHARS) {
          each.accept(new Row(first.number(), null, "the row is " + first.length() + " characters long, at most " + MAX_RECORD_CHARS));
          continue;
        }
        if (first.number() == 1 && text.indexOf('\u0000') >= 0) {
          each.accept(new Row(first.number(), null, "the file looks like UTF-16 text (NUL bytes between the characters); save it as UTF-8"));
          continue;
        }
        List<Line> taken = new ArrayList<>(List.of(first));
        StringBuilder record = new StringBuilder(text);
        int quotes = count(text);
        String giveUp = null;
        while (quotes % 2 == 1) {
          if (taken.size() >= MAX_RECORD_LINES || record.length() > MAX_RECORD_CHARS) {
            giveUp = "a quoted field is not closed within " + MAX_RECORD_LINES + " lines or " + MAX_RECORD_CHARS + " characters";
            break;
          }
          Line more = take(r, pushedBack, next);
          if (more == null) {
            giveUp = "a quoted field is not closed before the end of the file";
            break;
          }
          if (more.length() > MAX_RECORD_CHARS) {
            taken.add(more);
            giveUp = "the row is longer than " + MAX_RECORD_CHARS + " characters";
            break;
          }
          taken.add(more);
          record.append('\n').append(more.text());
          quotes += count(more.text());
        }
        Row row = giveUp != null ? new Row(first.number(), null, giveUp) : parse(first.number(), record.toString());
        if (row.error() != null) {
          // Read on from the next line: a stray quote most likely broke this record alone.
          for (int i = taken.size() - 1; i >= 1; i--) {
            pushedBack.push(taken.get(i));
          }
        }
        each.accept(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the file: " + e.getMessage(), e);
    }
  }

  private static Row parse(long line, String record) {
    if (record.length() > MAX_RECORD_CHARS) {
      return new Row(line, null, "the row is " + record.length() + " characters long, at most " + MAX_RECORD_CHARS);
    }
    int bad = record.indexOf('\uFFFD');
    if (bad >= 0) {
      return new Row(line, null, "the row is not valid UTF-8 text at character " + (bad + 1)
          + " (is the file in another encoding, such as Latin-1 or UTF-16?)");
    }
    if (record.indexOf('\u0000') >= 0) {
      return new Row(line, null, "the row holds NUL characters (is the file UTF-16 or binary?)");
    }
    try (CSVParser p = CSVParser.parse(record, CSVFormat.DEFAULT)) {
      List<CSVRecord> all = p.getRecords();
      if (all.size() != 1) {
        return new Row(line, null, "the row does not read as one CSV record");
      }
      return new Row(line, all.get(0).toList(), null);
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      return new Row(line, null, "broken quoting: " + e.getMessage());
    }
  }

  private static Line take(LineReader r, Deque<Line> pushedBack, long[] next) throws IOException {
    if (!pushedBack.isEmpty()) {
      return pushedBack.pop();
    }
    String s = r.readLine();
    if (s == null) {
      return null;
    }
    return new Line(next[0]++, s, r.lastLength());
  }

  /**
   * Lines of text, each held only up to {@link #MAX_RECORD_CHARS}: the rest of a longer line is
   * read past and counted, never kept, so one runaway field cannot fill the memory.
   */
  static final class LineReader {
    private final java.io.Reader in;
    private final char[] buf = new char[1 << 16];
    private int pos;
    private int end;
    private long lastLength;
    private boolean pendingCr;

    LineReader(java.io.Reader in) {
      this.in = in;
    }

    /** The full length of the line last read, which may exceed what was kept of it. */
    long lastLength() {
      return lastLength;
    }

    String readLine() throws IOException {
      StringBuilder kept = new StringBuilder();
      long length = 0;
      boolean any = false;
      while (true) {
        if (pos == end) {
          end = in.read(buf, 0, buf.length);
          pos = 0;
          if (end <= 0) {
            end = 0;
            lastLength = length;
            return any ? kept.toString() : null;
          }
        }
        char c = buf[pos++];
        if (pendingCr) {
          pendingCr = false;
          if (c == '\n') {
            continue; // the second half of a CRLF
          }
        }
        any = true;
        if (c == '\n' || c == '\r') {
          pendingCr = c == '\r';
          lastLength = length;
          return kept.toString();
        }
        length++;
        if (kept.length() <= MAX_RECORD_CHARS) {
          kept.append(c);
        }
      }
    }
  }

  private static int count(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '"') {
        n++;
      }
    }
    return n;
  }

  /**
   * A file's columns by name, and the checked reading of one row's values shared by every source's
   * layout. Errors are {@link IllegalArgumentException}s naming the column at fault.
   */
  abstract static class Columns {
    private final Map<String, Integer> columns;

    Columns(Map<String, Integer> columns) {
      this.columns = columns;
    }

    /** Column positions by trimmed lower-case name (spelled as {@code aliases} say); the first of a name wins. */
    static Map<String, Integer> index(List<String> names, Map<String, String> aliases, List<String> required) {
      Map<String, Integer> cols = new HashMap<>();
      for (int i = 0; i < names.size(); i++) {
        String n = names.get(i).trim().toLowerCase(Locale.ROOT);
        cols.putIfAbsent(aliases.getOrDefault(n, n), i);
      }
      for (String r : required) {
        if (!cols.containsKey(r)) {
          throw new IllegalArgumentException("the header has no column " + r);
        }
      }
      return cols;
    }

    boolean has(String col) {
      return columns.containsKey(col);
    }

    /** A column's value, trimmed; null when the layout lacks the column or the value is empty. */
    String get(List<String> f, String col) {
      Integer i = columns.get(col);
      if (i == null || i >= f.size()) {
        return null;
      }
      String s = f.get(i).trim();
      return s.isEmpty() ? null : s;
    }

    String need(List<String> f, String col) {
      String s = get(f, col);
      if (s == null) {
        throw new IllegalArgumentException(col + " is empty");
      }
      return s;
    }

    Double coordinate(List<String> f, String col, double max) {
      String s = get(f, col);
      if (s == null) {
        return null;
      }
      double v;
      try {
        v = Double.parseDouble(s);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(col + " '" + s + "' is not a number");
      }
      if (!Double.isFinite(v) || Math.abs(v) > max) {
        throw new IllegalArgumentException(col + " " + s + " is outside -" + (int) max + ".." + (int) max);
      }
      return v;
    }

    /** Latitude and longitude into {@code place}, both or neither. */
    void putCoordinates(ObjectNode place, List<String> f, String latCol, String lonCol) {
      Double lat = coordinate(f, latCol, 90);
      Double lon = coordinate(f, lonCol, 180);
      if ((lat == null) != (lon == null)) {
        throw new IllegalArgumentException(latCol + " and " + lonCol + " must both be given, or neither");
      }
      if (lat != null) {
        place.put("lat", lat).put("lon", lon);
      }
    }

    Long count(List<String> f, String col) {
      String s = get(f, col);
      if (s == null) {
        return null;
      }
      try {
        long n = Long.parseLong(s);
        if (n >= 0) {
          return n;
        }
      } catch (NumberFormatException ignored) {
        // reported below
      }
      throw new IllegalArgumentException(col + " '" + s + "' is not a count (a whole number, 0 or more)");
    }

    void putCount(ObjectNode o, String key, List<String> f, String col) {
      Long n = count(f, col);
      if (n != null) {
        o.put(key, n);
      }
    }

    static boolean isDate(String s) {
      if (!s.matches("\\d{4}-\\d{2}-\\d{2}")) {
        return false;
      }
      try {
        LocalDate.parse(s);
        return true;
      } catch (DateTimeParseException e) {
        return false;
      }
    }

    static void putIf(ObjectNode o, String key, String value) {
      if (value != null) {
        o.put(key, value);
      }
    }
  }
}
