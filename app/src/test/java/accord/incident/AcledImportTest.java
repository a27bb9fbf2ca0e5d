package accord.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import accord.Engines;
import accord.accord.DefaultInstance;
import accord.ledger.LogStore;
import accord.ledger.Replay;
import accord.node.Node;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Importing ACLED exports. ACLED's terms forbid redistributing its data, so the rows here are
 * written for the test in ACLED's layouts: the 31 columns with ISO dates, the older trimmed layout
 * (no admin3, no tags) with dates as "31 December 2024", and a file of bad rows.
 */
class AcledImportTest {
  static final String KABUL = DefaultInstance.KABUL;
  static final List<String> TRIMMED = AcledRow.COLUMNS.stream().filter(c -> !c.equals("admin3") && !c.equals("tags")).toList();

  @TempDir Path dir;

  static Map<String, String> row(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  static final List<Map<String, String>> FULL_ROWS = List.of(
      row("event_id_cnty", "AFG70001", "event_date", "2024-12-24", "year", "2024", "time_precision", "1",
          "disorder_type", "Political violence", "event_type", "Explosions/Remote violence", "sub_event_type", "Air/drone strike",
          "actor1", "Military Forces of Pakistan (2018-)", "actor2", "TTP: Tehreek-i-Taliban Pakistan",
          "assoc_actor_2", "Civilians (Afghanistan); Refugees/IDPs (Pakistan)", "inter1", "1", "inter2", "2",
          "interaction", "12", "civilian_targeting", "", "iso", "4", "region", "Caucasus and Central Asia",
          "country", "Afghanistan", "admin1", "Paktika", "admin2", "Barmal", "admin3", "", "location", "Barmal",
          "latitude", "32.6873", "longitude", "69.2619", "geo_precision", "1", "source", "Tolo News; Dawn",
          "source_scale", "National-International", "notes", "On 24 December 2024, Pakistani jets struck sites in Barmal, \"TTP hideouts\" by the military's account.",
          "fatalities", "46", "tags", "", "timestamp", "1735603200"),
      row("event_id_cnty", "PAK80002", "event_date", "2025-01-05", "year", "2025", "time_precision", "2",
          "disorder_type", "Political violence", "event_type", "Battles", "sub_event_type", "Armed clash",
          "actor1", "Military Forces of Afghanistan (2021-)", "assoc_actor_1", "", "actor2", "Military Forces of Pakistan (2018-)",
          "inter1", "1", "inter2", "1", "interaction", "11", "iso", "586", "region", "Southern Asia",
          "country", "Pakistan", "admin1", "Khyber Pakhtunkhwa", "admin2", "Kurram", "admin3", "Upper Kurram",
          "location", "Kharlachi", "latitude", "33.8840", "longitude", "69.9760", "geo_precision", "2",
          "source", "Dawn", "source_scale", "National", "notes", "Border forces exchanged fire near the crossing.\nNo casualties were reported.",
          "fatalities", "0", "tags", "crowd size=no report", "timestamp", "1736294400"),
      row("event_id_cnty", "PAK80003", "event_date", "2025-01-10", "year", "2025", "time_precision", "3",
          "disorder_type", "Political violence", "event_type", "Violence against civilians", "sub_event_type", "Attack",
          "actor1", "Islamic State Khorasan Province (ISKP)", "actor2", "Civilians (Pakistan)",
          "country", "Pakistan", "admin1", "Balochistan", "admin2", "Quetta", "location", "Quetta",
          "latitude", "30.1798", "longitude", "66.9750", "geo_precision", "3", "source", "Express Tribune",
          "notes", "", "fatalities", "5", "timestamp", "1736899200"));

  static final List<Map<String, String>> TRIMMED_ROWS = List.of(
      row("event_id_cnty", "PAK80101", "event_date", "10 February 2025", "year", "2025", "time_precision", "1",
          "event_type", "Strategic developments", "sub_event_type", "Arrests",
          "actor1", "Police Forces of Pakistan (2008-)", "actor2", "TTP: Tehreek-i-Taliban Pakistan",
          "country", "Pakistan", "admin1", "Khyber Pakhtunkhwa", "admin2", "Peshawar", "location", "Peshawar",
          "latitude", "34.0080", "longitude", "71.5785", "geo_precision", "1", "source", "The News",
          "notes", "Police arrested two suspected TTP members.", "fatalities", "0"),
      row("event_id_cnty", "AFG70102", "event_date", "1 March 2025", "year", "2025", "time_precision", "1",
          "event_type", "Protests", "sub_event_type", "Peaceful protest",
          "actor1", "Protesters (Afghanistan)", "country", "Afghanistan", "admin1", "Nangarhar",
          "admin2", "Mohmand Dara", "location", "Torkham", "latitude", "34.1105", "longitude", "71.0868",
          "geo_precision", "1", "source", "Pajhwok Afghan News", "notes", "Traders protested the closure of the Torkham crossing.",
          "fatalities", "0"));

  /** The rows in the given columns, written as ACLED writes them (header first, quoted where needed). */
  static Path csv(Path file, List<String> columns, List<Map<String, String>> rows) throws Exception {
    StringWriter w = new StringWriter();
    try (CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
      p.printRecord(columns);
      for (Map<String, String> r : rows) {
        p.printRecord(columns.stream().map(c -> r.getOrDefault(c, "")).toList());
      }
    }
    Files.writeString(file, w.toString(), StandardCharsets.UTF_8);
    return file;
  }

  Node open(Engines engine) {
    Node node = Node.open(dir, engine.newDatabase(dir), Clock.fixed(UcdpImportTest.T0, java.time.ZoneOffset.UTC));
    node.append(DefaultInstance.kabul(node.keyring(), UcdpImportTest.T0)).join();
    return node;
  }

  static CsvImport.Result run(Node node, Path file, boolean dryRun, boolean allOrNothing) {
    return new AcledImport(node, new CsvImport.Options(KABUL, "SEC", "import", dryRun, allOrNothing)).run(file, null);
  }

  static JsonNode incident(Node node, String acledId) {
    return Incidents.byExternalId(node, "acled:" + acledId);
  }

  static String text(JsonNode n) {
    return n == null || n.isNull() ? null : n.asText();
  }

  static String orNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  /** Every field the register keeps, checked against the row it came from. */
  static void checkRow(Node node, Map<String, String> want) {
    String id = want.get("event_id_cnty");
    JsonNode got = incident(node, id);
    JsonNode report = got.get("accounts").get(0).get("report");
    String d = want.get("event_date");
    LocalDate date = d.contains("-") ? LocalDate.parse(d) : LocalDate.parse(d, java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.ENGLISH));
    assertThat(got.get("date").asText()).as(id).isEqualTo(date.toString());
    assertThat(got.get("date_precision").asText()).as(id).isEqualTo(Map.of("1", "day", "2", "week", "3", "month").get(want.get("time_precision")));
    JsonNode place = got.get("place");
    for (String k : List.of("country", "admin1", "admin2", "location")) {
      assertThat(text(place.get(k))).as(id + " " + k).isEqualTo(orNull(want.get(k)));
    }
    assertThat(place.get("lat").asDouble()).as(id).isEqualTo(Double.parseDouble(want.get("latitude")));
    assertThat(place.get("lon").asDouble()).as(id).isEqualTo(Double.parseDouble(want.get("longitude")));
    assertThat(text(place.get("precision"))).as(id).isEqualTo(Map.of("1", "exact", "2", "near", "3", "admin1").get(want.get("geo_precision")));
    EventTypes.Type type = EventTypes.type(got.get("event_type").asText()).orElseThrow();
    assertThat(type.acledName()).as(id).isEqualTo(want.get("event_type"));
    assertThat(type.subTypes().get(got.get("sub_event_type").asText())).as(id).isEqualTo(want.get("sub_event_type"));
    assertThat(report.get("fatalities").get("best").asLong()).as(id).isEqualTo(Long.parseLong(want.get("fatalities")));
    assertThat(report.get("fatalities").has("low")).as(id + ": ACLED gives no low estimate").isFalse();
    assertThat(report.get("fatalities").has("high")).as(id + ": ACLED gives no high estimate").isFalse();
    List<String> names = new ArrayList<>();
    List<String> roles = new ArrayList<>();
    for (String[] c : new String[][] {{"actor1", "perpetrator"}, {"assoc_actor_1", "perpetrator"}, {"actor2", "target"}, {"assoc_actor_2", "target"}}) {
      for (String n : want.getOrDefault(c[0], "").split(";")) {
        if (!n.isBlank()) {
          names.add(n.trim());
          roles.add(c[1]);
        }
      }
    }
    assertThat(report.get("actors").findValuesAsText("name")).as(id).containsExactlyElementsOf(names);
    assertThat(report.get("actors").findValuesAsText("role")).as(id).containsExactlyElementsOf(roles);
    assertThat(report.get("sources").findValuesAsText("outlet")).as(id)
        .containsExactlyElementsOf(List.of(want.get("source").split("; ")));
    assertThat(text(got.get("text"))).as(id).isEqualTo(orNull(want.get("notes")));
  }

