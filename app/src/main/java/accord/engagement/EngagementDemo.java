package accord.engagement;

import accord.accord.DefaultInstance;
import accord.ledger.Entry;
import accord.ledger.EntryCodec;
import accord.node.Node;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/**
 * The demo's engagement history in the Kabul understanding: its bodies; a July 2025 meeting of
 * the Joint Coordination Committee with attendance, minutes endorsed by one party so far, one
 * decision adopted and one awaiting Afghanistan's signature, and action items of which two stay
 * open (so the committee's next agenda carries them forward); the closure and reopening of the
 * Torkham crossing and a trade delegation; and both parties' scores for committee work in
 * 2025-Q2, adjudicated by the committee.
 */
public final class EngagementDemo {
  private static final String KABUL = DefaultInstance.KABUL;

  private EngagementDemo() {}

  public static void load(Node node, Instant defined) {
    EngagementDefaults.defineKabul(node, defined);
    EngagementCommands commands = new EngagementCommands(node, EscalatedCases.NONE);
    Demo d = new Demo(node);

    d.at("2025-03-25T10:00:00Z").exchange("SEC", "crossing_closure", "Torkham crossing closed", "2025-02-21", "2025-03-24",
        "Torkham", List.of("P5"), "Closed to traffic and trade after a dispute over construction at the border.");
    d.at("2025-03-25T10:05:00Z").exchange("SEC", "crossing_opening", "Torkham crossing reopened", "2025-03-24", null,
        "Torkham", List.of("P5"), "Reopened to trade and pedestrians.");
    d.at("2025-06-12T09:00:00Z").exchange("PK", "trade_delegation", "Trade delegation of Pakistani exporters to Kabul",
        "2025-06-10", "2025-06-12", "Kabul", List.of("P5", "P6"), null);

    ObjectNode request = EntryCodec.JSON.createObjectNode().put("date", "2025-07-10").put("place", "Islamabad");
    ObjectNode schedule = commands.scheduleBody(KABUL, "JCC", request,
        List.of("Review of notifications since April", "Trade and transit at Torkham", "Implementation scores for 2025-Q2"));
    long meeting = d.at("2025-06-25T08:00:00Z").append(Meetings.SCHEDULE, "SEC", "secretariat", schedule);

    d.at("2025-07-01T08:00:00Z").score("PK", "pk.liaison", "P4", "2025-Q2", 2, meeting, "The committee was set up and has its first meeting scheduled.");
    long afScore = d.at("2025-07-02T08:00:00Z").score("AF", "af.liaison", "P4", "2025-Q2", 1, meeting, "Only one committee meeting has been held.");

    ObjectNode attend = body().put("meeting", meeting);
    var people = attend.putArray("attendees");
    people.addObject().put("party", "PK").put("name", "Deputy Prime Minister and Foreign Minister");
    people.addObject().put("party", "PK").put("name", "Special Representative for Afghanistan");
    people.addObject().put("party", "AF").put("name", "Acting Foreign Minister");
    people.addObject().put("party", "AF").put("name", "Deputy Foreign Minister");
    d.at("2025-07-10T09:00:00Z").append(Meetings.ATTEND, "SEC", "secretariat", attend);

    long scoring = d.at("2025-07-10T11:00:00Z").append(Decisions.PROPOSE, "SEC", "secretariat", body().put("meeting", meeting)
        .put("text", "The committee scores committee work (P4) for 2025-Q2 at 1, minimal: one meeting was held in the quarter."));
    d.at("2025-07-10T11:30:00Z").append(Decisions.SIGN, "PK", "pk.liaison", body().put("decision", scoring));
    d.at("2025-07-10T11:40:00Z").append(Decisions.SIGN, "AF", "af.liaison", body().put("decision", scoring));
    long hours = d.at("2025-07-10T12:00:00Z").append(Decisions.PROPOSE, "PK", "pk.liaison", body().put("meeting", meeting)
        .put("text", "Torkham stays open to trade around the clock, seven days a week."));
    d.at("2025-07-10T12:10:00Z").append(Decisions.SIGN, "PK", "pk.liaison", body().put("decision", hours));

    d.at("2025-07-10T12:30:00Z").append(ActionItems.CREATE, "SEC", "secretariat", body().put("meeting", meeting)
        .put("text", "Name a focal person at each crossing for the liaison hotline.").put("owner", "AF").put("due", "2025-08-10"));
    long delegation = d.at("2025-07-10T12:31:00Z").append(ActionItems.CREATE, "SEC", "secretariat", body().put("meeting", meeting)
        .put("text", "Propose dates for an Afghan trade delegation to Peshawar.").put("owner", "PK").put("due", "2025-08-31"));
    d.at("2025-07-10T12:32:00Z").append(ActionItems.CREATE, "SEC", "secretariat", body().put("meeting", meeting)
        .put("text", "Share the draft terms of a joint border coordination mechanism.").put("owner", "PK").put("due", "2025-09-30"));

    d.at("2025-07-11T09:00:00Z").append(Meetings.MINUTES, "SEC", "secretariat", body().put("meeting", meeting)
        .put("text", "The committee met in Islamabad under the co-chairs. It reviewed the notifications filed since April, "
            + "scored committee work for 2025-Q2, and agreed three action items. Pakistan proposed round-the-clock trade at Torkham; "
            + "Afghanistan will answer at the next meeting."));
    d.at("2025-07-12T09:00:00Z").append(Meetings.ENDORSE, "PK", "pk.liaison", body().put("meeting", meeting));
    d.at("2025-07-12T10:00:00Z").append(Scores.ADJUDICATE, "SEC", "secretariat", body().put("proposal", afScore)
        .put("decision", scoring).put("reasons", "As the committee decided: one meeting in the quarter is minimal engagement."));
    d.at("2025-08-20T09:00:00Z").append(ActionItems.UPDATE, "PK", "pk.liaison", body().put("action", delegation)
        .put("status", "done").put("note", "Dates proposed: 14 to 16 October 2025."));
  }

  private static ObjectNode body() {
    return EntryCodec.JSON.createObjectNode();
  }

  /** Appends demo entries at given times. */
  private static final class Demo {
    private final Node node;
    private Instant at;

    Demo(Node node) {
      this.node = node;
    }

    Demo at(String time) {
      at = Instant.parse(time);
      return this;
    }

    long append(String type, String party, String user, ObjectNode body) {
      return node.append(new Entry(type, KABUL, party, user, at, List.of(), "en", body)).join().index();
    }

    void exchange(String party, String kind, String title, String date, String end, String place, List<String> provisions, String text) {
      ObjectNode b = body().put("kind", kind).put("title", title).put("date", date).put("place", place);
      if (end != null) {
        b.put("date_end", end);
      }
      provisions.forEach(b.putArray("provisions")::add);
      if (text != null) {
        b.put("text", text);
      }
      append(Exchanges.RECORD, party, party.equals("SEC") ? "secretariat" : party.toLowerCase() + ".liaison", b);
    }

    long score(String party, String user, String provision, String period, int score, long meeting, String text) {
      ObjectNode b = body().put("provision", provision).put("period", period).put("score", score).put("text", text);
      b.putArray("evidence").addObject().put("kind", "meeting").put("id", meeting);
      return append(Scores.PROPOSE, party, user, b);
    }
  }
}
