package accord.tlog.witness;

import accord.tlog.Hash;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What a witness remembers per log: the latest checkpoint it cosigned, and the signed checkpoints
 * it refused because they contradict what it cosigned.
 *
 * <p>The update is a compare-and-swap because checking the old size and storing the new state must
 * be one step (tlog-witness): otherwise two requests checked against the same state could both
 * succeed and the slower one would roll the witness back.
 */
public interface WitnessStore {
  Optional<State> get(String origin);

  /**
   * Replaces the state of {@code origin} with {@code next} if the current state is for the same
   * tree as {@code expected} (same size and root hash), or if there is no state and {@code
   * expected} is null. Returns false and changes nothing otherwise. When it returns true the new
   * state is durable.
   */
  boolean compareAndSwap(String origin, State expected, State next);

  /** Keeps a refused signed checkpoint as evidence; the same checkpoint twice is kept once. */
  void recordConflict(Evidence evidence);

  /** The evidence recorded for {@code origin}, oldest first. */
  List<Evidence> conflicts(String origin);

  /**
   * The latest cosigned checkpoint of one log: its size, root hash, and the checkpoint note with
   * the log's signature, which is what makes a later contradiction provable.
   */
  record State(long size, byte[] root, byte[] note) {
    public State {
      if (size < 0 || root.length != Hash.SIZE) {
        throw new IllegalArgumentException("invalid witness state: size " + size);
      }
      root = root.clone();
      note = note.clone();
    }

    @Override
    public byte[] root() {
      return root.clone();
    }

    @Override
    public byte[] note() {
      return note.clone();
    }

    /** Whether both states describe the same tree; the notes may carry other signatures. */
    public boolean sameTree(State other) {
      return other != null && size == other.size && Hash.equal(root, other.root);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof State s && sameTree(s) && Arrays.equals(note, s.note);
    }

    @Override
    public int hashCode() {
      return Long.hashCode(size) * 31 + Arrays.hashCode(root);
    }

    @Override
    public String toString() {
      return "State[size " + size + ", root " + Hash.toBase64(root) + "]";
    }
  }

  /**
   * A validly signed checkpoint that contradicts the one the witness had cosigned: smaller (a
   * rollback) or the same size with another root (a fork). With {@code cosignedNote}, a fork is
   * two signed checkpoints that cannot both be true, which anyone can check.
   */
  record Evidence(String origin, byte[] note, byte[] cosignedNote, String reason) {
    public Evidence {
      note = note.clone();
      cosignedNote = cosignedNote.clone();
    }

    @Override
    public byte[] note() {
      return note.clone();
    }

    @Override
    public byte[] cosignedNote() {
      return cosignedNote.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Evidence e && e.origin.equals(origin) && Arrays.equals(e.note, note)
          && Arrays.equals(e.cosignedNote, cosignedNote) && e.reason.equals(reason);
    }

    @Override
    public int hashCode() {
      return origin.hashCode() * 31 + Arrays.hashCode(note);
    }

    @Override
    public String toString() {
      return "Evidence[" + origin + ": " + reason + "]";
    }
  }
}