  static long incidents(Node node) {
    return Incidents.count(node);
  }

  static long logSize(Node node) {
    return node.db().jdbi().withHandle(h -> LogStore.size(h, KABUL));
  }

  @ParameterizedTest
  @EnumSource(Engines.class)
  void theFullLayoutImportsFieldByFieldAndAgainChangesNothing(Engines engine) throws Exception {
    Path file = csv(dir.resolve("acled-31.csv"), AcledRow.COLUMNS, FULL_ROWS);
    try (Node node = open(engine)) {
      CsvImport.Result dry = run(node, file, true, false);
      assertThat(dry.bad()).isEmpty();
      assertThat(dry.added()).isEqualTo(3);
      assertThat(incidents(node)).as("a dry run writes nothing").isZero();

      CsvImport.Result r = run(node, file, false, false);
      assertThat(r.bad()).isEmpty();
      assertThat(r.rows()).isEqualTo(3);
      assertThat(r.added()).isEqualTo(3);
      assertThat(incidents(node)).isEqualTo(3);
      FULL_ROWS.forEach(want -> checkRow(node, want));

      JsonNode strike = incident(node, "AFG70001");
      assertThat(strike.get("event_type").asText()).isEqualTo("explosions_remote_violence");
      assertThat(strike.get("sub_event_type").asText()).isEqualTo("air_drone_strike");
      JsonNode actors = strike.get("accounts").get(0).get("report").get("actors");
      assertThat(actors.get(0).get("group").asText()).isEqualTo("PK_FORCES");
      assertThat(actors.get(1).get("group").asText()).isEqualTo("TTP");
      assertThat(actors.get(2).has("group")).as("civilians are no group").isFalse();
      JsonNode clash = incident(node, "PAK80002").get("accounts").get(0).get("report").get("actors");
      assertThat(clash.findValuesAsText("group")).containsExactly("AF_FORCES", "PK_FORCES");
      assertThat(incident(node, "PAK80003").get("accounts").get(0).get("report").get("actors").get(0).get("group").asText())
          .isEqualTo("ISKP");

      String digest = node.digest();
      long size = logSize(node);
      CsvImport.Result again = run(node, file, false, false);
      assertThat(again.added()).isZero();
      assertThat(again.skipped()).isEqualTo(3);
      assertThat(node.digest()).isEqualTo(digest);
      assertThat(logSize(node)).isEqualTo(size);

      Replay.Result rebuilt = node.rebuild();
      assertThat(rebuilt.violations()).isEmpty();
      assertThat(rebuilt.digest()).isEqualTo(digest);
    }
  }

