package accord.node;

import accord.accord.AccordProjection;
import accord.accord.AccordRules;
import accord.accord.DefaultInstance;
import accord.ledger.Entry;
import accord.ledger.EntryCodec;
import accord.user.Role;
import accord.user.Users;
import java.time.Instant;
import java.util.List;

/**
 * The demo data: the default accords, one user per role, and a short history drawn from the facts
 * of April 2025 (the Deputy Prime Minister's talks in Kabul) so there is something to look at.
 */
public final class Demo {
  public static final String PASSWORD = "accord-demo";

  public record Login(String username, String description) {}

  public static final List<Login> LOGINS =
      List.of(
          new Login("pk.liaison", "liaison officer of Pakistan"),
          new Login("af.liaison", "liaison officer of Afghanistan"),
          new Login("secretariat", "joint secretariat"),
          new Login("mediator", "mediator (Qatar)"),
          new Login("admin", "administrator"));

  private Demo() {}

  /** Loads the demo into an empty node; a node that already has accords is left as it is. */
  public static boolean loadIfEmpty(Node node, Users users) {
    return loadIfEmpty(node, users, true);
  }

  /**
   * The two accords and the demo accounts, with the demo history ({@code history}) or without it,
   * for tests that need a record holding nothing but the accords.
   */
  public static boolean loadIfEmpty(Node node, Users users, boolean history) {
    boolean empty = node.db().jdbi().withHandle(h -> AccordProjection.ids(h).isEmpty());
    if (!empty) {
      return false;
    }
    Instant talks = Instant.parse("2025-04-19T09:00:00Z");
    node.append(DefaultInstance.kabul(node.keyring(), talks)).join();
    node.append(DefaultInstance.doha(node.keyring(), Instant.parse("2025-10-19T12:00:00Z"))).join();
    users.add("pk.liaison", "Pakistan liaison officer", Role.PARTY_OFFICER, "PK", PASSWORD);
    users.add("af.liaison", "Afghanistan liaison officer", Role.PARTY_OFFICER, "AF", PASSWORD);
    users.add("secretariat", "Joint secretariat", Role.SECRETARIAT, null, PASSWORD);
    users.add("mediator", "Mediator, Qatar", Role.MEDIATOR, "QA", PASSWORD);
    users.add("admin", "Administrator", Role.ADMIN, null, PASSWORD);
    if (!history) {
      return true;
    }

    statement(node, DefaultInstance.KABUL, "SEC", "secretariat", talks.plusSeconds(3600), "en",
        "Record of the talks in Kabul: the Deputy Prime Minister and Foreign Minister of Pakistan met"
            + " the acting Prime Minister and the acting Foreign Minister of Afghanistan. Both sides"
            + " agreed that neither will allow its territory to be used against the other, and that"
            + " both will act against those who do.");
    statement(node, DefaultInstance.KABUL, "PK", "pk.liaison", talks.plusSeconds(7200), "en",
        "Pakistan asks for action against TTP elements operating from across the border, and"
            + " proposes regular committee meetings on security, trade and transit.");
    statement(node, DefaultInstance.KABUL, "AF", "af.liaison", talks.plusSeconds(9000), "fa-AF",
        "افغانستان اجازه نمی‌دهد که از خاکش علیه پاکستان استفاده شود و خواهان ادامهٔ گفتگو"
            + " در کمیته‌های مشترک است.");
    accord.incident.IncidentDemo.load(node);
    accord.engagement.EngagementDemo.load(node, talks.plusSeconds(10_800));
    accord.casework.CaseDemo.load(node);
    return true;
  }

  private static void statement(Node node, String accord, String party, String user, Instant at, String lang, String text) {
    var body = EntryCodec.JSON.createObjectNode().put("text", text);
    node.append(new Entry(AccordRules.STATEMENT, accord, party, user, at, List.of(), lang, body)).join();
  }
}
