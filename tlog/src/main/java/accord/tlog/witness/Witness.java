package accord.tlog.witness;

import accord.tlog.Cosignature;
import accord.tlog.FormatException;
import accord.tlog.NoteSignature;
import accord.tlog.NoteVerifier;
import accord.tlog.witness.WitnessStore.State;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A tlog-witness: answers add-checkpoint requests for the logs it trusts, cosigning each
 * checkpoint that is consistent with the last one it cosigned for that log.
 *
 * <p>The rules are in {@link Decision}; this class reads and writes the store, signs and reads the
 * clock. The order matters: the new state is swapped in atomically and durably before the
 * cosignature is made, so a witness never hands out a cosignature it could forget, and of two
 * racing requests from the same old size only one can win.
 */
public final class Witness {
  private final Cosignature.Signer cosigner;
  private final Map<String, NoteVerifier> trustedLogs;
  private final WitnessStore store;
  private final Clock clock;

  /** {@code trustedLogs} maps each log's origin to the key its checkpoints must be signed with. */
  public Witness(
      Cosignature.Signer cosigner,
      Map<String, NoteVerifier> trustedLogs,
      WitnessStore store,
      Clock clock) {
    this.cosigner = cosigner;
    this.trustedLogs = Map.copyOf(trustedLogs);
    this.store = store;
    this.clock = clock;
  }

  /** The witness's name: the key name on its cosignatures. */
  public String name() {
    return cosigner.name();
  }

  /** The witness's cosignature verifier key (type 0x04), for policies. */
  public String vkey() {
    return cosigner.vkey();
  }

  /**
   * Handles one {@code POST <prefix>/add-checkpoint} body. Store failures propagate as exceptions
   * (a server error): nothing is cosigned unless the new state was stored.
   */
  public Outcome handle(byte[] body) {
    AddCheckpointRequest req;
    try {
      req = AddCheckpointRequest.parse(body);
    } catch (FormatException e) {
      return Outcome.Rejected.badRequest(e.getMessage());
    }
    String origin = req.origin();
    Optional<State> stored =
        trustedLogs.containsKey(origin) ? store.get(origin) : Optional.empty();
    Decision d = Decision.decide(trustedLogs, stored, req);
    if (d instanceof Decision.Refuse r) {
      if (r.evidence() != null) {
        store.recordConflict(r.evidence());
      }
      return r.outcome();
    }
    Decision.Accept a = (Decision.Accept) d;
    if (!store.compareAndSwap(origin, a.expected(), a.next())) {
      // Another request moved the state since we read it: the log must retry from the new size.
      return new Outcome.Conflict(store.get(origin).map(State::size).orElse(0L));
    }
    NoteSignature cosignature = cosigner.cosign(req.checkpoint(), clock.instant().getEpochSecond());
    return new Outcome.Cosigned(req.checkpoint(), List.of(cosignature));
  }
}
