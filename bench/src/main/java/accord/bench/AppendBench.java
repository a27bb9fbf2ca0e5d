package accord.bench;

import accord.tlog.CompactRange;
import accord.tlog.Hash;
import accord.tlog.HashSink;
import accord.tlog.MemoryHashStore;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Random;
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
 * Appends of 64-byte entries, one thread, beside the SHA-256 work an append cannot avoid: the leaf
 * hash of the entry plus, amortised, one node hash (a tree of n leaves has n − 1 nodes).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
public class AppendBench {
  private static final HashSink DISCARD = (level, index, hash) -> {};

  private final byte[] entry = new byte[64];
  private final byte[] leaf = new byte[Hash.SIZE];
  private final byte[] node = new byte[Hash.SIZE];
  private MessageDigest sha256;
  private CompactRange range;
  private MemoryHashStore store;

  @Setup(Level.Trial)
  public void entry() throws NoSuchAlgorithmException {
    new Random(1).nextBytes(entry);
    sha256 = MessageDigest.getInstance("SHA-256");
  }

  /** A fresh tree each iteration, so the stored hashes of one iteration do not pile up. */
  @Setup(Level.Iteration)
  public void tree() {
    range = new CompactRange();
    store = new MemoryHashStore();
  }

  @Benchmark
  public void appendToMemoryStore() {
    range.append(Hash.leaf(entry), store);
  }

  @Benchmark
  public void appendNoSink() {
    range.append(Hash.leaf(entry), DISCARD);
  }

  /** The hashing floor: SHA-256(0x00 || entry), then SHA-256(0x01 || node || leaf), no allocation. */
  @Benchmark
  public byte[] sha256Limit() throws DigestException {
    sha256.update((byte) 0x00);
    sha256.update(entry);
    sha256.digest(leaf, 0, Hash.SIZE);
    sha256.update((byte) 0x01);
    sha256.update(node);
    sha256.update(leaf);
    sha256.digest(node, 0, Hash.SIZE);
    return node;
  }
}
