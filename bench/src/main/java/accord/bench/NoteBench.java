package accord.bench;

import accord.tlog.Checkpoint;
import accord.tlog.Hash;
import accord.tlog.Note;
import accord.tlog.NoteKeys;
import accord.tlog.NoteVerifier;
import accord.tlog.NoteVerifiers;
import java.nio.charset.StandardCharsets;
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
 * Opening a signed checkpoint note (one Ed25519 signature) beside BouncyCastle's bare Ed25519
 * verification of the same message: what parsing and key lookup add to the signature check.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
public class NoteBench {
  private byte[] note;
  private NoteVerifier verifier;
  private NoteVerifiers verifiers;
  private byte[] message;
  private byte[] signature;
  private byte[] publicKey;

  @Setup(Level.Trial)
  public void sign() {
    byte[] seed = new byte[32];
    seed[0] = 7;
    NoteKeys.Ed25519Signer signer = new NoteKeys.Ed25519Signer("accord.example/log", seed);
    Checkpoint c = new Checkpoint("accord.example/log", 16_000_000, Hash.leaf(new byte[] {1}));
    Note signed = Note.of(c.text()).sign(signer);
    note = signed.bytes();
    verifier = NoteKeys.verifier(signer.vkey());
    verifiers = NoteVerifiers.of(verifier);
    message = c.text().getBytes(StandardCharsets.UTF_8);
    signature = signed.signatures().get(0).signature();
    publicKey = signer.publicKey();
  }

  @Benchmark
  public Note.Verified noteOpen() {
    return Note.open(note, verifiers);
  }

  @Benchmark
  public Checkpoint.Signed checkpointOpen() {
    return Checkpoint.open(note, verifier);
  }

  @Benchmark
  public boolean ed25519VerifyLimit() {
    return org.bouncycastle.math.ec.rfc8032.Ed25519.verify(
        signature, 0, publicKey, 0, message, 0, message.length);
  }
}
