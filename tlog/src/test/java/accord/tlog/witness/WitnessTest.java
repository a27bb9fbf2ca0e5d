package accord.tlog.witness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import accord.tlog.Checkpoint;
import accord.tlog.Cosignature;
import accord.tlog.Hash;
import accord.tlog.Note;
import accord.tlog.NoteKeys;
import accord.tlog.NoteSignature;
import accord.tlog.witness.WitnessStore.Evidence;
import accord.tlog.witness.WitnessStore.State;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WitnessTest {
  static final long NOW = 1_750_000_000L;
  static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);

  final TestLog log = new TestLog("accord.example/joint-log", 1);
  final Cosignature.Signer cosigner = new Cosignature.Signer("pk.accord.example/witness", TestLog.seed(9));
  final Cosignature.Verifier cosignatures = Cosignature.Verifier.of(cosigner.vkey());
  final MemoryWitnessStore store = new MemoryWitnessStore();
  final Witness witness = witness(store, CLOCK);

  Witness witness(WitnessStore s, Clock clock) {
    return new Witness(cosigner, Map.of(log.origin, log.verifier()), s, clock);
  }

  /** Checks a 200 answer: one valid cosignature on the submitted checkpoint, made at NOW. */
  void assertCosigned(Outcome o, long size) {
    assertThat(o.status()).as(new String(o.body(), StandardCharsets.UTF_8)).isEqualTo(200);
    Checkpoint cp = log.checkpoint(size);
    String body = new String(o.body(), StandardCharsets.UTF_8);
    assertThat(body).startsWith("\u2014 " + cosigner.name() + " ").endsWith("\n");
    Note cosigned = Note.parse(cp.text() + "\n" + body);
    assertThat(cosignatures.timestamp(cosigned)).isEqualTo(NOW);
    assertThat(store.get(log.origin)).get().extracting(State::size).isEqualTo(size);
    assertThat(store.get(log.origin).get().root()).isEqualTo(cp.root());
  }

  void assertConflict(Outcome o, long latest) {
    assertThat(o.status()).isEqualTo(409);
    assertThat(o.contentType()).isEqualTo("text/x.tlog.size");
    assertThat(new String(o.body(), StandardCharsets.US_ASCII)).isEqualTo(latest + "\n");
  }

  void assertStatus(Outcome o, int status, String reasonPart) {
    assertThat(o.status()).isEqualTo(status);
    assertThat(new String(o.body(), StandardCharsets.UTF_8)).contains(reasonPart);
  }

  @Test
  void firstContactWithOldZeroIsTrustedAndCosigned() {
    Outcome o = witness.handle(log.request(0, 5));
    assertCosigned(o, 5);
    assertThat(o.contentType()).startsWith("text/plain");
    assertThat(witness.name()).isEqualTo("pk.accord.example/witness");
  }

  @Test
  void followsAGrowingTreeWithRealConsistencyProofs() {
    long old = 0;
    for (long size : new long[] {1, 2, 3, 7, 8, 9, 16, 16, 17, 100, 255, 256, 1000}) {
      assertCosigned(witness.handle(log.request(old, size)), size);
      old = size;
    }
    assertThat(store.conflicts(log.origin)).isEmpty();
  }

  @Test
  void firstContactWithANonZeroOldSizeIsAConflictAtZero() {
    assertConflict(witness.handle(log.request(3, 5)), 0);
    assertThat(store.get(log.origin)).isEmpty();
  }

  @Test
  void oldSizeThatIsNotTheCosignedSizeIsAConflictWithTheCosignedSize() {
    witness.handle(log.request(0, 5));
    assertConflict(witness.handle(log.request(3, 8)), 5);
    assertConflict(witness.handle(log.request(0, 8)), 5);
    assertConflict(witness.handle(log.request(7, 9)), 5);
    assertThat(store.get(log.origin).get().size()).isEqualTo(5);
  }

  @Test
  void unknownOriginIsNotFound() {
    TestLog stranger = new TestLog("elsewhere.example/log", 2);
    assertStatus(witness.handle(stranger.request(0, 3)), 404, "unknown log elsewhere.example/log");
    assertThat(store.get(stranger.origin)).isEmpty();
  }

  @Test
  void checkpointNotSignedByTheTrustedKeyIsForbidden() {
    TestLog impostor = new TestLog(log.origin, 3); // same origin and name, another key
    assertStatus(witness.handle(impostor.request(0, 3)), 403, "not signed by the key");
    assertThat(store.get(log.origin)).isEmpty();
  }

  @Test
  void failingSignatureByTheTrustedKeyIsForbidden() {
    Note signed = Note.parse(log.signed(3));
    NoteSignature s = signed.signatures().get(0);
    byte[] sig = s.signature().clone();
    sig[10] ^= 1;
    byte[] bad = new Note(signed.text(), List.of(new NoteSignature(s.name(), s.keyId(), sig))).bytes();
    byte[] body = AddCheckpointRequest.of(0, List.of(), bad).format();
    assertStatus(witness.handle(body), 403, "invalid signature");
  }

  @Test
  void otherSignaturesOnTheNoteAreIgnored() {
    Cosignature.Signer other = new Cosignature.Signer("af.accord.example/witness", TestLog.seed(4));
    Note signed = Note.parse(log.signed(5));
    Note withCosig = new Note(signed.text(), List.of(
        other.cosign(log.checkpoint(5), NOW - 10), signed.signatures().get(0)));
    Outcome o = witness.handle(AddCheckpointRequest.of(0, List.of(), withCosig.bytes()).format());
    assertCosigned(o, 5);
    // The stored note keeps only what the log signed.
    assertThat(Note.parse(store.get(log.origin).get().note()).signatures())
        .extracting(NoteSignature::name).containsExactly(log.origin);
  }

  @Test
  void oldSizeAboveTheCheckpointSizeIsABadRequest() {
    byte[] body = AddCheckpointRequest.of(6, List.of(), log.signed(5)).format();
    assertStatus(witness.handle(body), 400, "old size 6 is larger than the checkpoint size 5");
  }

  @Test
  void malformedBodyIsABadRequest() {
    assertStatus(witness.handle("old 01\n\n".getBytes(StandardCharsets.US_ASCII)), 400, "line 1");
    assertStatus(witness.handle(new byte[0]), 400, "no blank line");
  }

  @Test
  void badConsistencyProofIsUnprocessable() {
    witness.handle(log.request(0, 5));
    List<byte[]> proof = new ArrayList<>(log.proof(5, 9));
    byte[] h = proof.get(1).clone();
    h[0] ^= 1;
    proof.set(1, h);
    byte[] body = AddCheckpointRequest.of(5, proof, log.signed(9)).format();
    assertStatus(witness.handle(body), 422, "consistency proof from size 5 to 9");
    byte[] truncated = AddCheckpointRequest.of(5, log.proof(5, 9).subList(0, 1), log.signed(9)).format();
    assertStatus(witness.handle(truncated), 422, "consistency proof");
    assertThat(store.get(log.origin).get().size()).isEqualTo(5);
    assertThat(store.conflicts(log.origin)).isEmpty();
  }

  @Test
  void proofFromSizeZeroMustBeEmpty() {
    byte[] body = AddCheckpointRequest.of(0, log.proof(4, 5), log.signed(5)).format();
    assertStatus(witness.handle(body), 422, "from size 0 must be empty");
    assertThat(store.get(log.origin)).isEmpty();
  }

  @Test
  void emptyTreeMustHaveTheEmptyRoot() {
    byte[] wrong = Note.of(new Checkpoint(log.origin, 0, Hash.leaf(new byte[0])).text())
        .sign(log.signer).bytes();
    assertStatus(witness.handle(AddCheckpointRequest.of(0, List.of(), wrong).format()), 422,
        "empty tree");
    assertCosigned(witness.handle(log.request(0, 0)), 0);
    assertCosigned(witness.handle(log.request(0, 4)), 4);
  }

  @Test
  void equalSizesNeedAnEmptyProof() {
    witness.handle(log.request(0, 5));
    byte[] body = AddCheckpointRequest.of(5, log.proof(4, 5), log.signed(5)).format();
    assertStatus(witness.handle(body), 422, "equal sizes must be empty");
  }

  @Test
  void sameCheckpointAgainIsCosignedAgain() {
    witness.handle(log.request(0, 5));
    assertCosigned(witness.handle(log.request(5, 5)), 5);
  }

  @Test
  void sameSizeWithAnotherRootIsAConflictAndKeptAsEvidence() {
    witness.handle(log.request(0, 5));
    TestLog fork = new TestLog(log.origin, 1, "forked entry"); // the same log key, other entries
    byte[] forked = fork.signed(5);
    assertConflict(witness.handle(AddCheckpointRequest.of(5, List.of(), forked).format()), 5);

    assertThat(store.get(log.origin).get().root()).isEqualTo(log.checkpoint(5).root());
    List<Evidence> evidence = store.conflicts(log.origin);
    assertThat(evidence).hasSize(1);
    assertThat(evidence.get(0).reason()).startsWith("fork: checkpoint of size 5");
    assertThat(evidence.get(0).note()).isEqualTo(forked);
    assertThat(evidence.get(0).cosignedNote()).isEqualTo(log.signed(5));
  }

  @Test
  void rollbackIsRefusedAndKeptOnceAsEvidence() {
    witness.handle(log.request(0, 5));
    witness.handle(log.request(5, 8));
    byte[] stale = AddCheckpointRequest.of(5, List.of(), log.signed(5)).format();
    assertConflict(witness.handle(stale), 8);
    assertConflict(witness.handle(stale), 8);
    assertConflict(witness.handle(log.request(0, 5)), 8);

    assertThat(store.get(log.origin).get().size()).isEqualTo(8);
    List<Evidence> evidence = store.conflicts(log.origin);
    assertThat(evidence).hasSize(1);
    assertThat(evidence.get(0).reason()).isEqualTo("rollback: checkpoint of size 5 after cosigning size 8");
    assertThat(evidence.get(0).note()).isEqualTo(log.signed(5));
    assertThat(evidence.get(0).cosignedNote()).isEqualTo(log.signed(8));
  }

  @Test
  void unsignedConflictsAreNotEvidence() {
    witness.handle(log.request(0, 8));
    TestLog impostor = new TestLog(log.origin, 3);
    assertThat(witness.handle(impostor.request(0, 5)).status()).isEqualTo(403);
    assertThat(store.conflicts(log.origin)).isEmpty();
  }

  @Test
  void racingRequestsFromTheSameOldSizeHaveOneWinner() throws Exception {
    witness.handle(log.request(0, 4));
    int n = 6;
    for (int size = 5; size < 5 + n; size++) {
      log.grow(size);
    }
    // Every request reads the state before any of them swaps, so all pass the checks.
    CyclicBarrier allRead = new CyclicBarrier(n);
    AtomicInteger reads = new AtomicInteger();
    WitnessStore slowReads = new ForwardingStore(store) {
      @Override
      public Optional<State> get(String origin) {
        Optional<State> s = super.get(origin);
        if (reads.incrementAndGet() <= n) { // the first read of each request, not the re-reads
          try {
            allRead.await(5, TimeUnit.SECONDS);
          } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
            throw new AssertionError("requests did not all read the state", e);
          }
        }
        return s;
      }
    };
    Witness racing = witness(slowReads, CLOCK);
    List<byte[]> bodies = new ArrayList<>();
    for (int size = 5; size < 5 + n; size++) {
      bodies.add(log.request(4, size));
    }
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      List<Future<Outcome>> futures = new ArrayList<>();
      for (byte[] b : bodies) {
        futures.add(pool.submit(() -> racing.handle(b)));
      }
      List<Outcome> outcomes = new ArrayList<>();
      for (Future<Outcome> f : futures) {
        outcomes.add(f.get(10, TimeUnit.SECONDS));
      }
      List<Outcome> winners = outcomes.stream().filter(o -> o.status() == 200).toList();
      assertThat(winners).hasSize(1);
      long won = ((Outcome.Cosigned) winners.get(0)).checkpoint().size();
      assertThat(store.get(log.origin).get().size()).isEqualTo(won);
      for (Outcome o : outcomes) {
        if (o.status() != 200) {
          assertConflict(o, won);
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void lostSwapIsAConflictWithTheNewSize() {
    witness.handle(log.request(0, 4));
    WitnessStore overtaken = new ForwardingStore(store) {
      @Override
      public boolean compareAndSwap(String origin, State expected, State next) {
        // Another request gets in between this one's read and its swap.
        State other = new State(7, log.checkpoint(7).root(), log.signed(7));
        assertThat(super.compareAndSwap(origin, expected, other)).isTrue();
        return super.compareAndSwap(origin, expected, next);
      }
    };
    assertConflict(witness(overtaken, CLOCK).handle(log.request(4, 6)), 7);
    assertThat(store.get(log.origin).get().size()).isEqualTo(7);
  }

  @Test
  void nothingIsCosignedWhenTheStoreFailsToPersist() {
    AtomicBoolean clockRead = new AtomicBoolean();
    WitnessStore broken = new ForwardingStore(store) {
      @Override
      public boolean compareAndSwap(String origin, State expected, State next) {
        throw new UncheckedIOException(new java.io.IOException("disk full"));
      }
    };
    Witness w = witness(broken, new WatchedClock(() -> clockRead.set(true)));
    assertThatThrownBy(() -> w.handle(log.request(0, 5))).isInstanceOf(UncheckedIOException.class);
    assertThat(clockRead).isFalse();
    assertThat(store.get(log.origin)).isEmpty();
  }

  @Test
  void theStateIsPersistedBeforeTheCosignatureIsMade() {
    AtomicBoolean persisted = new AtomicBoolean();
    WitnessStore watched = new ForwardingStore(store) {
      @Override
      public boolean compareAndSwap(String origin, State expected, State next) {
        boolean ok = super.compareAndSwap(origin, expected, next);
        persisted.set(ok);
        return ok;
      }
    };
    List<Boolean> persistedWhenSigning = new ArrayList<>();
    Witness w = witness(watched, new WatchedClock(() -> persistedWhenSigning.add(persisted.get())));
    assertThat(w.handle(log.request(0, 5)).status()).isEqualTo(200);
    assertThat(persistedWhenSigning).containsExactly(true);
  }

  /** A clock at NOW that runs {@code onRead} whenever it is read. */
  static final class WatchedClock extends Clock {
    private final Runnable onRead;

    WatchedClock(Runnable onRead) {
      this.onRead = onRead;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      onRead.run();
      return Instant.ofEpochSecond(NOW);
    }
  }

  /** A store that passes every call to another, for tests to override one step. */
  static class ForwardingStore implements WitnessStore {
    private final WitnessStore delegate;

    ForwardingStore(WitnessStore delegate) {
      this.delegate = delegate;
    }

    @Override
    public Optional<State> get(String origin) {
      return delegate.get(origin);
    }

    @Override
    public boolean compareAndSwap(String origin, State expected, State next) {
      return delegate.compareAndSwap(origin, expected, next);
    }

    @Override
    public void recordConflict(Evidence evidence) {
      delegate.recordConflict(evidence);
    }

    @Override
    public List<Evidence> conflicts(String origin) {
      return delegate.conflicts(origin);
    }
  }

  @Test
  void cosignatureVerifiesWithTheWitnessVkeyFromATypeOneKey() {
    String vkey01 = NoteKeys.vkey(cosigner.name(), NoteKeys.ALG_ED25519,
        accord.tlog.Ed25519.publicKey(TestLog.seed(9)));
    Outcome o = witness.handle(log.request(0, 3));
    Note cosigned = Note.parse(log.checkpoint(3).text() + "\n" + new String(o.body(), StandardCharsets.UTF_8));
    assertThat(Cosignature.Verifier.of(vkey01).timestamp(cosigned)).isEqualTo(NOW);
    assertThat(witness.vkey()).isEqualTo(NoteKeys.cosignatureVkey(vkey01));
  }
}
