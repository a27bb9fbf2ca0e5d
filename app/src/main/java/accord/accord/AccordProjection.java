package accord.accord;

import accord.ledger.BatchCache;
import accord.ledger.Entry;
import accord.ledger.EntryCodec;
import accord.ledger.LogStore;
import accord.ledger.Projection;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The accord feature's read model: loads an accord's state, applies its rules, stores rows. */
public final class AccordProjection implements Projection {
  @Override
  public boolean handles(String type) {
    return type.startsWith("accord.");
  }

  @Override
  public void decide(Handle h, Entry e) {
    AccordRules.decide(load(h, e.accord()), e);
  }

  @Override
  public void evolve(Handle h, Entry e, long index) {
    if (e.type().equals(AccordRules.STATEMENT)) {
      var ps = LogStore.prepared(h,
          "INSERT INTO accord_statement (accord, idx, party, author, lang, text, at) VALUES (?, ?, ?, ?, ?, ?, ?)");
      try {
        ps.setString(1, e.accord());
        ps.setLong(2, index);
        ps.setString(3, e.party());
        ps.setString(4, e.user());
        ps.setString(5, e.lang());
        ps.setString(6, e.body().path("text").asText());
        ps.setString(7, EntryCodec.formatTime(e.time()));
        ps.executeUpdate();
      } catch (java.sql.SQLException ex) {
        throw new IllegalStateException("cannot store statement " + index + ": " + ex.getMessage(), ex);
      }
      return;
    }
    AccordState s = AccordRules.evolve(load(h, e.accord()), e);
    store(h, s, e, index);
    BatchCache.clear(h);
  }

  @Override
  public List<String> tables() {
    return List.of("accord", "accord_member", "accord_provision", "accord_statement");
  }

  /** Parsed definitions by their exact text: a definition never changes, so this cannot go stale. */
  private static final Map<String, AccordState> PARSED = new ConcurrentHashMap<>();

  /** The accord as its entries so far define it. */
  public static Optional<AccordState> load(Handle h, String accord) {
    return BatchCache.get(h, "accord:" + accord, () -> read(h, accord));
  }

  private static Optional<AccordState> read(Handle h, String accord) {
    return h.createQuery("SELECT definition FROM accord WHERE id = :a")
        .bind("a", accord)
        .mapTo(String.class)
        .findOne()
        .map(json -> {
          if (PARSED.size() > 10_000) {
            PARSED.clear();
          }
          return PARSED.computeIfAbsent(accord + "\n" + json, k -> AccordRules.definition(definitionEntry(accord, json)));
        });
  }

  public static List<String> ids(Handle h) {
    return h.createQuery("SELECT id FROM accord ORDER BY id").mapTo(String.class).list();
  }

  private static Entry definitionEntry(String accord, String json) {
    try {
      ObjectNode body = (ObjectNode) EntryCodec.JSON.readTree(json);
      return new Entry(AccordRules.DEFINE, accord, "-", "-", Instant.EPOCH, List.of(), "en", body);
    } catch (JsonProcessingException ex) {
      throw new IllegalStateException("stored definition of " + accord + " is not JSON", ex);
    }
  }

  private static void store(Handle h, AccordState s, Entry e, long index) {
    h.createUpdate(
            "INSERT INTO accord (id, title, origin, definition, defined_at, entry_idx)"
                + " VALUES (:id, :t, :o, :d, :at, :i)")
        .bind("id", s.id())
        .bind("t", s.title())
        .bind("o", s.origin())
        .bind("d", EntryCodec.canonical(e.body()))
        .bind("at", EntryCodec.formatTime(e.time()))
        .bind("i", index)
        .execute();
    for (AccordState.Member m : s.members()) {
      h.createUpdate(
              "INSERT INTO accord_member (accord, code, kind, name, role, vkey)"
                  + " VALUES (:a, :c, :k, :n, :r, :v)")
          .bind("a", s.id())
          .bind("c", m.code())
          .bind("k", m.kind().name().toLowerCase())
          .bind("n", m.name())
          .bind("r", m.role())
          .bind("v", m.vkey())
          .execute();
    }
    int ordinal = 0;
    for (AccordState.Provision p : s.provisions()) {
      h.createUpdate(
              "INSERT INTO accord_provision (accord, id, ordinal, title, theme, binds, verification)"
                  + " VALUES (:a, :id, :o, :t, :th, :b, :v)")
          .bind("a", s.id())
          .bind("id", p.id())
          .bind("o", ordinal++)
          .bind("t", p.title())
          .bind("th", p.theme())
          .bind("b", String.join(",", p.binds()))
          .bind("v", p.verification())
          .execute();
    }
  }
}
