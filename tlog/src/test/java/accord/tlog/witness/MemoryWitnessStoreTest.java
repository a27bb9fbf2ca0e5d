package accord.tlog.witness;

import static org.assertj.core.api.Assertions.assertThat;

import accord.tlog.Hash;
import accord.tlog.witness.WitnessStore.Evidence;
import accord.tlog.witness.WitnessStore.State;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MemoryWitnessStoreTest {
  final MemoryWitnessStore store = new MemoryWitnessStore();

  static State state(long size, String rootSeed, String note) {
    return new State(size, Hash.leaf(rootSeed.getBytes(StandardCharsets.UTF_8)),
        note.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void firstSwapExpectsNoState() {
    assertThat(store.compareAndSwap("o", state(1, "a", "n"), state(2, "b", "n"))).isFalse();
    assertThat(store.get("o")).isEmpty();
    assertThat(store.compareAndSwap("o", null, state(1, "a", "n"))).isTrue();
    assertThat(store.compareAndSwap("o", null, state(2, "b", "n"))).isFalse();
    assertThat(store.get("o")).contains(state(1, "a", "n"));
  }

  @Test
  void swapComparesSizeAndRootNotTheNote() {
    store.compareAndSwap("o", null, state(1, "a", "note with signatures"));
    assertThat(store.compareAndSwap("o", state(1, "b", "x"), state(2, "c", "n"))).isFalse();
    assertThat(store.compareAndSwap("o", state(2, "a", "x"), state(2, "c", "n"))).isFalse();
    assertThat(store.compareAndSwap("o", state(1, "a", "other note"), state(2, "c", "n"))).isTrue();
    assertThat(store.get("o").get().size()).isEqualTo(2);
    assertThat(store.get("other")).isEmpty();
  }

  @Test
  void evidenceIsKeptOncePerNoteAndPerOrigin() {
    Evidence e = new Evidence("o", "n1".getBytes(), "c".getBytes(), "rollback");
    store.recordConflict(e);
    store.recordConflict(new Evidence("o", "n1".getBytes(), "c2".getBytes(), "rollback again"));
    store.recordConflict(new Evidence("o", "n2".getBytes(), "c".getBytes(), "fork"));
    store.recordConflict(new Evidence("p", "n1".getBytes(), "c".getBytes(), "fork"));
    assertThat(store.conflicts("o")).extracting(Evidence::reason).containsExactly("rollback", "fork");
    assertThat(store.conflicts("p")).hasSize(1);
    assertThat(store.conflicts("q")).isEmpty();
  }

  @Test
  void statesCopyTheirArrays() {
    byte[] root = Hash.leaf(new byte[0]);
    State s = new State(1, root, new byte[] {1});
    root[0] ^= 1;
    s.root()[1] ^= 1;
    assertThat(s.root()).isEqualTo(Hash.leaf(new byte[0]));
  }
}
