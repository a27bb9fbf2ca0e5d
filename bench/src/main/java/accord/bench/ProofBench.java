package accord.bench;

import accord.tlog.CompactRange;
import accord.tlog.Hash;
import accord.tlog.MemoryHashStore;
import accord.tlog.Proofs;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Proofs from a tree of 16 million leaves in a MemoryHashStore (about 1 GiB), at random indexes.
 * The size is not a power of two, so proofs also fold the tree's ragged right edge.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
public class ProofBench {
  static final long SIZE = 16_000_000;

  private MemoryHashStore store;

  @State(Scope.Thread)
  public static class Indexes {
    final SplittableRandom random = new SplittableRandom(42);
  }

  @Setup(Level.Trial)
  public void build() {
    store = new MemoryHashStore();
    CompactRange range = new CompactRange();
    byte[] entry = new byte[64];
    for (long i = 0; i < SIZE; i++) {
      for (int b = 0; b < 8; b++) {
        entry[b] = (byte) (i >>> (8 * b));
      }
      range.append(Hash.leaf(entry), store);
    }
  }

  @Benchmark
  public List<byte[]> inclusion(Indexes ix) {
    return Proofs.inclusion(ix.random.nextLong(SIZE), SIZE, store);
  }

  @Benchmark
  public List<byte[]> consistency(Indexes ix) {
    return Proofs.consistency(1 + ix.random.nextLong(SIZE - 1), SIZE, store);
  }

  /**
   * The memory floor of an inclusion proof: reading the stored sibling of the leaf at every level
   * where that sibling is a complete subtree, with no proof logic around it.
   */
  @Benchmark
  public int pathReadsLimit(Indexes ix) {
    long index = ix.random.nextLong(SIZE);
    int acc = 0;
    for (int level = 0; (1L << level) < SIZE; level++) {
      long sibling = (index >>> level) ^ 1;
      if ((sibling + 1) << level <= SIZE) {
        acc ^= store.get(level, sibling)[0];
      }
    }
    return acc;
  }
}
