package accord;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The two database engines every node test runs on: a SQLite file in a temporary folder, and a
 * real PostgreSQL server (embedded, started once per test run, with fsync and synchronous commit
 * on so durability is what production has). Each test gets a fresh PostgreSQL database.
 */
public enum Engines {
  SQLITE,
  POSTGRESQL;

  private static EmbeddedPostgres postgres;
  private static final AtomicInteger DATABASES = new AtomicInteger();

  /** A JDBC URL for a new, empty database, or null for the SQLite file in the data folder. */
  public String newDatabase(Path dataDir) {
    if (this == SQLITE) {
      return null;
    }
    String name = "accord_test_" + DATABASES.incrementAndGet();
    try (var c = server().getPostgresDatabase().getConnection(); var s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
    return server().getJdbcUrl("postgres", name);
  }

  private static synchronized EmbeddedPostgres server() {
    if (postgres == null) {
      try {
        postgres =
            EmbeddedPostgres.builder()
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .start();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          postgres.close();
        } catch (IOException ignored) {
          // the JVM is exiting; the server's folder is temporary
        }
      }));
    }
    return postgres;
  }
}
