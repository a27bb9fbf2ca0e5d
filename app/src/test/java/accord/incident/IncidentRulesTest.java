package accord.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import accord.accord.AccordRules;
import accord.accord.AccordState;
import accord.accord.DefaultInstance;
import accord.ledger.Entry;
import accord.ledger.EntryCodec;
import accord.ledger.Keyring;
import accord.ledger.Rejection;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The incident rules alone: every refusal names its field, and good entries pass. */
class IncidentRulesTest {
  static final Instant T = Instant.parse("2025-10-20T08:00:00Z");
  static AccordState doha;
  static final IncidentRules.Known INCIDENT_7 = new IncidentRules.Known(true, Set.of(7L, 9L), false);

  @BeforeAll
  static void accord(@TempDir Path dir) {
    doha = AccordRules.definition(DefaultInstance.doha(new Keyring(dir), T));
  }

  static ObjectNode report() {
    ObjectNode b = EntryCodec.JSON.createObjectNode();
    b.put("date", "2025-10-12").put("date_precision", "day");
    b.putObject("place").put("country", "Pakistan").put("admin1", "Khyber Pakhtunkhwa").put("admin2", "Kurram")
        .put("location", "Angoor Adda").put("lat", 32.5).put("lon", 69.7).put("precision", "near");
    b.put("event_type", "battles").put("sub_event_type", "armed_clash");
    b.putArray("actors").addObject().put("name", "TTP").put("role", "perpetrator").put("group", "TTP");
    b.putObject("fatalities").put("low", 2).put("best", 3).put("high", 5);
    b.putArray("sources").addObject().put("outlet", "Dawn").put("date", "2025-10-13")
        .put("url", "https://example.org/a").put("sha256", "ab".repeat(32));
    b.putArray("provisions").add("C1");
    b.put("text", "Exchange of fire at the crossing.");
    return b;
  }

  static Entry entry(String type, String party, ObjectNode body) {
    return new Entry(type, DefaultInstance.DOHA, party, "u", T, List.of(), "en", body);
  }

