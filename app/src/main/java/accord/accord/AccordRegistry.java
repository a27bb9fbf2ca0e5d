package accord.accord;

import accord.ledger.AuthorKeys;
import accord.ledger.CheckpointWitness;
import accord.ledger.Entry;
import accord.ledger.Keyring;
import accord.ledger.LocalWitness;
import accord.ledger.LogSetup;
import accord.tlog.Cosignature;
import accord.tlog.NoteKeys;
import accord.tlog.NoteVerifier;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Ties the ledger to the accords' definitions: whose key signs for which party, and which log key
 * and witnesses each accord's log has. A genesis {@code accord.define} entry is checked against
 * the secretariat key it declares itself; the parties' witnesses then vouch for that log.
 */
public final class AccordRegistry implements AuthorKeys, LogSetup {
  private final Keyring keyring;
  private final Clock clock;

  public AccordRegistry(Keyring keyring, Clock clock) {
    this.keyring = keyring;
    this.clock = clock;
  }

  /** The note key name a member of an accord signs entries with. */
  public static String memberKeyName(String accord, String member) {
    return accord + "/" + member;
  }

  /** The cosigning key name of a member's witness. */
  public static String witnessKeyName(String member) {
    return "witness/" + member;
  }

  @Override
  public Optional<String> vkeyFor(Handle h, Entry e) {
    Optional<AccordState> s = AccordProjection.load(h, e.accord());
    if (s.isEmpty() && e.type().equals(AccordRules.DEFINE)) {
      try {
        s = Optional.of(AccordRules.definition(e));
      } catch (RuntimeException invalid) {
        return Optional.empty();
      }
    }
    return s.flatMap(a -> a.member(e.party())).map(AccordState.Member::vkey);
  }

  /** Log set-ups by accord definition: a definition never changes, so neither does its set-up. */
  private final Map<AccordState, Log> setups = new java.util.concurrent.ConcurrentHashMap<>();

  @Override
  public Log forAccord(Handle h, String accord) {
    AccordState s =
        AccordProjection.load(h, accord)
            .orElseThrow(() -> new IllegalStateException("no accord " + accord));
    return setups.computeIfAbsent(s, k -> setUp(h, k));
  }

  private Log setUp(Handle h, AccordState s) {
    String accord = s.id();
    NoteKeys.Ed25519Signer logKey =
        keyring
            .find(s.origin())
            .orElseThrow(() -> new IllegalStateException("this node does not hold the log key of " + accord));
    if (!logKey.vkey().equals(s.logVkey())) {
      throw new IllegalStateException("the log key held for " + accord + " is not the one its definition names");
    }
    NoteVerifier logVerifier = NoteKeys.verifier(s.logVkey());
    List<CheckpointWitness> witnesses = new ArrayList<>();
    for (AccordState.Witness w : s.witnesses()) {
      // A witness this node does not hold runs on another node and cosigns through its endpoint.
      localWitness(h, w.name()).ifPresent(witnesses::add);
    }
    return new Log(s.origin(), logKey, witnesses);
  }

  /**
   * The witness {@code name} if this node holds its key, trusting the log of every accord whose
   * definition names it.
   */
  public Optional<LocalWitness> localWitness(Handle h, String name) {
    Optional<String> skey = keyring.skey(name);
    if (skey.isEmpty()) {
      return Optional.empty();
    }
    Cosignature.Signer cosigner = Cosignature.Signer.fromSkey(skey.get());
    Map<String, NoteVerifier> trusted = new HashMap<>();
    for (String id : AccordProjection.ids(h)) {
      AccordState s = AccordProjection.load(h, id).orElseThrow();
      for (AccordState.Witness w : s.witnesses()) {
        if (w.name().equals(name)) {
          if (!w.vkey().equals(cosigner.vkey())) {
            throw new IllegalStateException("witness key " + name + " does not match accord " + id);
          }
          trusted.put(s.origin(), NoteKeys.verifier(s.logVkey()));
        }
      }
    }
    return Optional.of(new LocalWitness(cosigner, trusted, clock));
  }
}
