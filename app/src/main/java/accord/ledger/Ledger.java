package accord.ledger;

import accord.tlog.Checkpoint;
import accord.tlog.CompactRange;
import accord.tlog.Hash;
import accord.tlog.Note;
import accord.tlog.NoteSignature;
import accord.tlog.Proofs;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The write path of the joint record, with group commit.
 *
 * <p>Callers sign entries on their own threads (signing is the costly part, so it runs in
 * parallel) and submit them. One writer thread takes everything waiting, up to {@link #MAX_BATCH}
 * entries, and in one database transaction: asks each entry's feature whether it may happen now,
 * appends it to its accord's Merkle tree, applies it to the read model, writes the new subtree
 * hashes, signs a checkpoint per accord touched and has the witnesses cosign it. Only after the
 * commit are the callers answered, so an acknowledged entry is durable, visible and cosigned.
 * Features decide before anything is written, so a refused entry leaves nothing behind and does
 * not disturb the rest of its batch; a failure while writing fails the whole batch.
 */
public final class Ledger implements AutoCloseable {
  public static final int MAX_BATCH = 1024;
  private static final Logger LOG = LoggerFactory.getLogger(Ledger.class);

  /** An entry waiting for the writer; {@code signerVkey} is the key its signature was checked against. */
  private record Pending(Entry entry, Note note, String signerVkey, CompletableFuture<Appended> result) {}

  private static final class LogState {
    final String accord;
    CompactRange range;
    /** The size of the last checkpoint published: what the witnesses last cosigned. */
    long checkpointed;

    LogState(String accord, CompactRange range, long checkpointed) {
      this.accord = accord;
      this.range = range;
      this.checkpointed = checkpointed;
    }
  }

  private final Jdbi jdbi;
  private final List<Projection> projections;
  private final AuthorKeys authorKeys;
  private final LogSetup setup;
  private final Clock clock;
  private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(16 * MAX_BATCH);
  private final Map<String, LogState> logs = new HashMap<>();
  private final Thread writer;
  private volatile boolean running = true;

  public Ledger(Jdbi jdbi, List<Projection> projections, AuthorKeys authorKeys, LogSetup setup, Clock clock) {
    this.jdbi = jdbi;
    this.projections = List.copyOf(projections);
    this.authorKeys = authorKeys;
    this.setup = setup;
    this.clock = clock;
    this.writer = new Thread(this::run, "ledger-writer");
    this.writer.setDaemon(true);
    this.writer.start();
  }

  /**
   * Queues a signed entry; the future completes once it is committed and cosigned. The caller has
   * checked that {@code note} carries a valid signature by {@code signerVkey} (or made it with that
   * key); the writer only checks that this is the key registered for the entry's party, so the
   * costly signature checks run on the callers' threads, in parallel.
   */
  public CompletableFuture<Appended> submit(Entry entry, Note note, String signerVkey) {
    CompletableFuture<Appended> f = new CompletableFuture<>();
    if (!running) {
      f.completeExceptionally(new IllegalStateException("the ledger is shut down"));
      return f;
    }
    try {
      if (!queue.offer(new Pending(entry, note, signerVkey, f), 30, TimeUnit.SECONDS)) {
        f.completeExceptionally(new IllegalStateException("the ledger is overloaded; try again"));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      f.completeExceptionally(e);
    }
    return f;
  }

  private void run() {
    List<Pending> batch = new ArrayList<>(MAX_BATCH);
    while (running || !queue.isEmpty()) {
      try {
        Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, MAX_BATCH - 1);
        commit(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      } catch (RuntimeException | Error e) {
        LOG.error("ledger batch failed", e);
      } finally {
        batch.clear();
      }
    }
  }

  private void commit(List<Pending> batch) {
    Map<Pending, Appended> done = new LinkedHashMap<>();
    Map<Pending, RuntimeException> refused = new LinkedHashMap<>();
    Map<String, LogState> touched = new LinkedHashMap<>();
    try {
      jdbi.useTransaction(
          h -> {
            List<LogStore.PendingHash> hashes = new ArrayList<>();
            for (Pending p : batch) {
              Entry e = p.entry();
              byte[] textHash = Hash.sha256(p.note().textBytes());
              List<Projection> owners;
              try {
                // Every check runs before anything is written, so a refusal needs no rollback.
                String registered = authorKeys.vkeyFor(h, e).orElseThrow(() -> Rejection.forbidden(
                    "no key is registered for party " + e.party() + " in accord " + e.accord()));
                if (!registered.equals(p.signerVkey())) {
                  throw Rejection.forbidden("entry is not signed by the key of party " + e.party());
                }
                owners = Projection.owners(projections, e.type());
                for (Projection pr : owners) {
                  pr.decide(h, e);
                }
              } catch (Rejection r) {
                refused.put(p, r);
                continue;
              }
              LogState log = log(h, e.accord());
              long idx = log.range.size();
              byte[] noteBytes = p.note().bytes();
              byte[] leaf = Hash.leaf(noteBytes);
              // The entry's first write: a replay of a logged entry stores nothing and is refused here.
              if (!LogStore.insertEntry(h, e.accord(), idx, noteBytes, leaf, textHash, e)) {
                long at = LogStore.indexOfText(h, e.accord(), textHash).orElse(-1L);
                refused.put(p, Rejection.conflict("this entry is already in the log, at index " + at));
                continue;
              }
              for (Projection pr : owners) {
                pr.evolve(h, e, idx);
              }
              log.range.append(
                  leaf, (level, index, hash) -> hashes.add(
                      new LogStore.PendingHash(e.accord(), level, index, hash)));
              touched.put(e.accord(), log);
              done.put(p, new Appended(e.accord(), idx, noteBytes, -1));
            }
            WriteBehind.flush(h);
            LogStore.insertHashes(h, hashes);
            for (LogState log : touched.values()) {
              publishCheckpoint(h, log);
            }
          });
    } catch (RuntimeException e) {
      // Nothing of this batch was written: forget the trees so they are re-read from the store.
      logs.keySet().removeAll(touched.keySet());
      for (Pending p : batch) {
        p.result().completeExceptionally(e);
      }
      throw e;
    }
    for (var r : refused.entrySet()) {
      r.getKey().result().completeExceptionally(r.getValue());
    }
    for (var d : done.entrySet()) {
      Appended a = d.getValue();
      long size = touched.get(a.accord()).range.size();
      d.getKey().result().complete(new Appended(a.accord(), a.index(), a.note(), size));
    }
  }

  private LogState log(Handle h, String accord) {
    LogState s = logs.get(accord);
    if (s == null) {
      long size = LogStore.size(h, accord);
      long checkpointed =
          LogStore.latestCheckpoint(h, accord).map(b -> Checkpoint.parse(Note.parse(b).text()).size()).orElse(0L);
      s = new LogState(accord, CompactRange.resume(size, LogStore.hashReader(h, accord)), checkpointed);
      logs.put(accord, s);
    }
    return s;
  }

  /**
   * Signs the checkpoint of the grown tree and asks each witness to cosign it, giving each the
   * consistency proof from the size it last cosigned; a 409 names that size and is retried once.
   */
  private void publishCheckpoint(Handle h, LogState log) {
    LogSetup.Log cfg = setup.forAccord(h, log.accord);
    Checkpoint cp = new Checkpoint(cfg.origin(), log.range.size(), log.range.root());
    Note signed = Note.of(cp.text()).sign(cfg.signer());
    byte[] signedBytes = signed.bytes();
    long previous = log.checkpointed;
    List<NoteSignature> cosigs = new ArrayList<>(signed.signatures());
    Map<Long, List<byte[]>> proofs = new HashMap<>(); // the witnesses are usually all at one size
    for (CheckpointWitness w : cfg.witnesses()) {
      CheckpointWitness.Answer a = ask(h, w, log, previous, signedBytes, proofs);
      if (a.cosignature() == null && a.conflictSize() >= 0) {
        a = ask(h, w, log, a.conflictSize(), signedBytes, proofs);
      }
      if (a.cosignature() == null) {
        LOG.warn("witness {} refused checkpoint {} of {}: {}", w.name(), cp.size(), log.accord, a.refusal());
        continue;
      }
      cosigs.add(a.cosignature());
    }
    Note cosigned = new Note(cp.text(), cosigs);
    LogStore.insertCheckpoint(h, log.accord, cp.size(), cosigned.bytes(), EntryCodec.formatTime(clock.instant()));
    log.checkpointed = cp.size(); // if the batch then fails, the whole LogState is dropped and re-read
  }

  private CheckpointWitness.Answer ask(
      Handle h, CheckpointWitness w, LogState log, long old, byte[] note, Map<Long, List<byte[]>> proofs) {
    List<byte[]> proof = old > log.range.size()
        ? List.of()
        : proofs.computeIfAbsent(old, o -> Proofs.consistency(o, log.range.size(), LogStore.hashReader(h, log.accord)));
    return w.addCheckpoint(h, old, proof, note);
  }

  /** Stops taking entries, finishes what is queued, and waits for the writer. */
  @Override
  public void close() {
    running = false;
    try {
      writer.join(30_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
