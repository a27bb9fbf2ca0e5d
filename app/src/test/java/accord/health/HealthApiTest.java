package accord.health;

import static org.assertj.core.api.Assertions.assertThat;

import accord.Engines;
import accord.web.I18n;
import accord.web.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The health figures of a seeded history (see {@link HealthSeed}), as JSON, CSV and summary. */
class HealthApiTest {
  static final String API = "/api/accords/kabul-2025/health";

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(Engines.class)
  void figuresOfASeededHistoryCheckedByHand(Engines engine) throws Exception {
    try (TestServer s = new TestServer(engine, dir)) {
      HealthSeed.incidents(s);
      String sec = s.login("secretariat");
      var r = s.get(API + "?" + HealthSeed.PERIOD, sec);
      assertThat(r.status()).as(r.text()).isEqualTo(200);
      JsonNode j = r.json();
      assertThat(j.get("from").asText()).isEqualTo("2026-05-01");
      assertThat(j.get("to").asText()).isEqualTo("2026-10-31");
      assertThat(j.get("parties").findValuesAsText("code")).containsExactly("PK", "AF");
      JsonNode inc = j.get("incidents");
      assertThat(inc.get("total").asLong()).isEqualTo(7);
      assertThat(inc.get("fatalities").asLong()).isEqualTo(20);
      assertThat(inc.get("by_side").findValuesAsText("side")).containsExactly("PK", "AF", "other", "unknown");
      assertThat(inc.get("by_side").findValues("incidents").stream().map(JsonNode::asLong).toList()).containsExactly(3L, 2L, 1L, 1L);
      assertThat(inc.get("by_side").findValues("fatalities").stream().map(JsonNode::asLong).toList()).containsExactly(6L, 10L, 1L, 3L);
      assertThat(inc.get("reported_by").get("PK").asLong()).isEqualTo(4);
      assertThat(inc.get("reported_by").get("AF").asLong()).isEqualTo(3);
      Map<String, String> months = new java.util.LinkedHashMap<>();
      for (JsonNode m : inc.get("by_month")) {
        months.put(m.get("month").asText() + " " + m.get("side").asText(), m.get("incidents").asLong() + "/" + m.get("fatalities").asLong());
      }
      // Every month for each party, and a non-party side only where it occurs.
      assertThat(months).containsExactly(
          Map.entry("2026-05 PK", "2/4"), Map.entry("2026-05 AF", "0/0"),
          Map.entry("2026-06 PK", "0/0"), Map.entry("2026-06 AF", "2/10"),
          Map.entry("2026-07 PK", "0/0"), Map.entry("2026-07 AF", "0/0"), Map.entry("2026-07 unknown", "1/3"),
          Map.entry("2026-08 PK", "1/2"), Map.entry("2026-08 AF", "0/0"),
          Map.entry("2026-09 PK", "0/0"), Map.entry("2026-09 AF", "0/0"),
          Map.entry("2026-10 PK", "0/0"), Map.entry("2026-10 AF", "0/0"), Map.entry("2026-10 other", "1/1"));
      assertThat(j.get("summary").asText()).startsWith("From May 1, 2026 to October 31, 2026, 7 incidents were recorded"
          + " (3 in Pakistan, 2 in Afghanistan, 1 in other countries, and 1 in places not recorded) with 20 deaths."
          + " No notifications were filed.");

      // The summary in Urdu, asked for by ?lang=.
      String ur = s.get(API + "?" + HealthSeed.PERIOD + "&lang=ur", sec).json().get("summary").asText();
      assertThat(ur).startsWith(I18n.messages("ur").t("health.summary.incidents", "1 مئی، 2026", "31 اکتوبر، 2026", 7,
          "پاکستان میں 3، افغانستان میں 2، دیگر ممالک میں 1، اور نامعلوم مقامات میں 1", 20));
      assertThat(ur).startsWith("1 مئی، 2026 سے 31 اکتوبر، 2026 تک 7 واقعات درج ہوئے").contains("جن میں 20 ہلاکتیں ہوئیں۔");

      // A narrower period: June alone.
      JsonNode june = s.get(API + "?from=2026-06-01&to=2026-06-30", sec).json().get("incidents");
      assertThat(june.get("total").asLong()).isEqualTo(2);
      assertThat(june.get("fatalities").asLong()).isEqualTo(10);

      // The CSV holds the same figures, one per row.
      var csv = s.get(API + ".csv?" + HealthSeed.PERIOD, sec);
      assertThat(csv.status()).isEqualTo(200);
      assertThat(csv.raw().headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
      List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
          .parse(new StringReader(csv.text())).getRecords();
      Map<String, String> byKey = rows.stream().collect(Collectors.toMap(
          x -> x.get("section") + "|" + x.get("figure") + "|" + x.get("party") + "|" + x.get("month"), x -> x.get("value")));
      assertThat(byKey).containsEntry("incidents|incidents||", "7").containsEntry("incidents|fatalities||", "20")
          .containsEntry("incidents|incidents|AF|", "2").containsEntry("incidents|fatalities|AF|", "10")
          .containsEntry("incidents|reported_by|PK|", "4")
          .containsEntry("incidents|incidents|PK|2026-05", "2").containsEntry("incidents|fatalities|AF|2026-06", "10");
      assertThat(rows).hasSize(byKey.size()); // no figure given twice
    }
  }

  @ParameterizedTest
  @EnumSource(Engines.class)
  void badPeriodsUnknownAccordsAndStrangersAreRefused(Engines engine) {
    try (TestServer s = new TestServer(engine, dir)) {
      String pk = s.login("pk.liaison");
      assertThat(s.get(API, null).status()).isEqualTo(401);
      assertThat(s.get(API + ".csv", null).status()).isEqualTo(401);
      var bad = s.get(API + "?from=1-5-2026", pk);
      assertThat(bad.status()).isEqualTo(400);
      assertThat(bad.json().get("error").asText()).contains("'from'").contains("YYYY-MM-DD");
      var reversed = s.get(API + "?from=2026-06-01&to=2026-05-01", pk);
      assertThat(reversed.status()).isEqualTo(400);
      assertThat(reversed.json().get("error").asText()).contains("after");
      assertThat(s.get(API + "?from=2000-01-01&to=2026-01-01", pk).json().get("error").asText()).contains("120 months");
      assertThat(s.get(API + "?lang=xx", pk).json().get("error").asText()).contains("'lang'");
      assertThat(s.get("/api/accords/nowhere/health", pk).status()).isEqualTo(404);
      // No dates: the twelve calendar months ending with this one, and nothing recorded yet.
      JsonNode j = s.get(API, pk).json();
      java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
      assertThat(j.get("to").asText()).isEqualTo(today.toString());
      assertThat(j.get("from").asText()).isEqualTo(today.withDayOfMonth(1).minusMonths(11).toString());
      assertThat(j.get("incidents").get("by_month")).hasSize(24);
      assertThat(j.get("summary").asText()).contains("no incidents were recorded.");
    }
  }
}