  @ParameterizedTest
  @EnumSource(Engines.class)
  void theTrimmedLayoutWithLongDates(Engines engine) throws Exception {
    Path file = csv(dir.resolve("acled-29.csv"), TRIMMED, TRIMMED_ROWS);
    assertThat(Files.readAllLines(file).get(0)).doesNotContain("admin3", "tags");
    try (Node node = open(engine)) {
      CsvImport.Result r = run(node, file, false, false);
      assertThat(r.bad()).isEmpty();
      assertThat(r.added()).isEqualTo(2);
      TRIMMED_ROWS.forEach(want -> checkRow(node, want));
      assertThat(incident(node, "PAK80101").get("date").asText()).isEqualTo("2025-02-10");
      assertThat(incident(node, "AFG70102").get("date").asText()).isEqualTo("2025-03-01");
      assertThat(incident(node, "AFG70102").get("accounts").get(0).get("report").get("actors")).hasSize(1);

      // The same events in the full layout with ISO dates are the same incidents.
      List<Map<String, String>> iso = new ArrayList<>();
      for (Map<String, String> row : TRIMMED_ROWS) {
        Map<String, String> m = new LinkedHashMap<>(row);
        m.put("event_date", incident(node, row.get("event_id_cnty")).get("date").asText());
        iso.add(m);
      }
      String digest = node.digest();
      CsvImport.Result again = run(node, csv(dir.resolve("acled-31.csv"), AcledRow.COLUMNS, iso), false, false);
      assertThat(again.bad()).isEmpty();
      assertThat(again.skipped()).isEqualTo(2);
      assertThat(node.digest()).isEqualTo(digest);
    }
  }

