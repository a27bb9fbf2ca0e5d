package accord.health;

import static org.assertj.core.api.Assertions.assertThat;

import accord.accord.DefaultInstance;
import accord.web.TestServer;

/**
 * A small history with known dates, places and tolls, reported through the real API, so the
 * health figures can be checked by hand. Period 1 May to 31 October 2026:
 *
 * <pre>
 *   date        country      toll     reported by  side     counted
 *   2026-04-30  Afghanistan  7        AF           AF       no (before)
 *   2026-05-03  Pakistan     4        PK           PK       yes
 *   2026-05-20  Pakistan     0        AF           PK       yes
 *   2026-06-11  Afghanistan  10       AF           AF       yes
 *   2026-06-12  Afghanistan  unknown  PK           AF       yes
 *   2026-07-04  (none)       3        PK           unknown  yes
 *   2026-08-30  PK           2        PK           PK       yes
 *   2026-10-31  Iran         1        AF           other    yes (last day)
 *   2026-11-01  Pakistan     50       PK           PK       no (after)
 * </pre>
 *
 * In the period: 7 incidents, 20 deaths; Pakistan 3 incidents and 6 deaths, Afghanistan 2 and 10,
 * other 1 and 1, unknown 1 and 3; reported by PK 4, by AF 3.
 */
final class HealthSeed {
  static final String FROM = "2026-05-01";
  static final String TO = "2026-10-31";
  static final String PERIOD = "from=" + FROM + "&to=" + TO;

  private HealthSeed() {}

  static void incidents(TestServer s) {
    String pk = s.login("pk.liaison");
    String af = s.login("af.liaison");
    report(s, af, "2026-04-30", "\"country\": \"Afghanistan\", \"location\": \"Khost\"", 7L);
    report(s, pk, "2026-05-03", "\"country\": \"Pakistan\", \"location\": \"Angoor Adda\"", 4L);
    report(s, af, "2026-05-20", "\"country\": \"Pakistan\", \"location\": \"Chaman\"", 0L);
    report(s, af, "2026-06-11", "\"country\": \"Afghanistan\", \"location\": \"Barmal\"", 10L);
    report(s, pk, "2026-06-12", "\"country\": \"Afghanistan\", \"location\": \"Spin Boldak\"", null);
    report(s, pk, "2026-07-04", "\"location\": \"Durand line, exact place unknown\"", 3L);
    report(s, pk, "2026-08-30", "\"country\": \"PK\", \"location\": \"Torkham\"", 2L);
    report(s, af, "2026-10-31", "\"country\": \"Iran\", \"location\": \"Zahedan\"", 1L);
    report(s, pk, "2026-11-01", "\"country\": \"Pakistan\", \"location\": \"Bajaur\"", 50L);
  }

  static void report(TestServer s, String token, String date, String place, Long toll) {
    String json = """
        {"date": "%s", "place": {%s}, "event_type": "battles", "sub_event_type": "armed_clash",
         "actors": [{"name": "TTP", "role": "perpetrator"}]%s}
        """.formatted(date, place, toll == null ? "" : ", \"fatalities\": {\"best\": " + toll + "}");
    var r = s.postJson("/api/accords/" + DefaultInstance.KABUL + "/incidents", token, json);
    assertThat(r.status()).as(r.text()).isEqualTo(201);
  }
}
