package accord.casework;

import accord.accord.AccordProjection;
import accord.accord.AccordState;
import accord.ledger.Entry;
import accord.ledger.EntryCodec;
import accord.ledger.Projection;
import accord.notify.Notice;
import accord.notify.Notices;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/** Casework's read model: loads the case an entry touches, applies the rules, stores rows, posts notices. */
public final class CaseProjection implements Projection {
  @Override
  public boolean handles(String type) {
    return type.startsWith("case.");
  }

  @Override
  public void decide(Handle h, Entry e) {
    CaseRules.decide(AccordProjection.load(h, e.accord()), known(h, e), e);
  }

  @Override
  public void evolve(Handle h, Entry e, long index) {
    AccordState a = AccordProjection.load(h, e.accord()).orElseThrow();
    boolean file = e.type().equals(CaseRules.FILE);
    long id = file ? index : e.body().get("case").asLong();
    Optional<CaseState> before = file ? Optional.empty() : CaseStore.load(h, e.accord(), id);
    CaseState c = CaseRules.evolve(before, a, e, index);
    String at = EntryCodec.formatTime(e.time());
    if (!e.type().equals(CaseRules.RECEIPT)) {
      CaseStore.store(h, c, a, file);
      CaseTallies.apply(h, before, c, a);
    }
    JsonNode b = e.body();
    String text = b.hasNonNull("text") ? b.get("text").asText() : file ? c.allegationText() : null;
    accord.ledger.LogStore.exec(accord.ledger.LogStore.prepared(h, "INSERT INTO case_step (accord, idx, case_id, type, party, author,"
        + " lang, at, text, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        e.accord(), index, id, e.type(), e.party(), e.user(), e.lang(), at, text, EntryCodec.canonical(b));
    for (JsonNode f : b.path("evidence")) {
      accord.ledger.LogStore.exec(accord.ledger.LogStore.prepared(h, "INSERT INTO case_evidence (accord, case_id, sha256, idx,"
          + " provided_by, size, name, media_type, description) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
          + " ON CONFLICT DO NOTHING"),
          e.accord(), id, f.get("sha256").asText(), index, e.party(), f.get("size").asLong(), f.get("name").asText(),
          f.get("media_type").asText(), f.hasNonNull("description") ? f.get("description").asText() : null);
    }
    if (e.type().equals(CaseRules.RECEIPT)) {
      accord.ledger.LogStore.exec(accord.ledger.LogStore.prepared(h, "INSERT INTO case_receipt (accord, case_id, sha256, party, idx, at)"
          + " VALUES (?, ?, ?, ?, ?, ?)"), e.accord(), id, b.get("sha256").asText(), e.party(), index, at);
    }
    notices(h, e, index, c, a, at);
  }

  /** Tells the party that must act next (and the other party where it matters) what happened. */
  private static void notices(Handle h, Entry e, long index, CaseState c, AccordState a, String at) {
    String id = Long.toString(c.id());
    String link = "/accords/" + c.accord() + "/cases/" + id;
    String msg = "case.notice." + e.type().substring("case.".length());
    List<String> to = switch (e.type()) {
      case CaseRules.FILE -> List.of(c.notified());
      case CaseRules.ESCALATE, CaseRules.FINDING -> List.of(c.notifying(), c.notified());
      case CaseRules.RECEIPT -> List.of(c.other(e.party()));
      default -> c.party(e.party()) ? List.of(c.other(e.party())) : List.of(c.notifying(), c.notified());
    };
    List<String> args = switch (e.type()) {
      case CaseRules.ESCALATE -> List.of(id, e.party(), a.ladder().get(Math.min(c.levelNo(), a.ladder().size() - 1)));
      case CaseRules.RECEIPT -> List.of(id, e.party(), e.body().get("sha256").asText().substring(0, 12));
      default -> List.of(id, e.party());
    };
    for (String party : to) {
      Notices.post(h, new Notice(c.accord(), index, at, party, msg, args, link));
    }
  }

  @Override
  public List<String> tables() {
    return List.of("case_file", "case_step", "case_evidence", "case_receipt", "case_tally", "case_day", "case_rung");
  }

  /** What the read model holds that this entry refers to. */
  private static CaseRules.Known known(Handle h, Entry e) {
    JsonNode b = e.body();
    if (e.type().equals(CaseRules.FILE)) {
      Set<Long> incidents = new HashSet<>();
      for (JsonNode n : b.path("incidents")) {
        if (n.isIntegralNumber() && h.createQuery("SELECT COUNT(*) FROM incident WHERE accord = :a AND id = :i")
            .bind("a", e.accord()).bind("i", n.asLong()).mapTo(Long.class).one() > 0) {
          incidents.add(n.asLong());
        }
      }
      return CaseRules.Known.none(incidents);
    }
    if (!b.path("case").isIntegralNumber()) {
      return CaseRules.Known.none(Set.of());
    }
    long id = b.get("case").asLong();
    Optional<CaseState> c = CaseStore.load(h, e.accord(), id);
    Map<String, String> providers = new HashMap<>();
    Set<String> receipts = new HashSet<>();
    if (c.isPresent() && e.type().equals(CaseRules.RECEIPT)) {
      h.createQuery("SELECT sha256, provided_by FROM case_evidence WHERE accord = :a AND case_id = :i")
          .bind("a", e.accord()).bind("i", id)
          .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2))).forEach(x -> providers.put(x.getKey(), x.getValue()));
      h.createQuery("SELECT party, sha256 FROM case_receipt WHERE accord = :a AND case_id = :i")
          .bind("a", e.accord()).bind("i", id)
          .map((rs, ctx) -> rs.getString(1) + " " + rs.getString(2)).forEach(receipts::add);
    }
    return new CaseRules.Known(c, Set.of(), providers, receipts);
  }
}
