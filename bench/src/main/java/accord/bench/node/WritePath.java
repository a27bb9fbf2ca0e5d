package accord.bench.node;

import accord.accord.AccordRules;
import accord.accord.DefaultInstance;
import accord.ledger.Entry;
import accord.ledger.EntryCodec;
import accord.node.Node;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The full write path under load: W writer threads each append signed statements through
 * {@link Node#append} and wait for each to be durable, applied and cosigned, for a fixed time.
 * Beside it, in the same run and on the same engine, the engine's raw rate for inserting rows of
 * the same size in transactions of the same size with the same durability.
 *
 * <p>Usage: {@code WritePath sqlite|postgresql WRITERS SECONDS}. Prints one Markdown table row.
 */
public final class WritePath {
  public static void main(String[] args) throws Exception {
    String engine = args.length > 0 ? args[0] : "sqlite";
    int writers = args.length > 1 ? Integer.parseInt(args[1]) : 50;
    int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
    Path dir = Files.createTempDirectory("accord-bench");
    EmbeddedPostgres pg = null;
    String url = null;
    if (engine.equals("postgresql")) {
      pg = EmbeddedPostgres.builder()
          .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on").start();
      url = pg.getJdbcUrl("postgres", "postgres");
    }
    try {
      Result r = appendUnderLoad(dir, url, writers, seconds);
      double raw = rawInserts(url != null ? url : "jdbc:sqlite:" + dir.resolve("raw.db"), r.meanBatch, r.meanNoteBytes, seconds / 2);
      System.out.printf("| %s, %d writers | %,.0f entries/s | %.1f ms | %.1f ms | %.0f | %,.0f rows/s |%n",
          engine, writers, r.perSecond, r.p50, r.p99, r.meanBatch, raw);
    } finally {
      if (pg != null) {
        pg.close();
      }
    }
  }

  record Result(double perSecond, double p50, double p99, double meanBatch, int meanNoteBytes) {}

  static Result appendUnderLoad(Path dir, String url, int writers, int seconds) throws Exception {
    try (Node node = Node.open(dir, url, Clock.systemUTC())) {
      node.append(DefaultInstance.kabul(node.keyring(), Instant.now())).join();
      warmUp(node);
      long sizeBefore = size(node);
      long checkpointsBefore = checkpoints(node);
      AtomicBoolean stop = new AtomicBoolean();
      AtomicLong done = new AtomicLong();
      List<long[]> latencies = new ArrayList<>();
      CountDownLatch finished = new CountDownLatch(writers);
      long t0 = System.nanoTime();
      for (int w = 0; w < writers; w++) {
        long[] mine = new long[1 << 21];
        latencies.add(mine);
        int id = w;
        Thread t = new Thread(() -> {
          int n = 0;
          while (!stop.get() && n < mine.length - 1) {
            long s = System.nanoTime();
            node.append(statement(id, n)).join();
            mine[n++] = System.nanoTime() - s;
            done.incrementAndGet();
          }
          mine[mine.length - 1] = n;
          finished.countDown();
        }, "writer-" + w);
        t.start();
      }
      Thread.sleep(seconds * 1000L);
      stop.set(true);
      finished.await();
      double secs = (System.nanoTime() - t0) / 1e9;
      long total = done.get();
      long[] all = new long[(int) total];
      int k = 0;
      for (long[] m : latencies) {
        int n = (int) m[m.length - 1];
        System.arraycopy(m, 0, all, k, n);
        k += n;
      }
      Arrays.sort(all, 0, k);
      long batches = checkpoints(node) - checkpointsBefore;
      int noteBytes = node.db().jdbi().withHandle(h -> h.createQuery(
          "SELECT CAST(AVG(LENGTH(note)) AS INTEGER) FROM log_entry").mapTo(Integer.class).one());
      if (size(node) - sizeBefore != total) {
        throw new IllegalStateException("acknowledged " + total + " entries but the log grew by " + (size(node) - sizeBefore));
      }
      return new Result(total / secs, all[k / 2] / 1e6, all[(int) (k * 0.99)] / 1e6, (double) total / Math.max(1, batches), noteBytes);
    }
  }

  private static void warmUp(Node node) {
    List<java.util.concurrent.CompletableFuture<?>> fs = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      fs.add(node.append(statement(-1, i)));
    }
    fs.forEach(java.util.concurrent.CompletableFuture::join);
  }

  private static Entry statement(int writer, int n) {
    var body = EntryCodec.JSON.createObjectNode()
        .put("text", "Statement " + n + " of writer " + writer + " for the record of the joint mechanism.");
    return new Entry(AccordRules.STATEMENT, DefaultInstance.KABUL, writer % 2 == 0 ? "PK" : "AF",
        "bench", Instant.now(), List.of(), "en", body);
  }

  private static long size(Node n) {
    return n.db().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM log_entry").mapTo(Long.class).one());
  }

  private static long checkpoints(Node n) {
    return n.db().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM log_checkpoint").mapTo(Long.class).one());
  }

  /**
   * The engine's own limit: rows of the entries' size inserted in transactions of the batch size
   * the ledger reached, committed with the same durability (WAL and synchronous=FULL on SQLite).
   */
  static double rawInserts(String url, double batch, int rowBytes, int seconds) throws Exception {
    int perTx = Math.max(1, (int) Math.round(batch));
    try (Connection c = DriverManager.getConnection(url)) {
      try (var s = c.createStatement()) {
        if (url.startsWith("jdbc:sqlite:")) {
          s.execute("PRAGMA journal_mode=WAL");
          s.execute("PRAGMA synchronous=FULL");
        }
        s.execute("CREATE TABLE raw_bench (k BIGINT PRIMARY KEY, v " + (url.startsWith("jdbc:sqlite:") ? "BLOB" : "BYTEA") + ")");
      }
      c.setAutoCommit(false);
      byte[] value = new byte[rowBytes];
      long n = 0;
      long end = System.nanoTime() + seconds * 1_000_000_000L;
      long t0 = System.nanoTime();
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO raw_bench (k, v) VALUES (?, ?)")) {
        while (System.nanoTime() < end) {
          for (int i = 0; i < perTx; i++) {
            ps.setLong(1, n++);
            ps.setBytes(2, value);
            ps.executeUpdate();
          }
          c.commit();
        }
      }
      return n / ((System.nanoTime() - t0) / 1e9);
    }
  }
}
