package accord.casework;

import accord.accord.AccordApi;
import accord.accord.AccordProjection;
import accord.accord.AccordState;
import accord.ledger.Appended;
import accord.ledger.Entry;
import accord.ledger.Rejection;
import accord.node.Node;
import accord.user.User;
import accord.web.I18n;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.HttpResponseException;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;

/**
 * The imperative shell of casework, shared by the API and the pages: checks a command in the
 * order the API answers (400 malformed, 404 unknown, 403 role or party, 409 state), signs it as
 * the caller's party, and appends it.
 */
public final class CaseDesk {
  private final Node node;
  private final Evidence evidence;

  public CaseDesk(Node node, Evidence evidence) {
    this.node = node;
    this.evidence = evidence;
  }

  public Node node() {
    return node;
  }

  public Evidence evidence() {
    return evidence;
  }

  public AccordState accord(String accord) {
    return node.db().jdbi().withHandle(h -> AccordProjection.load(h, accord))
        .orElseThrow(() -> new HttpResponseException(404, "no accord " + accord));
  }

  public CaseState kase(String accord, long id) {
    return node.db().jdbi().withHandle(h -> CaseStore.load(h, accord, id))
        .orElseThrow(() -> new HttpResponseException(404, "no case " + id + " in " + accord));
  }

  /** Files a case as the caller's party; answers its id. {@code body} is the case.file body. */
  public long file(User u, String accord, ObjectNode body, String lang) {
    AccordState a = accord(accord);
    if (body.path("allegation").isTextual()) {
      String text = body.get("allegation").asText();
      body.putObject("allegation").put("text", text);
    }
    invalidAs400(() -> CaseRules.readFile(body, a));
    checkFiles(body);
    requireRole(u, CaseRules.FILE);
    return append(new Entry(CaseRules.FILE, accord, u.actingAs(), u.username(), node.clock().instant(), List.of(),
        language(lang), body)).index();
  }

  /** Makes {@code move} (acknowledge, respond, …) on a case as the caller; answers the entry's index. */
  public long move(User u, String accord, long id, String move, ObjectNode body, String lang) {
    String type = CaseRules.MOVES.get(move);
    if (type == null) {
      throw new HttpResponseException(404, "no move " + move + " (want one of " + CaseRules.MOVES.keySet() + ")");
    }
    AccordState a = accord(accord);
    body.put("case", id);
    invalidAs400(() -> CaseRules.readMove(type, body, a));
    if (type.equals(CaseRules.INFORM)) {
      checkFiles(body);
    }
    kase(accord, id);
    requireRole(u, type);
    return append(new Entry(type, accord, u.actingAs(), u.username(), node.clock().instant(), List.of(id),
        language(lang), body)).index();
  }

  /**
   * Records the caller's party's signed receipt for opening an evidence file of a case, once per
   * file and party; does nothing for the party that provided the file or for a reader who is not a party.
   */
  public Optional<Long> receipt(User u, CaseState c, CaseQuery.File f) {
    String party = u.actingAs();
    if (!u.role().actsForParty() || !c.party(party) || f.providedBy().equals(party)
        || f.receipts().stream().anyMatch(r -> r.party().equals(party))) {
      return Optional.empty();
    }
    ObjectNode body = accord.ledger.EntryCodec.JSON.createObjectNode().put("case", c.id()).put("sha256", f.sha256());
    try {
      return Optional.of(append(new Entry(CaseRules.RECEIPT, c.accord(), party, u.username(), node.clock().instant(),
          List.of(c.id(), f.index()), "en", body)).index());
    } catch (HttpResponseException e) {
      if (e.getStatus() == 409) {
        return Optional.empty(); // another download signed it a moment ago
      }
      throw e;
    }
  }

  private Appended append(Entry e) {
    return AccordApi.await(node.append(e));
  }

  /** Every listed evidence file must be on this node already, with the size the entry states. */
  private void checkFiles(ObjectNode body) {
    int i = 0;
    for (JsonNode f : body.path("evidence")) {
      String where = "evidence[" + i++ + "]";
      String sha = f.get("sha256").asText();
      var p = evidence.find(sha).orElseThrow(() -> new HttpResponseException(400, where + ".sha256: no file " + sha
          + " has been uploaded to this node; upload it first (POST /api/accords/{id}/evidence)"));
      try {
        long size = Files.size(p);
        if (size != f.get("size").asLong()) {
          throw new HttpResponseException(400, where + ".size: the file " + sha + " has " + size + " bytes, not " + f.get("size").asLong());
        }
      } catch (java.io.IOException ex) {
        throw new IllegalStateException("cannot read evidence file " + sha, ex);
      }
    }
  }

  private static void requireRole(User u, String type) {
    if (u.actingAs() == null || !CaseRules.roleMay(u.role(), type)) {
      throw new HttpResponseException(403, "your role (" + u.role().name().toLowerCase() + ") may not make " + type);
    }
  }

  private static String language(String lang) {
    if (lang == null || lang.isBlank()) {
      return "en";
    }
    if (!I18n.LANGUAGES.contains(lang)) {
      throw new HttpResponseException(400, "lang must be one of " + I18n.LANGUAGES + ", not " + lang);
    }
    return lang;
  }

  private static void invalidAs400(Runnable check) {
    try {
      check.run();
    } catch (Rejection r) {
      throw new HttpResponseException(r.kind() == Rejection.Kind.NOT_FOUND ? 404 : 400, r.getMessage());
    }
  }
}