  static final String HEADER = String.join(",", AcledRow.COLUMNS);
  static final String TEN_MB = "x".repeat(10 << 20);
  /** The expected reason for each bad line of {@link #badFile}. */
  static final Map<Long, String> BAD = new TreeMap<>(Map.ofEntries(
      Map.entry(3L, "event_date '30 February 2025' is not a real date"),
      Map.entry(4L, "latitude 91.5 is outside -90..90"),
      Map.entry(5L, "event_type 'Skirmish' is not an ACLED event type"),
      Map.entry(6L, "the row has 10 fields, the file has 31 columns"),
      Map.entry(7L, "broken quoting"),
      Map.entry(9L, "characters long, at most " + CsvRows.MAX_RECORD_CHARS),
      Map.entry(10L, "sub_event_type 'Air/drone strike' is not a sub-type of Battles"),
      Map.entry(11L, "actor1 is empty"),
      Map.entry(13L, "ACLED event_id_cnty PAK90001 is already on line 2"),
      Map.entry(14L, "year 2025 does not match event_date 2024-02-14"),
      Map.entry(15L, "not valid UTF-8"),
      Map.entry(16L, "a quoted field is not closed")));

  static String line(String id, String date, String type, String sub, String actor1, String lat, String notes) {
    return id + "," + date + ",2025,1,Political violence," + type + "," + sub + "," + actor1
        + ",,2,Military Forces of Pakistan (2018-),,1,12,,586,Southern Asia,Pakistan,Khyber Pakhtunkhwa,North Waziristan,,Mir Ali,"
        + lat + ",70.0667,1,Dawn,National," + notes + ",0,,1736899200";
  }

  static Path badFile(Path dir) throws Exception {
    String battle = "Battles";
    String clash = "Armed clash";
    String ttp = "TTP: Tehreek-i-Taliban Pakistan";
    Path f = dir.resolve("acled-bad.csv");
    List<String> lines = List.of(
        HEADER,
        line("PAK90001", "2025-02-01", battle, clash, ttp, "33.0167", "\"A clash, by the account of the police.\""),
        line("PAK90002", "30 February 2025", battle, clash, ttp, "33.0167", "impossible date"),
        line("PAK90003", "2025-02-03", battle, clash, ttp, "91.5", "latitude beyond the pole"),
        line("PAK90004", "2025-02-04", "Skirmish", clash, ttp, "33.0167", "unknown type"),
        "PAK90005,2025-02-05,2025,1,Political violence,Battles,Armed clash,TTP,,2",
        line("PAK90006", "2025-02-06", battle, clash, ttp, "33.0167", "\"Dawn\"x said so"),
        line("PAK90007", "7 February 2025", battle, clash, ttp, "33.0167", "a good row among bad ones"),
        line("PAK90008", "2025-02-08", battle, clash, ttp, "33.0167", "\"" + TEN_MB + "\""),
        line("PAK90009", "2025-02-09", battle, "Air/drone strike", ttp, "33.0167", "sub-type of another type"),
        line("PAK90010", "2025-02-10", battle, clash, "", "33.0167", "no actor"),
        line("PAK90011", "2025-02-11", battle, clash, ttp, "33.0167", "good"),
        line("PAK90001", "2025-02-01", battle, clash, ttp, "33.0167", "the first row again"),
        line("PAK90014", "2024-02-14", battle, clash, ttp, "33.0167", "year column says 2025"),
        line("PAK90015", "2025-02-15", battle, clash, ttp, "33.0167", "Caf\u00e9 owners said so"),
        line("PAK90016", "2025-02-16", battle, clash, ttp, "33.0167", "\"never closed"));
    // One line in Latin-1, as a file pasted together from another export would have it.
    try (var out = Files.newOutputStream(f)) {
      for (String l : lines) {
        out.write((l + "\n").getBytes(l.contains("PAK90015") ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8));
      }
    }
    return f;
  }

