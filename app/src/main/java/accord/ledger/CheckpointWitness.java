package accord.ledger;

import accord.tlog.NoteSignature;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * A witness the log asks to cosign each new checkpoint (tlog-witness add-checkpoint). Local
 * witnesses run inside the batch's transaction; their state rolls back with it.
 */
public interface CheckpointWitness {
  String name();

  /** The result of one add-checkpoint call: a cosignature, or the witness's size on a 409. */
  record Answer(NoteSignature cosignature, long conflictSize, String refusal) {}

  Answer addCheckpoint(Handle h, long oldSize, List<byte[]> proof, byte[] signedCheckpoint);
}
