package accord.bench.incident;

import accord.accord.DefaultInstance;
import accord.incident.AcledImport;
import accord.incident.CsvImport;
import accord.node.Node;
import accord.user.Role;
import accord.user.Users;
import accord.web.Server;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

/**
 * The import path under a large file: imports a generated ACLED file (see {@link AcledGenerator})
 * through {@link AcledImport} into a fresh node, every row a signed, logged entry, and in the same
 * run loads the same rows with the engine's own bulk path (SQLite: one prepared INSERT in one
 * transaction; PostgreSQL: COPY). Then serves the node on 127.0.0.1 so the list, map and chart
 * can be measured with wrk; it stops when its standard input closes.
 *
 * <p>Usage: {@code ImportPath sqlite|postgresql FILE PORT}. Prints "| ... |" result lines and
 * "SERVING port user password" when ready.
 */
public final class ImportPath {
  public static void main(String[] args) throws Exception {
    String engine = args[0];
    Path file = Path.of(args[1]);
    int port = Integer.parseInt(args[2]);
    Path dir = Files.createTempDirectory("accord-import-bench");
    EmbeddedPostgres pg = null;
    String url = null;
    if (engine.equals("postgresql")) {
      pg = EmbeddedPostgres.builder()
          .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
          .setServerConfig("max_wal_size", "4GB").setServerConfig("shared_buffers", "512MB").start();
      url = pg.getJdbcUrl("postgres", "postgres");
    }
    try (Node node = Node.open(dir, url, Clock.systemUTC())) {
      node.append(DefaultInstance.kabul(node.keyring(), Instant.now())).join();
      long size = Files.size(file);
      long cpu0 = processCpuNanos();
      long t0 = System.nanoTime();
      long[] lastRows = {0};
      CsvImport.Result r = new AcledImport(node, new CsvImport.Options(DefaultInstance.KABUL, DefaultInstance.SECRETARIAT,
          "bench", false, false)).run(file, s -> {
            if (s.rows() - lastRows[0] >= 100_000) {
              lastRows[0] = s.rows();
              System.err.printf("  %,d rows, %.0f s%n", s.rows(), (System.nanoTime() - t0) / 1e9);
            }
          });
      double importSecs = (System.nanoTime() - t0) / 1e9;
      // CPU time, unlike the wall clock, holds up when other work shares the cores: the whole
      // process, and the ledger's one writer thread, which bounds the rate on an idle machine.
      double cpuSecs = (processCpuNanos() - cpu0) / 1e9;
      double writerSecs = writerCpuNanos() / 1e9;
      long logSize = node.db().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM log_entry").mapTo(Long.class).one());
      if (!r.bad().isEmpty() || r.added() + 1 != logSize) {
        throw new IllegalStateException("import added " + r.added() + " with " + r.bad().size() + " bad rows (first: "
            + (r.bad().isEmpty() ? "-" : r.bad().get(0)) + "); the log holds " + logSize + " entries");
      }
      double rawSecs = rawLoad(url != null ? url : "jdbc:sqlite:" + dir.resolve("raw.db"), file);
      System.out.printf("| %s | %,d rows, %,d MB | %.1f s (%,.0f entries/s) | %.0f µs | %.0f µs | %d | %.1f s (%,.0f rows/s) |%n",
          engine, r.rows(), size >> 20, importSecs, r.added() / importSecs, cpuSecs * 1e6 / r.rows(),
          writerSecs * 1e6 / r.rows(), r.flagged(), rawSecs, r.rows() / rawSecs);
      System.out.flush();

      Users users = new Users(node.db().jdbi(), node.clock());
      String password = "bench-" + Long.toHexString(System.nanoTime());
      users.add("bench", "Benchmark", Role.SECRETARIAT, null, password);
      var app = Server.create(node, users).start("127.0.0.1", port);
      System.out.println("SERVING " + port + " bench " + password);
      System.out.flush();
      // Serve until the script closes our standard input.
      try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
        while (in.readLine() != null) {
          // nothing to read; waiting for the end
        }
      }
      app.stop();
    } finally {
      if (pg != null) {
        pg.close();
      }
      // The node's files are gigabytes at a million rows: leave nothing behind.
      try (var walk = Files.walk(dir)) {
        walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** CPU time of the ledger's writer thread so far. */
  private static long writerCpuNanos() {
    var threads = java.lang.management.ManagementFactory.getThreadMXBean();
    return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("ledger-writer"))
        .mapToLong(t -> threads.getThreadCpuTime(t.getId())).sum();
  }

  /** The engine's own bulk load of the same rows into a plain table of the 31 columns, durable as the node is. */
  static double rawLoad(String url, Path file) throws Exception {
    try (Connection c = DriverManager.getConnection(url)) {
      StringBuilder ddl = new StringBuilder("CREATE TABLE raw_acled (");
      for (int i = 0; i < AcledGenerator.COLUMNS.size(); i++) {
        ddl.append(i == 0 ? "" : ", ").append(AcledGenerator.COLUMNS.get(i)).append(" TEXT");
      }
      ddl.append(")");
      boolean sqlite = url.startsWith("jdbc:sqlite:");
      try (var s = c.createStatement()) {
        if (sqlite) {
          s.execute("PRAGMA journal_mode=WAL");
          s.execute("PRAGMA synchronous=FULL");
        }
        s.execute(ddl.toString());
      }
      long t0 = System.nanoTime();
      if (sqlite) {
        c.setAutoCommit(false);
        String marks = "?" + ", ?".repeat(AcledGenerator.COLUMNS.size() - 1);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO raw_acled VALUES (" + marks + ")");
            Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
          for (CSVRecord rec : CSVFormat.DEFAULT.builder().setSkipHeaderRecord(true).setHeader().get().parse(in)) {
            for (int i = 0; i < rec.size(); i++) {
              ps.setString(i + 1, rec.get(i));
            }
            ps.executeUpdate();
          }
        }
        c.commit();
      } else {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
          new CopyManager(c.unwrap(BaseConnection.class)).copyIn("COPY raw_acled FROM STDIN (FORMAT csv, HEADER true)", in);
        }
      }
      return (System.nanoTime() - t0) / 1e9;
    }
  }
}
