package accord.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import accord.Engines;
import accord.accord.AccordRules;
import accord.accord.AccordState;
import accord.accord.DefaultInstance;
import accord.node.Node;
import accord.tlog.Checkpoint;
import accord.tlog.Hash;
import accord.tlog.Note;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A node appending under load is killed with SIGKILL at random moments. After each kill the node
 * is opened again and: every acknowledged entry is in the log at its index with the same text,
 * the stored rows pass the node's own audit, the log verifies from its tiles with public keys
 * only (every witness cosigned, consistent with the checkpoint seen after the previous kill), and
 * a rebuild of the read model gives the same digest. The next node appends to the same log.
 *
 * <p>Two logs take turns so that one node appends while the other log is checked; a log that
 * has grown past {@link #MAX_LOG} is replaced by a fresh one to keep the full checks short.
 * {@code -Daccord.crash.seed=N} replays the kill timings of a run; {@code -Daccord.crash.cycles}
 * and {@code -Daccord.crash.pgCycles} set the number of kills on SQLite and on PostgreSQL.
 */
class CrashTest {
  private static final String KABUL = DefaultInstance.KABUL;
  private static final int THREADS = 4;
  /** Bounds on entries awaiting their answer: from small batches committed often to full ones. */
  private static final int[] IN_FLIGHT = {16, 256, 2 * Ledger.MAX_BATCH};
  private static final long MAX_LOG = 3_000;

  @TempDir Path tmp;
  private AppendProcess child;
  private final ExecutorService checker = Executors.newSingleThreadExecutor();

  /** One data folder and what the test knows of its log so far. */
  private static final class Lineage {
    final Path dir;
    final String dbUrl;
    final Map<Long, String> acked = new HashMap<>();
    byte[] checkpoint; // the latest checkpoint seen after the previous kill
    long size;

    Lineage(Path dir, String dbUrl) {
      this.dir = dir;
      this.dbUrl = dbUrl;
    }
  }

  @AfterEach
  void noChildSurvives() throws InterruptedException {
    checker.shutdownNow();
    checker.awaitTermination(60, TimeUnit.SECONDS);
    if (child != null) {
      child.close();
      assertThat(child.isAlive()).isFalse();
    }
  }

  @ParameterizedTest
  @EnumSource(Engines.class)
  void everyAcknowledgedEntrySurvivesSigkill(Engines engine) throws Exception {
    int cycles = engine == Engines.SQLITE
        ? Integer.getInteger("accord.crash.cycles", 50)
        : Integer.getInteger("accord.crash.pgCycles", 10);
    long seed = Long.getLong("accord.crash.seed", System.nanoTime());
    System.out.printf("CrashTest %s: %d kills, seed %d%n", engine, cycles, seed);
    Random random = new Random(seed);
    long started = System.nanoTime();
    Lineage[] turns = new Lineage[2];
    int logs = 0;
    long acks = 0;
    CompletableFuture<Void> checking = CompletableFuture.completedFuture(null);
    for (int cycle = 0; cycle < cycles; cycle++) {
      // This log's previous check has finished: the other log's check was awaited last cycle.
      Lineage log = turns[cycle % 2];
      if (log == null || log.size > MAX_LOG) {
        Path dir = tmp.resolve("node-" + logs++);
        log = turns[cycle % 2] = new Lineage(dir, engine.newDatabase(dir));
      }
      int inFlight = IN_FLIGHT[random.nextInt(IN_FLIGHT.length)];
      int runFor = 150 + random.nextInt(651);
      long t0 = System.nanoTime();
      List<AppendProcess.Ack> got =
          runAndKill(log, seed + "-" + cycle, inFlight, runFor, tmp.resolve("child-" + cycle + ".log"));
      long childMs = (System.nanoTime() - t0) / 1_000_000;
      acks += got.size();
      for (AppendProcess.Ack a : got) {
        String before = log.acked.putIfAbsent(a.index(), a.textHash());
        assertThat(before).as("index %d acknowledged twice with different texts", a.index()).isIn(null, a.textHash());
      }
      await(checking);
      Lineage l = log;
      String when = "kill " + cycle + " (seed " + seed + ")";
      String what = String.format("kill %d, %s: %d in flight, %d ms after the first ACK: %d acks",
          cycle, l.dir.getFileName(), inFlight, runFor, got.size());
      checking = CompletableFuture.runAsync(() -> {
        long t1 = System.nanoTime();
        checkAfterRestart(l, when);
        System.out.printf("  %s, log size %d; node %d ms, check %d ms%n",
            what, l.size, childMs, (System.nanoTime() - t1) / 1_000_000);
      }, checker);
    }
    await(checking);
    System.out.printf("CrashTest %s: %d kills, %d acknowledged entries, %d logs, %d s%n",
        engine, cycles, acks, logs, (System.nanoTime() - started) / 1_000_000_000);
  }

  /** Starts the appending node, lets it run {@code runFor} ms past its first ACK, kills it. */
  private List<AppendProcess.Ack> runAndKill(Lineage log, String run, int inFlight, int runFor, Path childLog)
      throws Exception {
    child = new AppendProcess(log.dir, log.dbUrl, run, THREADS, inFlight, childLog);
    try {
      assertThat(child.awaitFirstAck(60)).as("no ACK from the child; its stderr:\n%s", child.logTail()).isTrue();
      Thread.sleep(runFor);
      assertThat(child.isAlive()).as("the child stopped before the kill; its stderr:\n%s", child.logTail()).isTrue();
      int code = child.kill();
      assertThat(code).as("exit code of a SIGKILLed child").isEqualTo(AppendProcess.KILLED);
      assertThat(child.junk()).as("stdout lines that are not ACKs").isEmpty();
      assertThat(child.logTail()).as("the child's stderr").doesNotContain("append failed", "ledger batch failed");
      return child.acks();
    } finally {
      child.close();
    }
  }

  private static void checkAfterRestart(Lineage log, String when) {
    try (Node node = Node.open(log.dir, log.dbUrl, Clock.systemUTC())) {
      node.db().jdbi().useHandle(h -> {
        long size = LogStore.size(h, KABUL);
        long rows = h.createQuery("SELECT COUNT(*) FROM log_entry WHERE accord = :a").bind("a", KABUL).mapTo(Long.class).one();
        assertThat(rows).as("%s: entries without gaps", when).isEqualTo(size);
        assertThat(size).as("%s: the log never shrinks", when).isGreaterThanOrEqualTo(log.size);
        checkAcknowledged(h, log, size, when);

        assertThat(LogAudit.audit(h, KABUL)).as("%s: audit of the stored rows", when).isEmpty();

        byte[] latest = LogStore.latestCheckpoint(h, KABUL).orElseThrow();
        assertThat(Checkpoint.parse(Note.parse(latest).text()).size())
            .as("%s: the latest checkpoint covers every stored entry", when).isEqualTo(size);
        AccordState a = definition(h);
        LogVerifier.Report r = LogVerifier.verify(
            path -> LogFiles.read(h, KABUL, path),
            a.logVkey(),
            a.witnesses().stream().map(AccordState.Witness::vkey).toList(),
            -1,
            log.checkpoint);
        assertThat(r.failures()).as("%s: verification from the tiles", when).isEmpty();
        assertThat(r.size()).isEqualTo(size);
        checkWitnesses(h, a, size, when);
        log.checkpoint = latest;
        log.size = size;
      });
      String digest = node.digest();
      Replay.Result r = node.rebuild();
      assertThat(r.violations()).as("%s: violations found by the rebuild", when).isEmpty();
      assertThat(r.entries()).isEqualTo(log.size);
      assertThat(r.digest()).as("%s: digest after rebuild", when).isEqualTo(digest);
      assertThat(node.digest()).isEqualTo(digest);
    }
  }

  /** Every acknowledged index holds an entry whose note text has the acknowledged hash. */
  private static void checkAcknowledged(Handle h, Lineage log, long size, String when) {
    Set<Long> missing = new TreeSet<>(log.acked.keySet());
    for (long from = 0; from < size; ) {
      List<LogStore.StoredEntry> page = LogStore.entries(h, KABUL, from, 1000);
      for (LogStore.StoredEntry s : page) {
        String want = log.acked.get(s.index());
        if (want != null) {
          missing.remove(s.index());
          assertThat(Hash.toHex(Hash.sha256(Note.parse(s.note()).textBytes())))
              .as("%s: text of acknowledged entry %d", when, s.index()).isEqualTo(want);
        }
      }
      from = page.get(page.size() - 1).index() + 1;
    }
    assertThat(missing.size())
        .as("%s: acknowledged entries missing from the log of size %d, first %s", when, size,
            missing.stream().limit(10).toList())
        .isZero();
  }

  /** Each witness's state is the latest checkpoint: it rolled back and committed with the log. */
  private static void checkWitnesses(Handle h, AccordState a, long size, String when) {
    for (AccordState.Witness w : a.witnesses()) {
      long at = h.createQuery("SELECT size FROM witness_state WHERE witness = :w AND origin = :o")
          .bind("w", w.name()).bind("o", a.origin()).mapTo(Long.class).findOne().orElse(-1L);
      assertThat(at).as("%s: size witness %s last cosigned", when, w.name()).isEqualTo(size);
    }
  }

  /** The accord as its defining entry, index 0 of the log, states it: the keys to verify with. */
  private static AccordState definition(Handle h) {
    byte[] genesis = LogStore.entries(h, KABUL, 0, 1).get(0).note();
    Entry e = EntryCodec.parse(Note.parse(genesis).text());
    assertThat(e.type()).isEqualTo(AccordRules.DEFINE);
    return AccordRules.definition(e);
  }

  /** Waits for a check, failing with its own assertion error rather than a wrapper. */
  private static void await(CompletableFuture<Void> f) {
    try {
      f.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }
}
