package accord.engagement;

import accord.accord.DefaultInstance;
import accord.ledger.Entry;
import accord.ledger.EntryCodec;
import accord.node.Node;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/**
 * The bodies of the Kabul understanding, written as {@code body.define} entries when the default
 * accord is created: the Joint Coordination Committee (co-chaired by the two foreign ministers,
 * meeting monthly) and working groups on security, on trade and transit, and on refugees and
 * returnees. Members are named by office, since the people holding them change.
 */
public final class EngagementDefaults {
  private record Seat(String party, String office, boolean chair) {}

  private record Def(String code, String name, String kind, String level, String ladder, int perParty, int emergency,
      String cadence, List<Seat> seats) {}

  private static final List<Def> KABUL = List.of(
      new Def("JCC", "Joint Coordination Committee", "committee", "committee", "joint_coordination_committee", 2, 1, "P1M", List.of(
          new Seat("PK", "Deputy Prime Minister and Foreign Minister", true),
          new Seat("PK", "Special Representative for Afghanistan", false),
          new Seat("PK", "Secretary of the Interior", false),
          new Seat("AF", "Acting Foreign Minister", true),
          new Seat("AF", "Deputy Foreign Minister", false),
          new Seat("AF", "Deputy Minister of the Interior", false))),
      new Def("WG-SEC", "Working group on security", "working_group", "working_group", "working_group_security", 2, 1, "P1M", List.of(
          new Seat("PK", "Additional Secretary (Afghanistan), Ministry of Foreign Affairs", true),
          new Seat("PK", "Liaison officer, Ministry of Interior", false),
          new Seat("AF", "Director General, Ministry of Foreign Affairs", true),
          new Seat("AF", "Liaison officer, Ministry of Interior", false))),
      new Def("WG-TT", "Working group on trade and transit", "working_group", "working_group", null, 2, 1, "P3M", List.of(
          new Seat("PK", "Additional Secretary, Ministry of Commerce", true),
          new Seat("PK", "Collector of Customs, Peshawar", false),
          new Seat("AF", "Deputy Minister of Commerce and Industry", true),
          new Seat("AF", "Director of Customs, Nangarhar", false))),
      new Def("WG-RR", "Working group on refugees and returnees", "working_group", "working_group", null, 2, 1, "P3M", List.of(
          new Seat("PK", "Chief Commissioner for Afghan Refugees", true),
          new Seat("PK", "Joint Secretary, Ministry of States and Frontier Regions", false),
          new Seat("AF", "Deputy Minister of Refugees and Repatriation", true),
          new Seat("AF", "Director of Returnee Affairs", false))));

  private EngagementDefaults() {}

  /** Appends the Kabul understanding's bodies, written by its secretariat at {@code at}. */
  public static void defineKabul(Node node, Instant at) {
    int i = 0;
    for (Def d : KABUL) {
      node.append(entry(d, at.plusSeconds(i++))).join();
    }
  }

  private static Entry entry(Def d, Instant at) {
    ObjectNode b = EntryCodec.JSON.createObjectNode();
    b.put("code", d.code()).put("name", d.name()).put("kind", d.kind()).put("level", d.level());
    if (d.ladder() != null) {
      b.put("ladder_level", d.ladder());
    }
    b.putObject("quorum").put("per_party", d.perParty()).put("emergency", d.emergency());
    b.put("cadence", d.cadence());
    ArrayNode members = b.putArray("members");
    for (Seat s : d.seats()) {
      members.addObject().put("party", s.party()).put("name", s.office()).put("chair", s.chair());
    }
    return new Entry(Bodies.DEFINE, DefaultInstance.KABUL, DefaultInstance.SECRETARIAT, "secretariat", at, List.of(), "en", b);
  }
}
