package accord.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import accord.Engines;
import accord.node.Node;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Files that are wrong as a whole or in every row: each is refused with a reason naming the line
 * (or the column), and the register's state digest is unchanged because nothing in them was valid.
 */
class BadFilesTest {
  @TempDir Path dir;

  static final String BATTLE = "Battles";
  static final String CLASH = "Armed clash";
  static final String TTP = "TTP: Tehreek-i-Taliban Pakistan";

  Node open(Engines engine) {
    Node node = Node.open(dir.resolve("node"), engine.newDatabase(dir), java.time.Clock.fixed(UcdpImportTest.T0, java.time.ZoneOffset.UTC));
    node.append(accord.accord.DefaultInstance.kabul(node.keyring(), UcdpImportTest.T0)).join();
    return node;
  }

  Path write(String name, byte[] bytes) throws Exception {
    Path f = dir.resolve(name);
    Files.write(f, bytes);
    return f;
  }

  static byte[] utf8(List<String> lines) {
    return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  static String acled(String id, String date, String year, String lat, String notes) {
    return AcledImportTest.line(id, date, BATTLE, CLASH, TTP, lat, notes).replaceFirst(",2025,", "," + year + ",");
  }

  /** Runs an ACLED import that must add nothing, and checks the register did not change. */
  static CsvImport.Result nothingValid(Node node, Path file) {
    String digest = node.digest();
    CsvImport.Result r = AcledImportTest.run(node, file, false, false);
    assertThat(r.added()).isZero();
    assertThat(Incidents.count(node)).isZero();
    assertThat(node.digest()).isEqualTo(digest);
    return r;
  }

  @ParameterizedTest
  @EnumSource(Engines.class)
  void latin1RowsAreRefusedByLine(Engines engine) throws Exception {
    List<String> lines = List.of(AcledImportTest.HEADER,
        acled("PAK91001", "2025-02-01", "2025", "33.0167", "Peshawar caf\u00e9 owners"),
        acled("PAK91002", "2025-02-02", "2025", "33.0167", "Quetta, d\u00e9j\u00e0 vu"));
    Path f = write("latin1.csv", (String.join("\n", lines) + "\n").getBytes(StandardCharsets.ISO_8859_1));
    try (Node node = open(engine)) {
      CsvImport.Result r = nothingValid(node, f);
      assertThat(r.bad()).extracting(CsvImport.BadRow::line).containsExactly(2L, 3L);
      assertThat(r.bad()).allSatisfy(b -> assertThat(b.reason()).contains("not valid UTF-8 text", "Latin-1"));
    }
  }

  @ParameterizedTest
  @EnumSource(Engines.class)
  void utf16FilesAreRefusedAtTheFirstLine(Engines engine) throws Exception {
    List<String> lines = List.of(AcledImportTest.HEADER, acled("PAK91001", "2025-02-01", "2025", "33.0167", "fine in UTF-8"));
    String text = String.join("\n", lines) + "\n";
    try (Node node = open(engine)) {
      String digest = node.digest();
      for (var cs : List.of(StandardCharsets.UTF_16, StandardCharsets.UTF_16LE)) {
        Path f = write("utf16-" + cs.name() + ".csv", text.getBytes(cs));
        assertThatThrownBy(() -> AcledImportTest.run(node, f, false, false))
            .hasMessageContaining("line 1").hasMessageContaining("UTF-16");
      }
      assertThat(node.digest()).isEqualTo(digest);
    }
  }

  @ParameterizedTest
  @EnumSource(Engines.class)
  void missingRequiredColumnsStopTheFileBeforeAnyRow(Engines engine) throws Exception {
    List<String> columns = new ArrayList<>(AcledRow.COLUMNS);
    columns.remove("fatalities");
    String row = acled("PAK91001", "2025-02-01", "2025", "33.0167", "good otherwise");
    Path f = write("no-fatalities.csv", utf8(List.of(String.join(",", columns), row)));
    Path noLat = write("no-latitude.csv", utf8(List.of(AcledImportTest.HEADER.replace(",latitude,", ",lat,"), row)));
    Path ucdp = write("ucdp-no-side-b.csv", utf8(List.of(UcdpImportTest.HEADER.replace("side_b", "side_2"),
        "900001,2015,AFP,2015-03-01,Government of Afghanistan,Taleban,,2015-03-01,2015-03-01,3,4,63.1,29.9")));
    try (Node node = open(engine)) {
      String digest = node.digest();
      assertThatThrownBy(() -> AcledImportTest.run(node, f, false, false)).hasMessage("the header has no column fatalities");
      assertThatThrownBy(() -> AcledImportTest.run(node, noLat, true, false)).hasMessage("the header has no column latitude");
      assertThatThrownBy(() -> UcdpImportTest.run(node, ucdp, false, true)).hasMessage("the header has no column side_b");
      assertThat(node.digest()).isEqualTo(digest);
    }
  }

  @ParameterizedTest
  @EnumSource(Engines.class)
  void brokenQuotesImpossibleDatesAndCoordinatesAreReportedRowByRow(Engines engine) throws Exception {
    Path f = write("bad-rows.csv", utf8(List.of(AcledImportTest.HEADER,
        acled("PAK91001", "2023-02-30", "2023", "33.0167", "no such day"),
        acled("PAK91002", "3000-01-01", "3000", "33.0167", "a thousand years ahead"),
        acled("PAK91003", "1 January 1850", "1850", "33.0167", "before the register's time"),
        acled("PAK91004", "2025-02-04", "2025", "95", "beyond the pole"),
        acled("PAK91005", "2025-02-05", "2025", "33.0167", "\"Dawn\" said \"so"),
        acled("PAK91006", "2025-02-06", "2025", "33.0167", "\"quoted\"then-not"),
        acled("PAK91007", "2025-02-07", "2025", "33.0167", "\"never closed"))));
    try (Node node = open(engine)) {
      CsvImport.Result r = nothingValid(node, f);
      assertThat(r.rows()).isEqualTo(7);
      assertThat(r.bad()).extracting(CsvImport.BadRow::line).containsExactly(2L, 3L, 4L, 5L, 6L, 7L, 8L);
      assertThat(r.bad().get(0).reason()).contains("event_date '2023-02-30' is not a real date");
      assertThat(r.bad().get(1).reason()).contains("3000-01-01 is in the future");
      assertThat(r.bad().get(2).reason()).contains("1850-01-01 is before 1900");
      assertThat(r.bad().get(3).reason()).contains("latitude 95 is outside -90..90");
      assertThat(r.bad().get(4).reason()).contains("quot");
      assertThat(r.bad().get(5).reason()).contains("broken quoting");
      assertThat(r.bad().get(6).reason()).contains("a quoted field is not closed");
      // The same file all or nothing, and as a dry run: the same reasons, nothing written.
      assertThat(AcledImportTest.run(node, f, false, true).bad()).isEqualTo(r.bad());
      assertThat(AcledImportTest.run(node, f, true, false).bad()).isEqualTo(r.bad());
    }
  }

  @ParameterizedTest
  @EnumSource(Engines.class)
  void aTenMegabyteFieldIsRefusedAndTheRowsAroundItImported(Engines engine) throws Exception {
    String huge = "y".repeat(10 << 20);
    Path f = write("huge.csv", utf8(List.of(AcledImportTest.HEADER,
        acled("PAK91001", "2025-02-01", "2025", "33.0167", huge),
        acled("PAK91002", "2025-02-02", "2025", "33.0167", "\"" + huge + "\""),
        acled("PAK91003", "2025-02-03", "2025", "33.0167", "a good row after them"))));
    try (Node node = open(engine)) {
      CsvImport.Result r = AcledImportTest.run(node, f, false, false);
      assertThat(r.bad()).extracting(CsvImport.BadRow::line).containsExactly(2L, 3L);
      assertThat(r.bad()).allSatisfy(b -> assertThat(b.reason()).contains("characters long, at most " + CsvRows.MAX_RECORD_CHARS));
      assertThat(r.added()).isEqualTo(1);
      assertThat(Incidents.byExternalId(node, "acled:PAK91003").get("date").asText()).isEqualTo("2025-02-03");
    }
  }

  /** A line far larger than the heap could hold as text is read past, not kept: memory stays bounded. */
  @Test
  void aRunawayLineIsCountedNotKept() {
    long size = 3L << 30; // 3 GiB of one line: as a String it would need 6 GiB
    InputStream endless = new InputStream() {
      long left = size;

      @Override
      public int read() {
        return left-- > 0 ? 'z' : -1;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (left <= 0) {
          return -1;
        }
        int n = (int) Math.min(len, left);
        java.util.Arrays.fill(b, off, off + n, (byte) 'z');
        left -= n;
        return n;
      }
    };
    InputStream in = new SequenceInputStream(new ByteArrayInputStream("a,b\n".getBytes()),
        new SequenceInputStream(endless, new ByteArrayInputStream("\n1,2\n".getBytes())));
    List<CsvRows.Row> rows = new ArrayList<>();
    CsvRows.read(in, rows::add);
    assertThat(rows).hasSize(3);
    assertThat(rows.get(1).line()).isEqualTo(2);
    assertThat(rows.get(1).error()).isEqualTo("the row is " + size + " characters long, at most " + CsvRows.MAX_RECORD_CHARS);
    assertThat(rows.get(2).fields()).containsExactly("1", "2");
  }
}
