package accord.incident;

import accord.accord.DefaultInstance;
import accord.ledger.Entry;
import accord.ledger.EntryCodec;
import accord.node.Node;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/**
 * Demo incidents along the border, so the register's list, map and timeline have something to
 * show: a crossing closure at Torkham, a clash at Chaman, a cross-border strike in Bajaur–Kunar
 * on which the parties' accounts disagree, and an attack in North Waziristan near Khost. The
 * Doha ceasefire, which has mediators, holds a disputed strike with a mediator's finding.
 * Illustrative records in the style of the 2025 border events, not claims about real casualties.
 */
public final class IncidentDemo {
  private IncidentDemo() {}

  public static void load(Node node) {
    String k = DefaultInstance.KABUL;
    report(node, k, "PK", "pk.liaison", "2025-05-03T08:00:00Z", "en", """
        {"date": "2025-05-02", "event_type": "strategic_developments", "sub_event_type": "other",
         "place": {"country": "Pakistan", "admin1": "Khyber Pakhtunkhwa", "admin2": "Khyber", "location": "Torkham",
                   "lat": 34.1186, "lon": 71.0922, "precision": "exact"},
         "actors": [{"name": "Pakistani forces", "role": "responder", "group": "PK_FORCES"}],
         "sources": [{"outlet": "Dawn", "date": "2025-05-03"}], "provisions": ["P5"],
         "text": "The Torkham crossing closed for two days after an exchange of fire; trade and transit halted."}""");
    report(node, k, "PK", "pk.liaison", "2025-06-11T10:00:00Z", "ur", """
        {"date": "2025-06-10", "event_type": "battles", "sub_event_type": "armed_clash",
         "place": {"country": "Pakistan", "admin1": "Balochistan", "admin2": "Qilla Abdullah", "location": "Chaman",
                   "lat": 30.9210, "lon": 66.4597, "precision": "near"},
         "actors": [{"name": "Pakistani forces", "role": "responder", "group": "PK_FORCES"},
                    {"name": "Afghan forces", "role": "perpetrator", "group": "AF_FORCES"}],
         "fatalities": {"low": 2, "best": 3, "high": 3}, "provisions": ["P1"],
         "text": "چمن کی سرحد پر فائرنگ کا تبادلہ، دو سپاہی اور ایک شہری جاں بحق۔"}""");
    long bajaur = report(node, k, "PK", "pk.liaison", "2025-08-21T06:00:00Z", "en", """
        {"date": "2025-08-20", "event_type": "violence_against_civilians", "sub_event_type": "attack",
         "place": {"country": "Pakistan", "admin1": "Khyber Pakhtunkhwa", "admin2": "Bajaur", "location": "Nawagai",
                   "lat": 34.6660, "lon": 71.3370, "precision": "near"},
         "actors": [{"name": "Tehrik-i-Taliban Pakistan", "role": "perpetrator", "group": "TTP"},
                    {"name": "Civilians (Pakistan)", "role": "target"}],
         "fatalities": {"low": 5, "best": 6, "high": 8}, "injuries": {"best": 11}, "provisions": ["P1", "P2"],
         "text": "TTP fighters crossed from Kunar and attacked a village market in Nawagai, Bajaur."}""");
    account(node, k, "AF", "af.liaison", "2025-08-22T09:00:00Z", "fa-AF", bajaur, """
        {"date": "2025-08-20", "event_type": "explosions_remote_violence", "sub_event_type": "shelling_artillery_missile_attack",
         "place": {"country": "Afghanistan", "admin1": "Kunar", "admin2": "Dangam", "location": "Dangam",
                   "lat": 34.9830, "lon": 71.4170, "precision": "near"},
         "actors": [{"name": "Pakistani forces", "role": "perpetrator", "group": "PK_FORCES"},
                    {"name": "Civilians (Afghanistan)", "role": "target"}],
         "fatalities": {"best": 2}, "injuries": {"best": 4},
         "text": "هیچ جنگجویی از کنر عبور نکرد؛ گلوله‌باری پاکستان بر ولسوالی دانگام دو غیرنظامی را کشت."}""");
    report(node, k, "AF", "af.liaison", "2025-09-15T07:30:00Z", "ps", """
        {"date": "2025-09-14", "event_type": "explosions_remote_violence", "sub_event_type": "remote_explosive_landmine_ied",
         "place": {"country": "Afghanistan", "admin1": "Khost", "admin2": "Khost", "location": "Khost",
                   "lat": 33.3395, "lon": 69.9204, "precision": "near"},
         "actors": [{"name": "Islamic State Khorasan Province", "role": "perpetrator", "group": "ISKP"}],
         "fatalities": {"best": 1}, "provisions": ["P1"],
         "text": "په خوست کې د سړک تر څنګ چاودنه؛ یو تن مړ شو."}""");
    report(node, k, "PK", "pk.liaison", "2025-10-02T12:00:00Z", "en", """
        {"date": "2025-10-01", "event_type": "battles", "sub_event_type": "armed_clash",
         "place": {"country": "Pakistan", "admin1": "Khyber Pakhtunkhwa", "admin2": "North Waziristan", "location": "Ghulam Khan",
                   "lat": 33.1900, "lon": 69.9420, "precision": "near"},
         "actors": [{"name": "Tehrik-i-Taliban Pakistan", "role": "perpetrator", "group": "TTP"},
                    {"name": "Pakistani forces", "role": "responder", "group": "PK_FORCES"}],
         "fatalities": {"low": 4, "best": 5, "high": 7}, "provisions": ["P1", "P2"],
         "text": "Militants attacked a border post near the Ghulam Khan crossing, North Waziristan."}""");
    // The Doha ceasefire: the parties disagree about a strike, and a mediator records a finding.
    String d = DefaultInstance.DOHA;
    long strike = report(node, d, "AF", "af.liaison", "2025-10-24T08:00:00Z", "fa-AF", """
        {"date": "2025-10-23", "event_type": "explosions_remote_violence", "sub_event_type": "air_drone_strike",
         "place": {"country": "Afghanistan", "admin1": "Paktika", "admin2": "Barmal", "location": "Barmal",
                   "lat": 32.8000, "lon": 69.2000, "precision": "near"},
         "actors": [{"name": "Pakistani forces", "role": "perpetrator", "group": "PK_FORCES"},
                    {"name": "Civilians (Afghanistan)", "role": "target"}],
         "fatalities": {"best": 10}, "provisions": ["C1"],
         "text": "حمله هوایی بر خانه‌های مسکونی در برمل پس از آتش‌بس."}""");
    long pkAccount = account(node, d, "PK", "pk.liaison", "2025-10-24T11:00:00Z", "en", strike, """
        {"date": "2025-10-23", "event_type": "battles", "sub_event_type": "armed_clash",
         "place": {"country": "Afghanistan", "admin1": "Paktika", "location": "Barmal"},
         "actors": [{"name": "Tehrik-i-Taliban Pakistan", "role": "perpetrator", "group": "TTP"},
                    {"name": "Pakistani forces", "role": "responder", "group": "PK_FORCES"}],
         "fatalities": {"best": 4},
         "text": "Return fire on a TTP group preparing an attack across the border; no civilians were hit."}""");
    ObjectNode finding = EntryCodec.JSON.createObjectNode().put("incident", strike).put("supports", pkAccount)
        .put("text", "Imagery and the list of the dead support a clash with an armed group; the civilian toll is not confirmed.");
    node.append(new Entry(IncidentRules.FINDING, d, "QA", "mediator", Instant.parse("2025-11-02T10:00:00Z"), List.of(), "en",
        finding)).join();
  }

  private static long report(Node node, String accord, String party, String user, String at, String lang, String json) {
    return append(node, IncidentRules.REPORT, accord, party, user, at, lang, read(json));
  }

  private static long account(Node node, String accord, String party, String user, String at, String lang, long incident,
      String json) {
    ObjectNode b = EntryCodec.JSON.createObjectNode().put("incident", incident);
    b.setAll(read(json));
    return append(node, IncidentRules.ACCOUNT, accord, party, user, at, lang, b);
  }

  private static long append(Node node, String type, String accord, String party, String user, String at, String lang,
      ObjectNode body) {
    return node.append(new Entry(type, accord, party, user, Instant.parse(at), List.of(), lang, body)).join().index();
  }

  private static ObjectNode read(String json) {
    try {
      return (ObjectNode) EntryCodec.JSON.readTree(json);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("demo incident is not JSON", e);
    }
  }
}
