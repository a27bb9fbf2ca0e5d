package accord.incident;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
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

  private record Line(long number, String text) {}

  private CsvRows() {}

  public static void read(InputStream in, Consumer<Row> each) {
    // Undecodable bytes become U+FFFD, so a file in the wrong encoding fails row by row, not whole.
    var decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    BufferedReader r = new BufferedReader(new InputStreamReader(in, decoder), 1 << 16);
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
        List<Line> taken = new ArrayList<>(List.of(first));
        StringBuilder record = new StringBuilder(text);
        int quotes = count(text);
        String giveUp = null;
        while (quotes % 2 == 1) {
          if (taken.size() >= MAX_RECORD_LINES || record.length() > MAX_RECORD_CHARS) {
            giveUp = "a quoted field is not closed within " + MAX_RECORD_LINES + " lines";
            break;
          }
          Line more = take(r, pushedBack, next);
          if (more == null) {
            giveUp = "a quoted field is not closed before the end of the file";
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
    if (record.indexOf('\uFFFD') >= 0) {
      return new Row(line, null, "the row is not valid UTF-8 text (is the file in another encoding?)");
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

  private static Line take(BufferedReader r, Deque<Line> pushedBack, long[] next) throws IOException {
    if (!pushedBack.isEmpty()) {
      return pushedBack.pop();
    }
    String s = r.readLine();
    return s == null ? null : new Line(next[0]++, s);
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
}
