package accord.tlog.witness;

import accord.tlog.Checkpoint;
import accord.tlog.Hash;
import accord.tlog.Note;
import accord.tlog.NoteVerifier;
import accord.tlog.NoteVerifiers;
import accord.tlog.ProofVerifier;
import accord.tlog.VerificationException;
import accord.tlog.witness.WitnessStore.Evidence;
import accord.tlog.witness.WitnessStore.State;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a witness does with one add-checkpoint request: accept it, moving to a new state, or refuse
 * it with the answer to send. A pure function of the trusted logs, the stored state for the
 * request's origin and the request; storing, signing and the clock belong to {@link Witness}.
 */
public sealed interface Decision {
  /** Cosign: swap {@code expected} (null on first contact) for {@code next}, then answer 200. */
  record Accept(State expected, State next) implements Decision {}

  /** Answer {@code outcome}; keep {@code evidence} first when it is not null. */
  record Refuse(Outcome outcome, Evidence evidence) implements Decision {}

  /**
   * The tlog-witness checks, in the spec's order:
   *
   * <ol>
   *   <li>404 if the origin is not a trusted log;
   *   <li>403 unless the log's key signed the note (other signatures, such as cosignatures, are
   *       ignored; a failing signature by the log's key is also 403);
   *   <li>400 if old is larger than the checkpoint size;
   *   <li>409 with the cosigned size if old is not that size. A witness that never cosigned for
   *       this log counts its size as 0, so first contact is {@code old 0} with an empty proof and
   *       the first checkpoint is trusted on first use;
   *   <li>422 if the proof does not hold. From size 0 it must be empty, and an empty tree must have
   *       the empty root; between equal sizes it must be empty; otherwise it is an RFC 9162
   *       consistency proof, which {@link ProofVerifier} checks strictly;
   *   <li>409 if old equals the checkpoint size but the root hashes differ;
   *   <li>otherwise accept.
   * </ol>
   *
   * A refused, validly signed checkpoint that is smaller than the cosigned one, or of its size with
   * another root, is returned as evidence whatever the answer.
   */
  static Decision decide(
      Map<String, NoteVerifier> trustedLogs, Optional<State> stored, AddCheckpointRequest req) {
    String origin = req.origin();
    NoteVerifier logKey = trustedLogs.get(origin);
    if (logKey == null) {
      return refuse(Outcome.Rejected.notFound("unknown log " + origin), null);
    }
    Note.Verified verified;
    try {
      verified = Note.open(req.noteBytes(), NoteVerifiers.of(logKey));
    } catch (VerificationException e) {
      return refuse(Outcome.Rejected.forbidden("checkpoint is not signed by the key of " + origin
          + ": " + e.getMessage()), null);
    }
    Checkpoint cp = req.checkpoint();
    byte[] logSigned = new Note(verified.note().text(), verified.verified()).bytes();
    Evidence evidence = stored.map(s -> contradiction(origin, s, cp, logSigned)).orElse(null);

    long old = req.oldSize();
    long cosignedSize = stored.map(State::size).orElse(0L);
    if (old > cp.size()) {
      return refuse(Outcome.Rejected.badRequest(
          "old size " + old + " is larger than the checkpoint size " + cp.size()), evidence);
    }
    if (old != cosignedSize) {
      return refuse(new Outcome.Conflict(cosignedSize), evidence);
    }
    List<byte[]> proof = req.proof();
    if (old == 0) {
      if (!proof.isEmpty()) {
        return refuse(Outcome.Rejected.unprocessable(
            "a consistency proof from size 0 must be empty"), evidence);
      }
      if (cp.size() == 0 && !Hash.equal(cp.root(), Hash.emptyRoot())) {
        return refuse(Outcome.Rejected.unprocessable(
            "a checkpoint of size 0 must have the root hash of the empty tree"), evidence);
      }
    } else if (old == cp.size()) {
      if (!proof.isEmpty()) {
        return refuse(Outcome.Rejected.unprocessable(
            "a consistency proof between equal sizes must be empty"), evidence);
      }
      if (!Hash.equal(cp.root(), stored.get().root())) {
        return refuse(new Outcome.Conflict(cosignedSize), evidence);
      }
    } else {
      try {
        ProofVerifier.verifyConsistency(old, cp.size(), proof, stored.get().root(), cp.root());
      } catch (VerificationException e) {
        return refuse(Outcome.Rejected.unprocessable(
            "consistency proof from size " + old + " to " + cp.size() + ": " + e.getMessage()),
            evidence);
      }
    }
    return new Accept(stored.orElse(null), new State(cp.size(), cp.root(), logSigned));
  }

  private static Decision refuse(Outcome outcome, Evidence evidence) {
    return new Refuse(outcome, evidence);
  }

  /** Evidence when {@code cp} cannot be a later view of the cosigned tree, else null. */
  private static Evidence contradiction(String origin, State cosigned, Checkpoint cp, byte[] note) {
    String reason;
    if (cp.size() < cosigned.size()) {
      reason = "rollback: checkpoint of size " + cp.size() + " after cosigning size "
          + cosigned.size();
    } else if (cp.size() == cosigned.size() && !Hash.equal(cp.root(), cosigned.root())) {
      reason = "fork: checkpoint of size " + cp.size() + " with root " + Hash.toBase64(cp.root())
          + ", cosigned root " + Hash.toBase64(cosigned.root());
    } else {
      return null;
    }
    return new Evidence(origin, note, cosigned.note(), reason);
  }
}
