package accord.accord;

import accord.ledger.Entry;
import accord.ledger.EntryCodec;
import accord.ledger.Keyring;
import accord.tlog.Cosignature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/**
 * The accords the node ships with. The Kabul understanding of April 2025 between Pakistan and
 * Afghanistan (the provisions are the project's own summary of the reported commitments), and the
 * Doha ceasefire of October 2025, which adds Qatar and Türkiye as mediators.
 */
public final class DefaultInstance {
  public static final String KABUL = "kabul-2025";
  public static final String DOHA = "doha-2025";
  public static final String SECRETARIAT = "SEC";

  private DefaultInstance() {}

  private record Prov(String id, String theme, String title, String verification) {}

  private static final List<Prov> KABUL_PROVISIONS =
      List.of(
          new Prov("P1", "security", "Neither party allows its territory to be used for terrorism or other illicit activity against the other.", "Notifications answered under the accord's clocks; incidents coded and compared with independent event data."),
          new Prov("P2", "security", "When such activity occurs, both parties are responsible for acting against those elements.", "Action reports on each notification, verified by the notifying party."),
          new Prov("P3", "engagement", "The parties sustain high-level engagement on security.", "Ministerial and committee meetings held at the agreed cadence."),
          new Prov("P4", "engagement", "The parties keep up regular diplomatic engagement and committee work.", "Meetings held with quorum, minutes endorsed, action items closed."),
          new Prov("P5", "cooperation", "The parties cooperate on security, trade, transit and connectivity.", "Crossing openings, transit arrangements and joint measures recorded."),
          new Prov("P6", "cooperation", "The parties exchange trade delegations and hold exhibitions.", "Delegations and exhibitions recorded with dates."),
          new Prov("P7", "people", "The parties promote people-to-people contacts.", "Exchanges and programmes recorded with dates."));

  /** The accord.define entry of the Kabul understanding, creating any key the node lacks. */
  public static Entry kabul(Keyring keys, Instant at) {
    ObjectNode b = base(keys, KABUL, "Kabul understanding, April 2025");
    ArrayNode parties = b.putArray("parties");
    parties.add(member(keys, KABUL, "PK", "Pakistan", "state"));
    parties.add(member(keys, KABUL, "AF", "Afghanistan", "state"));
    b.putArray("observers");
    ArrayNode provisions = b.putArray("provisions");
    for (Prov p : KABUL_PROVISIONS) {
      ObjectNode o = provisions.addObject();
      o.put("id", p.id()).put("title", p.title()).put("theme", p.theme()).put("verification", p.verification());
      o.putArray("binds").add("PK").add("AF");
    }
    witnesses(keys, b, List.of("PK", "AF"));
    return new Entry(AccordRules.DEFINE, KABUL, SECRETARIAT, "secretariat", at, List.of(), "en", b);
  }

  /** The accord.define entry of the Doha ceasefire, with Qatar and Türkiye as mediators. */
  public static Entry doha(Keyring keys, Instant at) {
    ObjectNode b = base(keys, DOHA, "Doha ceasefire, October 2025");
    ArrayNode parties = b.putArray("parties");
    parties.add(member(keys, DOHA, "PK", "Pakistan", "state"));
    parties.add(member(keys, DOHA, "AF", "Afghanistan", "state"));
    ArrayNode observers = b.putArray("observers");
    observers.add(member(keys, DOHA, "QA", "Qatar", "mediator"));
    observers.add(member(keys, DOHA, "TR", "Türkiye", "mediator"));
    ArrayNode provisions = b.putArray("provisions");
    ObjectNode c = provisions.addObject();
    c.put("id", "C1").put("theme", "security")
        .put("title", "The parties observe an immediate ceasefire.")
        .put("verification", "Incidents along the border recorded and reviewed by the mediators.");
    c.putArray("binds").add("PK").add("AF");
    ObjectNode m = provisions.addObject();
    m.put("id", "C2").put("theme", "engagement")
        .put("title", "The parties meet again under the mediators to set up mechanisms that keep the peace.")
        .put("verification", "Follow-up meetings held and recorded.");
    m.putArray("binds").add("PK").add("AF");
    b.withArray("ladder").add("mediators");
    witnesses(keys, b, List.of("PK", "AF", "QA", "TR"));
    return new Entry(AccordRules.DEFINE, DOHA, SECRETARIAT, "secretariat", at, List.of(), "en", b);
  }

  private static ObjectNode base(Keyring keys, String id, String title) {
    ObjectNode b = EntryCodec.JSON.createObjectNode();
    b.put("id", id).put("title", title);
    String origin = "accord/" + id;
    ObjectNode log = b.putObject("log");
    log.put("origin", origin).put("vkey", keys.getOrCreate(origin).vkey());
    b.set("secretariat", member(keys, id, SECRETARIAT, "Joint secretariat", "secretariat"));
    ObjectNode clocks = b.putObject("clocks");
    AccordRules.DEFAULT_CLOCKS.forEach((k, v) -> clocks.put(k, v.toString()));
    b.putArray("ladder")
        .add("liaison").add("working_group_security").add("joint_coordination_committee").add("ministers");
    return b;
  }

  private static ObjectNode member(Keyring keys, String accord, String code, String name, String role) {
    ObjectNode m = EntryCodec.JSON.createObjectNode();
    m.put("code", code).put("name", name).put("role", role)
        .put("vkey", keys.getOrCreate(AccordRegistry.memberKeyName(accord, code)).vkey());
    return m;
  }

  private static void witnesses(Keyring keys, ObjectNode b, List<String> members) {
    ArrayNode w = b.putArray("witnesses");
    for (String code : members) {
      String name = AccordRegistry.witnessKeyName(code);
      keys.getOrCreate(name);
      String vkey = Cosignature.Signer.fromSkey(keys.skey(name).orElseThrow()).vkey();
      w.addObject().put("name", name).put("member", code).put("vkey", vkey);
    }
  }
}