  @ParameterizedTest
  @EnumSource(Engines.class)
  void badRowsAreReportedByLineAndTheGoodOnesCommitted(Engines engine) throws Exception {
    Path file = badFile(dir);
    try (Node node = open(engine)) {
      String digest = node.digest();
      long size = logSize(node);
      CsvImport.Result none = run(node, file, false, true);
      assertThat(none.committed()).isFalse();
      assertThat(none.bad()).extracting(CsvImport.BadRow::line).containsExactlyElementsOf(BAD.keySet());
      assertThat(node.digest()).as("all or nothing: nothing").isEqualTo(digest);
      assertThat(logSize(node)).isEqualTo(size);
      assertThat(incidents(node)).isZero();

      CsvImport.Result r = run(node, file, false, false);
      assertThat(r.bad()).extracting(CsvImport.BadRow::line).containsExactlyElementsOf(BAD.keySet());
      for (CsvImport.BadRow b : r.bad()) {
        assertThat(b.reason()).as("line " + b.line()).contains(BAD.get(b.line()));
      }
      assertThat(r.added()).isEqualTo(3);
      assertThat(incidents(node)).isEqualTo(3);
      assertThat(incident(node, "PAK90007").get("date").asText()).isEqualTo("2025-02-07");
      assertThat(text(incident(node, "PAK90001").get("text"))).isEqualTo("A clash, by the account of the police.");
      assertThat(incident(node, "PAK90011").get("place").get("admin2").asText()).isEqualTo("North Waziristan");

      String after = node.digest();
      Replay.Result rebuilt = node.rebuild();
      assertThat(rebuilt.violations()).isEmpty();
      assertThat(rebuilt.digest()).isEqualTo(after);
    }
  }

  @Test
  void theHeaderDecidesTheLayout() throws Exception {
    Path noHeader = dir.resolve("no-header.csv");
    List<String> lines = Files.readAllLines(csv(dir.resolve("full.csv"), AcledRow.COLUMNS, FULL_ROWS.subList(2, 3)));
    Files.write(noHeader, lines.subList(1, lines.size()));
    Path noDate = csv(dir.resolve("no-date.csv"), AcledRow.COLUMNS.stream().filter(c -> !c.equals("event_date")).toList(), FULL_ROWS);
    try (Node node = open(Engines.SQLITE)) {
      assertThatThrownBy(() -> run(node, noHeader, false, false)).hasMessageContaining("the first row is not an ACLED header");
      assertThatThrownBy(() -> run(node, noDate, false, false)).hasMessageContaining("the header has no column event_date");
      assertThat(incidents(node)).isZero();

      // Older exports lead with other columns (data_id, event_id_no_cnty): found by name all the same.
      List<String> older = new ArrayList<>(List.of("data_id", "event_id_no_cnty"));
      older.addAll(TRIMMED);
      Map<String, String> quetta = new LinkedHashMap<>(FULL_ROWS.get(2));
      quetta.put("data_id", "9912345");
      quetta.put("event_id_no_cnty", "80003");
      CsvImport.Result r = run(node, csv(dir.resolve("older.csv"), older, List.of(quetta)), false, false);
      assertThat(r.bad()).isEmpty();
      assertThat(r.added()).isEqualTo(1);
      checkRow(node, quetta);
    }
  }

