package accord.incident;

import static org.assertj.core.api.Assertions.assertThat;

import accord.Engines;
import accord.accord.DefaultInstance;
import accord.ledger.LogStore;
import accord.ledger.Replay;
import accord.node.Node;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Importing the real UCDP GED rows in ../shared/data/events, and files with bad rows. */
class UcdpImportTest {
  static final Instant T0 = Instant.parse("2025-04-20T09:00:00Z");
  static final String KABUL = DefaultInstance.KABUL;
  static final String SAMPLE = "events/ucdp_ged_afghanistan_2001_2018_sample310.csv";
  static final String FULL = "events/ucdp_ged_v24_1_api_format_sample_AFG_5rows.csv";

  @TempDir Path dir;

  Node open(Engines engine) {
    Node node = Node.open(dir, engine.newDatabase(dir), Clock.fixed(T0, ZoneOffset.UTC));
    node.append(DefaultInstance.kabul(node.keyring(), T0)).join();
    return node;
  }

  static UcdpImport.Result run(Node node, Path file, boolean dryRun, boolean allOrNothing) {
    return new UcdpImport(node, new UcdpImport.Options(KABUL, "SEC", "import", dryRun, allOrNothing)).run(file, null);
  }

  static List<CSVRecord> records(Path file) throws Exception {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
    }
  }

  static JsonNode incident(Node node, String ucdpId) {
    return Incidents.byExternalId(node, "ucdp:" + ucdpId);
  }

  static long incidents(Node node) {
    return Incidents.count(node);
  }

  @ParameterizedTest
  @EnumSource(Engines.class)
  void theRealSampleImportsCompletelyAndAgainChangesNothing(Engines engine) throws Exception {
    Path file = SharedData.require(SAMPLE);
    List<CSVRecord> rows = records(file);
    try (Node node = open(engine)) {
      UcdpImport.Result dry = run(node, file, true, false);
      assertThat(dry.added()).isEqualTo(310);
      assertThat(incidents(node)).isZero();

      UcdpImport.Result r = run(node, file, false, false);
      assertThat(r.bad()).isEmpty();
      assertThat(r.rows()).isEqualTo(310);
      assertThat(r.added()).isEqualTo(310);
      assertThat(incidents(node)).isEqualTo(310);

      for (int i : new int[] {0, 1, 2, 57, 123, 200, 309}) {
        CSVRecord want = rows.get(i);
        JsonNode got = incident(node, want.get("id"));
        String where = "UCDP " + want.get("id");
        assertThat(got.get("date").asText()).as(where).isEqualTo(want.get("date_start"));
        String end = want.get("date_end").equals(want.get("date_start")) ? null : want.get("date_end");
        assertThat(got.get("date_end").isNull() ? null : got.get("date_end").asText()).as(where).isEqualTo(end);
        assertThat(got.get("place").get("lat").asDouble()).as(where).isEqualTo(Double.parseDouble(want.get("latitude")));
        assertThat(got.get("place").get("lon").asDouble()).as(where).isEqualTo(Double.parseDouble(want.get("longitude")));
        String adm2 = want.get("adm_2").isEmpty() ? null : want.get("adm_2");
        assertThat(got.get("place").get("admin2").isNull() ? null : got.get("place").get("admin2").asText()).as(where).isEqualTo(adm2);
        JsonNode report = got.get("accounts").get(0).get("report");
        long deaths = Long.parseLong(want.get("deaths_a")) + Long.parseLong(want.get("deaths_b"));
        assertThat(report.get("fatalities").get("best").asLong()).as(where).isEqualTo(deaths);
        assertThat(report.get("fatalities").has("low")).as(where + ": the extract has no low estimate").isFalse();
        assertThat(report.get("fatalities").has("high")).as(where + ": the extract has no high estimate").isFalse();
        assertThat(report.get("actors").findValuesAsText("name")).as(where).containsExactly(want.get("side_a"), want.get("side_b"));
        // The extract's article and its dates become the report's source and text.
        String article = want.get("source_art");
        JsonNode source = report.get("sources").get(0);
        assertThat(source.get("outlet").asText()).as(where).isEqualTo(article.length() > 1000 ? article.substring(0, 1000) : article);
        String firstDate = want.get("source_dat").split(";")[0].trim();
        if (firstDate.length() >= 10 && firstDate.substring(0, 10).matches("\\d{4}-\\d{2}-\\d{2}")) {
          assertThat(source.get("date").asText()).as(where).isEqualTo(firstDate.substring(0, 10));
        } else {
          assertThat(source.has("date")).as(where).isFalse();
        }
        assertThat(report.get("text").asText()).as(where).isEqualTo(article);
        int violence = want.get("side_b").equalsIgnoreCase("Civilians") ? 3 : want.get("side_a").startsWith("Government of") ? 1 : 2;
        assertThat(report.get("ucdp_violence").asInt()).as(where).isEqualTo(violence);
      }
      // Every row, not only the sample: its date, place and toll are the file's.
      for (CSVRecord want : rows) {
        JsonNode got = incident(node, want.get("id"));
        String where = "UCDP " + want.get("id") + " (record " + want.getRecordNumber() + ")";
        assertThat(got.get("date").asText()).as(where).isEqualTo(want.get("date_start"));
        assertThat(got.get("place").get("lat").asDouble()).as(where).isEqualTo(Double.parseDouble(want.get("latitude")));
        assertThat(got.get("place").get("lon").asDouble()).as(where).isEqualTo(Double.parseDouble(want.get("longitude")));
        assertThat(got.get("fatalities_best").asLong()).as(where)
            .isEqualTo(Long.parseLong(want.get("deaths_a")) + Long.parseLong(want.get("deaths_b")));
      }
      JsonNode first = incident(node, "146881"); // Government of Afghanistan against UIFSA, 2001
      assertThat(first.get("event_type").asText()).isEqualTo("battles");
      assertThat(first.get("date_precision").asText()).isEqualTo("week");
      JsonNode actors = first.get("accounts").get(0).get("report").get("actors");
      assertThat(actors.get(0).get("group").asText()).isEqualTo("AF_FORCES");
      assertThat(actors.get(0).get("role").asText()).isEqualTo("responder");
      assertThat(actors.get(1).has("group")).isFalse();
      JsonNode isTaleban = incident(node, "197861").get("accounts").get(0).get("report").get("actors");
      assertThat(isTaleban.findValuesAsText("group")).containsExactly("ISKP", "TALIBAN");

      String digest = node.digest();
      long size = node.db().jdbi().withHandle(h -> LogStore.size(h, KABUL));
      UcdpImport.Result again = run(node, file, false, false);
      assertThat(again.added()).isZero();
      assertThat(again.skipped()).isEqualTo(310);
      assertThat(node.digest()).isEqualTo(digest);
      assertThat((long) node.db().jdbi().withHandle(h -> LogStore.size(h, KABUL))).isEqualTo(size);

      Replay.Result rebuilt = node.rebuild();
      assertThat(rebuilt.violations()).isEmpty();
      assertThat(rebuilt.digest()).isEqualTo(digest);
    }
  }

  @ParameterizedTest
  @EnumSource(Engines.class)
  void theFullLayoutWithOrWithoutHeaderAndOldNames(Engines engine) throws Exception {
    Path file = SharedData.require(FULL);
    List<CSVRecord> rows = records(file);
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    try (Node node = open(engine)) {
      // Headerless first: the 49 columns are recognised by their number.
      Path headerless = dir.resolve("headerless.csv");
      Files.write(headerless, lines.subList(1, lines.size()), StandardCharsets.UTF_8);
      UcdpImport.Result r = run(node, headerless, false, false);
      assertThat(r.bad()).isEmpty();
      assertThat(r.added()).isEqualTo(5);
      for (CSVRecord want : rows) {
        JsonNode got = incident(node, want.get("id"));
        JsonNode report = got.get("accounts").get(0).get("report");
        assertThat(got.get("date").asText()).isEqualTo(want.get("date_start").substring(0, 10));
        assertThat(got.get("place").get("country").asText()).isEqualTo(want.get("country"));
        assertThat(got.get("place").get("admin1").asText()).isEqualTo(want.get("adm_1"));
        assertThat(got.get("place").get("admin2").asText()).isEqualTo(want.get("adm_2"));
        assertThat(got.get("place").get("location").asText()).isEqualTo(want.get("where_coordinates"));
        assertThat(got.get("place").get("lat").asDouble()).isEqualTo(Double.parseDouble(want.get("latitude")));
        for (String k : List.of("low", "best", "high")) {
          assertThat(report.get("fatalities").get(k).asLong()).as(k).isEqualTo(Long.parseLong(want.get(k)));
        }
        assertThat(report.get("ucdp_violence").asInt()).isEqualTo(Integer.parseInt(want.get("type_of_violence")));
        assertThat(report.get("actors").findValuesAsText("name")).containsExactly(want.get("side_a"), want.get("side_b"));
      }
      // The same rows under old column names are the same incidents: nothing changes.
      Path old = dir.resolve("old-names.csv");
      List<String> renamed = new ArrayList<>(lines);
      renamed.set(0, lines.get(0).replace(",best,high,low,", ",best_est,high_est,low_est,"));
      Files.write(old, renamed, StandardCharsets.UTF_8);
      String digest = node.digest();
      UcdpImport.Result again = run(node, old, false, false);
      assertThat(again.bad()).isEmpty();
      assertThat(again.skipped()).isEqualTo(5);
      assertThat(node.digest()).isEqualTo(digest);
    }
  }

  static final String HEADER = "id,year,source_art,source_dat,side_a,side_b,adm_2,date_start,date_end,deaths_a,deaths_b,longitude,latitude";
  static final Map<Long, String> BAD = Map.of(
      3L, "broken quoting",
      4L, "date_start '2015-02-30' is not a real date",
      5L, "latitude 123 is outside -90..90",
      6L, "the row has 9 fields, the file has 13 columns",
      8L, "a quoted field is not closed");

  static Path badFile(Path dir) throws Exception {
    Path f = dir.resolve("bad.csv");
    Files.writeString(f, String.join("\n",
        HEADER,
        "900001,2015,\"AFP, 1 Mar 2015\",2015-03-01,Government of Afghanistan,Taleban,Dishu district,2015-03-01,2015-03-01,3,4,63.1,29.9",
        "900002,2015,\"AFP\"x 1 Mar,2015-03-01,Government of Afghanistan,Taleban,,2015-03-01,2015-03-01,1,1,63.1,29.9",
        "900003,2015,AFP,2015-03-01,Government of Afghanistan,Taleban,,2015-02-30,2015-02-30,1,1,63.1,29.9",
        "900004,2015,AFP,2015-03-01,Government of Afghanistan,Taleban,,2015-03-01,2015-03-01,1,1,63.1,123",
        "900005,2015,AFP,2015-03-01,Government of Afghanistan,Taleban,,2015-03-01,2015-03-01",
        "900006,2015,\"Reuters\",2015-03-02,IS,Taleban,Khaki Safed district,2015-03-02,2015-03-03,5,6,62.07,32.75",
        "900007,2015,\"AFP 2 Mar,2015-03-02,IS,Taleban,,2015-03-02,2015-03-02,1,1,62.0,32.0",
        "900008,2015,AFP,2015-03-04,IS,Taleban,,2015-03-04,2015-03-04,0,2,62.0,32.0",
        ""), StandardCharsets.UTF_8);
    return f;
  }

  @ParameterizedTest
  @EnumSource(Engines.class)
  void badRowsAreReportedByLineAndTheGoodOnesCommitted(Engines engine) throws Exception {
    Path file = badFile(dir);
    try (Node node = open(engine)) {
      String digest = node.digest();
      UcdpImport.Result none = run(node, file, false, true);
      assertThat(none.committed()).isFalse();
      assertThat(none.bad()).extracting(UcdpImport.BadRow::line).containsExactlyElementsOf(BAD.keySet().stream().sorted().toList());
      assertThat(node.digest()).as("all or nothing: nothing").isEqualTo(digest);
      assertThat(incidents(node)).isZero();

      UcdpImport.Result r = run(node, file, false, false);
      assertThat(r.bad()).hasSize(BAD.size());
      for (UcdpImport.BadRow b : r.bad()) {
        assertThat(b.reason()).as("line " + b.line()).contains(BAD.get(b.line()));
      }
      assertThat(r.added()).isEqualTo(3);
      assertThat(incidents(node)).isEqualTo(3);
      assertThat(incident(node, "900008").get("place").get("lat").asDouble()).isEqualTo(32.0);
      assertThat(incident(node, "900006").get("date_precision").asText()).isEqualTo("week");
    }
  }
}
