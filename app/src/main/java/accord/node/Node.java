package accord.node;

import accord.accord.AccordProjection;
import accord.accord.AccordRegistry;
import accord.engagement.EngagementProjection;
import accord.engagement.EscalatedCases;
import accord.casework.CaseProjection;
import accord.gazetteer.Gazetteer;
import accord.gazetteer.IncidentPlaces;
import accord.incident.IncidentProjection;
import accord.notify.NoticeProjection;
import accord.ledger.Appended;
import accord.ledger.Entry;
import accord.ledger.EntryCodec;
import accord.ledger.Keyring;
import accord.ledger.Ledger;
import accord.ledger.Projection;
import accord.ledger.Rejection;
import accord.ledger.Replay;
import accord.ledger.StateDigest;
import accord.store.Db;
import accord.tlog.Note;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One Accord node: its database, its keys, the features' projections and the ledger that writes
 * the joint logs. The single place where the parts are put together.
 */
public final class Node implements AutoCloseable {
  private final Db db;
  private final Keyring keyring;
  private final AccordRegistry registry;
  private final List<Projection> projections;
  private final Ledger ledger;
  private final Clock clock;
  /** Background services (the notice deliverer) closed before the database. */
  private final List<AutoCloseable> services = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final Gazetteer gazetteer;

  private Node(Db db, Keyring keyring, Clock clock) {
    this.db = db;
    this.keyring = keyring;
    this.clock = clock;
    this.registry = new AccordRegistry(keyring, clock);
    this.gazetteer = Gazetteer.open(db.jdbi(), clock);
    this.projections = List.of(new AccordProjection(), new IncidentProjection(), new CaseProjection(),
        new NoticeProjection(), new EngagementProjection(), new accord.health.ReportProjection(),
        new IncidentPlaces(gazetteer));
    this.ledger = new Ledger(db.jdbi(), projections, registry, registry, clock);
  }

  /** Opens the node in a data folder; {@code dbUrl} null means the SQLite file in that folder. */
  public static Node open(Path dataDir, String dbUrl, Clock clock) {
    Db db = dbUrl == null || dbUrl.isBlank() ? Db.sqlite(dataDir) : Db.open(dbUrl);
    return new Node(db, new Keyring(dataDir.resolve("keys")), clock);
  }

  public Db db() {
    return db;
  }

  public AccordRegistry registry() {
    return registry;
  }

  public Keyring keyring() {
    return keyring;
  }

  /** The cases escalated to a rung of the ladder, which the engagement agendas carry forward. */
  public EscalatedCases escalatedCases() {
    return new accord.casework.CaseAgenda();
  }

  public Clock clock() {
    return clock;
  }

  public Gazetteer gazetteer() {
    return gazetteer;
  }

  public List<Projection> projections() {
    return projections;
  }

  /** Signs an entry with the key this node holds for its party, and appends it. */
  public CompletableFuture<Appended> append(Entry e) {
    var signer = keyring.find(AccordRegistry.memberKeyName(e.accord(), e.party()));
    if (signer.isEmpty()) {
      return CompletableFuture.failedFuture(
          Rejection.forbidden("this node holds no key for party " + e.party() + " of " + e.accord()));
    }
    Note note;
    try {
      note = EntryCodec.sign(e, signer.get());
      EntryCodec.parse(note.text()); // the same field checks a signed submission gets
    } catch (RuntimeException ex) {
      return CompletableFuture.failedFuture(Rejection.invalid(ex.getMessage()));
    }
    return ledger.submit(e, note, signer.get().vkey());
  }

  /**
   * Appends many entries in the given order: they are signed on several threads first (signing is
   * the costly part of the caller's side), then queued one after another.
   */
  public List<CompletableFuture<Appended>> appendAll(List<Entry> entries) {
    List<Object> signed = entries.parallelStream().map(e -> {
      var signer = keyring.find(AccordRegistry.memberKeyName(e.accord(), e.party()));
      if (signer.isEmpty()) {
        return (Object) Rejection.forbidden("this node holds no key for party " + e.party() + " of " + e.accord());
      }
      try {
        return (Object) new Object[] {EntryCodec.sign(e, signer.get()), signer.get().vkey()};
      } catch (RuntimeException ex) {
        return (Object) Rejection.invalid(ex.getMessage());
      }
    }).toList();
    List<CompletableFuture<Appended>> out = new java.util.ArrayList<>(entries.size());
    for (int i = 0; i < entries.size(); i++) {
      if (signed.get(i) instanceof Object[] s) {
        out.add(ledger.submit(entries.get(i), (Note) s[0], (String) s[1]));
      } else {
        out.add(CompletableFuture.failedFuture((RuntimeException) signed.get(i)));
      }
    }
    return out;
  }

  /** Appends an entry signed elsewhere (by a party's own node or a client holding the key). */
  public CompletableFuture<Appended> appendSigned(Note note) {
    Entry e;
    String vkey;
    try {
      e = EntryCodec.parse(note.text());
      vkey = db.jdbi().withHandle(h -> registry.requireSigned(h, e, note));
    } catch (Rejection r) {
      return CompletableFuture.failedFuture(r);
    } catch (RuntimeException ex) {
      return CompletableFuture.failedFuture(Rejection.invalid(ex.getMessage()));
    }
    return ledger.submit(e, note, vkey);
  }

  public String digest() {
    return db.jdbi().withHandle(h -> StateDigest.of(h, projections));
  }

  public Replay.Result rebuild() {
    return Replay.rebuild(db.jdbi(), projections, registry);
  }

  /** Runs {@code service} until the node closes; it is closed first, while the database is still open. */
  public <T extends AutoCloseable> T closeWith(T service) {
    services.add(service);
    return service;
  }

  @Override
  public void close() {
    for (AutoCloseable s : services) {
      try {
        s.close();
      } catch (Exception e) {
        throw new IllegalStateException("cannot stop " + s.getClass().getSimpleName() + ": " + e.getMessage(), e);
      }
    }
    ledger.close();
    db.close();
  }
}
