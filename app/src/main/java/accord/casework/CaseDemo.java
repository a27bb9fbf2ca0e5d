package accord.casework;

import accord.accord.DefaultInstance;
import accord.ledger.Entry;
import accord.ledger.EntryCodec;
import accord.node.Node;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The demo's casework in the Kabul understanding: a notification about a cross-border attack that
 * was answered, disputed and escalated to the joint working group (the next committee meeting
 * carries it), and one filed a few hours before the demo starts, with its acknowledgement clock running.
 */
public final class CaseDemo {
  private CaseDemo() {}

  public static void load(Node node) {
    String k = DefaultInstance.KABUL;
    byte[] statement = ("Statement of the post commander, Bajaur, 3 May 2025: at 02:10 a group of about twelve"
        + " armed men crossed from the Kunar side and fired on the post for forty minutes.\n").getBytes(StandardCharsets.UTF_8);
    Evidence.Stored file;
    try {
      file = Evidence.of(node).put(new ByteArrayInputStream(statement));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Instant filed = Instant.parse("2025-05-03T07:30:00Z");
    ObjectNode body = EntryCodec.JSON.createObjectNode().put("notified_party", "AF")
        .put("request", "Identify and arrest those responsible, and close the camp they operate from.");
    ObjectNode allegation = body.putObject("allegation")
        .put("text", "TTP fighters crossed from Kunar and attacked a border post in Bajaur on 3 May 2025.");
    allegation.putArray("groups").add("TTP");
    allegation.putArray("locations").add("Bajaur").add("Kunar");
    body.putArray("provisions").add("P1").add("P2");
    body.putArray("evidence").addObject().put("sha256", file.sha256()).put("size", file.size())
        .put("name", "post-commander-statement.txt").put("media_type", "text/plain")
        .put("description", "Statement of the post commander");
    long id = append(node, CaseRules.FILE, "PK", "pk.liaison", filed, "en", body, List.of());
    append(node, CaseRules.ACKNOWLEDGE, "AF", "af.liaison", filed.plus(Duration.ofHours(20)), "fa-AF",
        move(id, "اطلاعیه دریافت شد؛ موضوع در حال بررسی است."), List.of(id));
    ObjectNode respond = move(id, "Two suspects were arrested in Asadabad and the compound named was searched.");
    respond.put("findings", "A group of eight used a compound near Dangam.");
    respond.putArray("actions")
        .add(action("arrest", "taken", "2025-05-08", "Asadabad", "Two suspects arrested."))
        .add(action("raid", "taken", "2025-05-07", "Dangam", "The compound was searched; nobody was found."));
    append(node, CaseRules.RESPOND, "AF", "af.liaison", filed.plus(Duration.ofDays(6)), "en", respond, List.of(id));
    append(node, CaseRules.DISPUTE, "PK", "pk.liaison", filed.plus(Duration.ofDays(9)), "en",
        move(id, "Two arrests out of twelve attackers; the camp is still in use."), List.of(id));
    append(node, CaseRules.ESCALATE, "PK", "pk.liaison", filed.plus(Duration.ofDays(10)), "en",
        move(id, "Pakistan asks the joint working group on security to take up the case."), List.of(id));

    Instant recent = node.clock().instant().minus(Duration.ofHours(3));
    ObjectNode open = EntryCodec.JSON.createObjectNode().put("notified_party", "PK")
        .put("request", "Stop the shelling and account for the casualties.");
    open.putObject("allegation").put("text", "Shells fired from across the Durand Line hit houses in Dand-e-Patan.")
        .putArray("locations").add("Dand-e-Patan");
    append(node, CaseRules.FILE, "AF", "af.liaison", recent, "en", open, List.of());
  }

  private static ObjectNode move(long id, String text) {
    return EntryCodec.JSON.createObjectNode().put("case", id).put("text", text);
  }

  private static ObjectNode action(String kind, String status, String date, String place, String text) {
    return EntryCodec.JSON.createObjectNode().put("kind", kind).put("status", status).put("date", date)
        .put("place", place).put("text", text);
  }

  private static long append(Node node, String type, String party, String user, Instant at, String lang, ObjectNode body, List<Long> refs) {
    return node.append(new Entry(type, DefaultInstance.KABUL, party, user, at, refs, lang, body)).join().index();
  }
}