  @Test
  void acledNamesMapToTheRegistersCodes() {
    assertThat(AcledRow.eventType("Explosions/Remote violence", "Air/drone strike")).containsExactly("explosions_remote_violence", "air_drone_strike");
    assertThat(AcledRow.eventType("Violence against civilians", "Abduction/forced disappearance"))
        .containsExactly("violence_against_civilians", "abduction_forced_disappearance");
    assertThat(AcledRow.eventType("battles", "armed  clash")).containsExactly("battles", "armed_clash");
    assertThat(AcledRow.eventType("Strategic developments", "Change to group/activity"))
        .containsExactly("strategic_developments", "change_to_group_activity");
    assertThat(AcledRow.eventType("Explosions/Remote violence", "Remote explosive/landmine/IED"))
        .containsExactly("explosions_remote_violence", "remote_explosive_landmine_ied");
    assertThat(AcledRow.date("31 December 2024")).isEqualTo(LocalDate.of(2024, 12, 31));
    assertThat(AcledRow.date("2024-12-31")).isEqualTo(LocalDate.of(2024, 12, 31));
    assertThatThrownBy(() -> AcledRow.date("29 February 2025")).hasMessageContaining("not a real date");
    assertThatThrownBy(() -> AcledRow.date("2024-13-01")).hasMessageContaining("not a real date");
    assertThatThrownBy(() -> AcledRow.eventType("Remote violence", "Grenade")).hasMessageContaining("not an ACLED event type");
  }

  @ParameterizedTest
  @EnumSource(Engines.class)
  void theCommandLine(Engines engine) throws Exception {
    Path full = csv(dir.resolve("acled-31.csv"), AcledRow.COLUMNS, FULL_ROWS);
    List<String> node = new ArrayList<>(List.of("--data", dir.resolve("node").toString()));
    String db = engine.newDatabase(dir);
    if (db != null) {
      node.addAll(List.of("--db", db));
    }
    assertThat(ImportCliTest.run(ImportCliTest.cat(List.of("init"), node)).code()).isZero();
    var dry = ImportCliTest.run(ImportCliTest.cat(List.of("import", "acled", full.toString(), "--accord", KABUL, "--dry-run"), node));
    assertThat(dry.code()).as(dry.err()).isZero();
    assertThat(dry.out()).contains("would add 3 incidents; 0 already in the register; 0 bad rows");
    var first = ImportCliTest.run(ImportCliTest.cat(List.of("import", "acled", full.toString(), "--accord", KABUL), node));
    assertThat(first.out()).as(first.err()).contains("added 3 incidents");
    var again = ImportCliTest.run(ImportCliTest.cat(List.of("import", "acled", full.toString(), "--accord", KABUL), node));
    assertThat(again.out()).contains("added 0 incidents; 3 already in the register");

    Path bad = badFile(dir);
    var none = ImportCliTest.run(ImportCliTest.cat(List.of("import", "acled", bad.toString(), "--accord", KABUL, "--all-or-nothing"), node));
    assertThat(none.code()).isEqualTo(1);
    assertThat(none.out()).contains("line 3: event_date '30 February 2025' is not a real date", "wrote nothing: " + BAD.size() + " bad rows");
    var some = ImportCliTest.run(ImportCliTest.cat(List.of("import", "acled", bad.toString(), "--accord", KABUL), node));
    assertThat(some.out()).contains("line 4: latitude 91.5 is outside -90..90", "added 3 incidents");

    // Two accord definitions, the Kabul accord's four bodies, 3 + 3 reports.
    var rebuild = ImportCliTest.run(ImportCliTest.cat(List.of("rebuild"), node));
    assertThat(rebuild.out()).as(rebuild.err()).contains("replayed 12 entries", "the rebuilt state is identical");
  }
}