  static void refused(String type, String party, IncidentRules.Known known, ObjectNode body, Rejection.Kind kind, String message) {
    assertThatThrownBy(() -> IncidentRules.decide(Optional.of(doha), known, entry(type, party, body)))
        .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.kind()).isEqualTo(kind))
        .hasMessageContaining(message);
  }

  static void badReport(Consumer<ObjectNode> change, String message) {
    ObjectNode b = report();
    change.accept(b);
    refused(IncidentRules.REPORT, "PK", IncidentRules.Known.NOTHING, b, Rejection.Kind.INVALID, message);
  }

  @Test
  void goodEntriesPass() {
    assertThatCode(() -> IncidentRules.decide(Optional.of(doha), IncidentRules.Known.NOTHING, entry(IncidentRules.REPORT, "PK", report())))
        .doesNotThrowAnyException();
    ObjectNode account = report().put("incident", 7);
    account.with("fatalities").put("best", 30).put("high", 40);
    assertThatCode(() -> IncidentRules.decide(Optional.of(doha), INCIDENT_7, entry(IncidentRules.ACCOUNT, "AF", account)))
        .doesNotThrowAnyException();
    ObjectNode finding = EntryCodec.JSON.createObjectNode().put("incident", 7).put("text", "The evidence supports the first report.").put("supports", 7);
    assertThatCode(() -> IncidentRules.decide(Optional.of(doha), INCIDENT_7, entry(IncidentRules.FINDING, "QA", finding)))
        .doesNotThrowAnyException();
    Report r = IncidentRules.evolve(entry(IncidentRules.REPORT, "PK", report())).orElseThrow();
    assertThat(r.fatalities()).isEqualTo(new Report.Range(2L, 3L, 5L));
    assertThat(r.actors()).containsExactly(new Report.Actor("TTP", "perpetrator", "TTP"));
    assertThat(IncidentRules.evolve(entry(IncidentRules.FINDING, "QA", finding))).isEmpty();
  }

  @Test
  void whoMayWrite() {
    assertThatThrownBy(() -> IncidentRules.decide(Optional.empty(), IncidentRules.Known.NOTHING, entry(IncidentRules.REPORT, "PK", report())))
        .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.kind()).isEqualTo(Rejection.Kind.NOT_FOUND));
    refused(IncidentRules.REPORT, "XX", IncidentRules.Known.NOTHING, report(), Rejection.Kind.FORBIDDEN, "XX is not a member");
    refused("incident.nonsense", "PK", IncidentRules.Known.NOTHING, report(), Rejection.Kind.INVALID, "unknown incident entry type");
    ObjectNode finding = EntryCodec.JSON.createObjectNode().put("incident", 7).put("text", "x");
    refused(IncidentRules.FINDING, "PK", INCIDENT_7, finding, Rejection.Kind.FORBIDDEN, "only a mediator");
    refused(IncidentRules.FINDING, "SEC", INCIDENT_7, finding, Rejection.Kind.FORBIDDEN, "only a mediator");
  }

  @Test
  void everyReportFieldIsChecked() {
    badReport(b -> b.remove("date"), "body.date must be a non-empty string");
    badReport(b -> b.put("date", "2025-02-30"), "body.date must be a real date");
    badReport(b -> b.put("date", "12/10/2025"), "body.date must be a real date");
    badReport(b -> b.put("date_end", "2025-10-01"), "body.date_end 2025-10-01 is before body.date");
    badReport(b -> b.put("date_precision", "hour"), "body.date_precision must be one of");
    badReport(b -> b.put("place", "Kurram"), "body.place must be an object");
    badReport(b -> b.putObject("place"), "body.place must name a country");
    badReport(b -> b.with("place").put("lat", 123), "body.place.lat must be a number from -90 to 90");
    badReport(b -> b.with("place").put("lon", -181), "body.place.lon must be a number from -180 to 180");
    badReport(b -> b.with("place").remove("lon"), "needs both lat and lon");
    badReport(b -> b.with("place").put("precision", "street"), "body.place.precision must be one of");
    badReport(b -> b.with("place").put("admin1", ""), "body.place.admin1 must be a non-empty string");
    badReport(b -> b.put("event_type", "skirmish"), "body.event_type: unknown type skirmish");
    badReport(b -> b.put("sub_event_type", "suicide_bomb"), "body.sub_event_type: suicide_bomb is not a sub-type of battles");
    badReport(b -> b.put("ucdp_violence", 4), "body.ucdp_violence must be 1, 2 or 3");
    badReport(b -> b.put("actors", "TTP"), "body.actors must be an array");
    badReport(b -> ((ObjectNode) b.withArray("actors").get(0)).remove("name"), "body.actors[0].name must be a non-empty string");
    badReport(b -> ((ObjectNode) b.withArray("actors").get(0)).put("role", "bystander"), "body.actors[0].role must be one of");
    badReport(b -> ((ObjectNode) b.withArray("actors").get(0)).put("group", "XYZ"), "body.actors[0].group: unknown group XYZ");
    badReport(b -> b.put("fatalities", 3), "body.fatalities must be an object");
    badReport(b -> b.with("fatalities").put("best", -1), "body.fatalities.best must be a whole number");
    badReport(b -> b.with("fatalities").put("best", 1.5), "body.fatalities.best must be a whole number");
    badReport(b -> b.with("fatalities").put("low", 4), "body.fatalities must have low <= best <= high");
    badReport(b -> b.putObject("injuries").put("best", 9).put("high", 1), "body.injuries must have low <= best <= high");
    badReport(b -> ((ObjectNode) b.withArray("sources").get(0)).remove("outlet"), "body.sources[0].outlet must be a non-empty string");
    badReport(b -> ((ObjectNode) b.withArray("sources").get(0)).put("url", "javascript:alert(1)"), "body.sources[0].url must be an http or https link");
    badReport(b -> ((ObjectNode) b.withArray("sources").get(0)).put("sha256", "XYZ"), "body.sources[0].sha256 must be 64 lower-case hex digits");
    badReport(b -> ((ObjectNode) b.withArray("sources").get(0)).put("date", "2025-13-01"), "body.sources[0].date must be a real date");
    badReport(b -> b.withArray("provisions").add("P9"), "body.provisions[1]: accord doha-2025 has no provision P9");
    badReport(b -> b.withArray("provisions").add(3), "body.provisions[1] must be a provision id");
    badReport(b -> b.put("text", "x".repeat(IncidentRules.MAX_TEXT + 1)), "body.text holds more than");
    badReport(b -> b.put("external_id", "123"), "body.external_id must look like ucdp:123456");
    refused(IncidentRules.REPORT, "PK", new IncidentRules.Known(false, Set.of(), true), report().put("external_id", "ucdp:1"),
        Rejection.Kind.CONFLICT, "body.external_id: ucdp:1 is already in the register");
  }

  @Test
  void accountsAndFindingsReferToAnIncident() {
    refused(IncidentRules.ACCOUNT, "AF", INCIDENT_7, report(), Rejection.Kind.INVALID, "body.incident must be the id");
    refused(IncidentRules.ACCOUNT, "AF", IncidentRules.Known.NOTHING, report().put("incident", 8), Rejection.Kind.NOT_FOUND, "there is no incident 8");
    refused(IncidentRules.ACCOUNT, "AF", INCIDENT_7, report().put("incident", 7).put("external_id", "ucdp:1"), Rejection.Kind.INVALID, "body.external_id belongs on the report");
    ObjectNode badAccount = report().put("incident", 7);
    badAccount.with("place").put("lat", 95);
    refused(IncidentRules.ACCOUNT, "AF", INCIDENT_7, badAccount, Rejection.Kind.INVALID, "body.place.lat");
    ObjectNode f = EntryCodec.JSON.createObjectNode().put("incident", 7);
    refused(IncidentRules.FINDING, "QA", INCIDENT_7, f, Rejection.Kind.INVALID, "body.text must hold 1 to");
    refused(IncidentRules.FINDING, "QA", INCIDENT_7, f.deepCopy().put("text", "x").put("supports", 8), Rejection.Kind.INVALID, "body.supports: 8 is not a report or account of incident 7");
    refused(IncidentRules.FINDING, "QA", IncidentRules.Known.NOTHING, f.deepCopy().put("text", "x"), Rejection.Kind.NOT_FOUND, "there is no incident 7");
  }

  @Test
  void eventTypesAreAcledsSixAndTwentyFive() {
    assertThat(EventTypes.ALL).hasSize(6);
    assertThat(EventTypes.ALL.stream().mapToInt(t -> t.subTypes().size()).sum()).isEqualTo(25);
    assertThat(EventTypes.fromUcdp(1)).containsExactly("battles", "armed_clash");
    assertThat(EventTypes.fromUcdp(3)).containsExactly("violence_against_civilians", "attack");
    assertThat(EventTypes.isSubType("explosions_remote_violence", "air_drone_strike")).isTrue();
  }
}
