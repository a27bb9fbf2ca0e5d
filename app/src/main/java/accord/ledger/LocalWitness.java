package accord.ledger;

import accord.tlog.Cosignature;
import accord.tlog.NoteVerifier;
import accord.tlog.witness.AddCheckpointRequest;
import accord.tlog.witness.Outcome;
import accord.tlog.witness.Witness;
import java.time.Clock;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * A party's or observer's witness running inside this node: the full tlog-witness rules over its
 * own state rows, called with the same add-checkpoint request a remote witness would receive.
 */
public final class LocalWitness implements CheckpointWitness {
  private final Cosignature.Signer cosigner;
  private final Map<String, NoteVerifier> trustedLogs;
  private final Clock clock;

  public LocalWitness(Cosignature.Signer cosigner, Map<String, NoteVerifier> trustedLogs, Clock clock) {
    this.cosigner = cosigner;
    this.trustedLogs = Map.copyOf(trustedLogs);
    this.clock = clock;
  }

  @Override
  public String name() {
    return cosigner.name();
  }

  /** The tlog-witness over this handle's transaction. */
  public Witness witness(Handle h) {
    return new Witness(cosigner, trustedLogs, new SqlWitnessStore(h, cosigner.name(), clock), clock);
  }

  @Override
  public Answer addCheckpoint(Handle h, long oldSize, java.util.List<byte[]> proof, byte[] signedCheckpoint) {
    byte[] body = AddCheckpointRequest.of(oldSize, proof, signedCheckpoint).format();
    Outcome o = witness(h).handle(body);
    if (o instanceof Outcome.Cosigned c) {
      return new Answer(c.cosignatures().get(0), -1, null);
    }
    if (o instanceof Outcome.Conflict c) {
      return new Answer(null, c.latestSize(), "witness is at size " + c.latestSize());
    }
    Outcome.Rejected r = (Outcome.Rejected) o;
    return new Answer(null, -1, r.status() + " " + r.reason());
  }
}
