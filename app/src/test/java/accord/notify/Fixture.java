package accord.notify;

import static org.assertj.core.api.Assertions.assertThat;

import accord.accord.DefaultInstance;
import accord.web.TestServer;

/**
 * Notices made the way the product makes them: Pakistan reports the clash at Angoor Adda of
 * October 2025 on the Doha ceasefire's record, Afghanistan files its own account of it (Pakistan
 * is told), and the mediator records a finding (both parties are told).
 */
final class Fixture {
  static final String DOHA = DefaultInstance.DOHA;
  static final String SESSION_COOKIE = "accord_session";

  private Fixture() {}

  static long report(TestServer s, String token) {
    var r = s.postJson("/api/accords/" + DOHA + "/incidents", token, """
        {"date": "2025-10-12", "place": {"country": "Pakistan", "admin1": "Khyber Pakhtunkhwa", "location": "Angoor Adda"},
         "event_type": "battles", "sub_event_type": "armed_clash",
         "actors": [{"name": "TTP", "role": "perpetrator"}], "text": "Clash at the Angoor Adda crossing."}""");
    assertThat(r.status()).as(r.text()).isEqualTo(201);
    return r.json().get("id").asLong();
  }

  static long account(TestServer s, String token, long incident) {
    var r = s.postJson("/api/accords/" + DOHA + "/entries", token, """
        {"type": "incident.account", "lang": "fa-AF", "body": {"incident": %d, "date": "2025-10-12",
         "place": {"country": "Afghanistan", "location": "Barmal"}, "event_type": "battles",
         "sub_event_type": "armed_clash", "actors": [{"name": "Pakistani forces", "role": "perpetrator", "group": "PK_FORCES"}],
         "text": "درگیری مرزی"}}""".formatted(incident));
    assertThat(r.status()).as(r.text()).isEqualTo(201);
    return r.json().get("index").asLong();
  }

  static long finding(TestServer s, String token, long incident) {
    var r = s.postJson("/api/accords/" + DOHA + "/entries", token, """
        {"type": "incident.finding", "body": {"incident": %d, "text": "Both accounts agree on the place and the day."}}"""
        .formatted(incident));
    assertThat(r.status()).as(r.text()).isEqualTo(201);
    return r.json().get("index").asLong();
  }
}
