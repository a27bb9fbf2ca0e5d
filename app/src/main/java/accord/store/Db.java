package accord.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

/**
 * The node's database: SQLite by default (one file, WAL, synchronous=FULL so a commit survives a
 * power cut), PostgreSQL when given a {@code jdbc:postgresql:} URL. Flyway brings either to the
 * current schema; the migrations are shared, with {@code ${blob}} standing for the binary type.
 */
public final class Db implements AutoCloseable {
  public enum Engine {
    SQLITE,
    POSTGRESQL
  }

  private final HikariDataSource dataSource;
  private final Jdbi jdbi;
  private final Engine engine;

  private Db(HikariDataSource dataSource, Engine engine) {
    this.dataSource = dataSource;
    this.engine = engine;
    this.jdbi = Jdbi.create(dataSource);
  }

  /** The SQLite file in a data folder. */
  public static Db sqlite(Path dataDir) {
    try {
      Files.createDirectories(dataDir);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("cannot create data folder " + dataDir + ": " + e.getMessage());
    }
    return open("jdbc:sqlite:" + dataDir.resolve("accord.db").toAbsolutePath());
  }

  /** Opens and migrates the database at a JDBC URL (jdbc:sqlite:... or jdbc:postgresql:...). */
  public static Db open(String jdbcUrl) {
    HikariConfig cfg = new HikariConfig();
    cfg.setJdbcUrl(jdbcUrl);
    cfg.setPoolName("accord");
    Engine engine;
    if (jdbcUrl.startsWith("jdbc:sqlite:")) {
      engine = Engine.SQLITE;
      cfg.addDataSourceProperty("journal_mode", "WAL");
      cfg.addDataSourceProperty("synchronous", "FULL");
      cfg.addDataSourceProperty("busy_timeout", "10000");
      // A transaction takes the write lock when it begins: one that read first and wrote later
      // would otherwise fail at once (SQLITE_BUSY) when another writer got there in between,
      // instead of waiting its turn under busy_timeout.
      cfg.addDataSourceProperty("transaction_mode", "IMMEDIATE");
      // Ids are log indexes the node assigns itself; asking the driver for generated keys after
      // every insert is wasted work on the write path.
      cfg.addDataSourceProperty("jdbc.get_generated_keys", "false");
      cfg.addDataSourceProperty("foreign_keys", "true");
      // 64 MiB of page cache per connection (taken as pages are used, not up front): the register's
      // tables carry several indexes each, and with SQLite's default 2 MiB their pages are evicted
      // and read back from the file for nearly every row a large import writes.
      cfg.addDataSourceProperty("cache_size", "-65536");
      // Copy the write-ahead log into the database every 64 MiB rather than every 4 MiB: a large
      // import dirties the same index pages commit after commit, and each copy writes them again.
      cfg.addDataSourceProperty("wal_autocheckpoint", "16384");
      cfg.setMaximumPoolSize(4);
    } else if (jdbcUrl.startsWith("jdbc:postgresql:")) {
      engine = Engine.POSTGRESQL;
      // Held writes (ledger.WriteBehind) go to the server as multi-row inserts, a few statements
      // per batch of entries instead of one per row.
      cfg.addDataSourceProperty("reWriteBatchedInserts", "true");
      cfg.setMaximumPoolSize(8);
    } else {
      throw new IllegalArgumentException(
          "unsupported database URL (want jdbc:sqlite:... or jdbc:postgresql:...): " + redact(jdbcUrl));
    }
    HikariDataSource ds = new HikariDataSource(cfg);
    try {
      migrate(ds, engine);
    } catch (RuntimeException e) {
      ds.close();
      throw e;
    }
    return new Db(ds, engine);
  }

  private static void migrate(DataSource ds, Engine engine) {
    Flyway.configure()
        .dataSource(ds)
        .locations("classpath:db/migration")
        .placeholders(Map.of("blob", engine == Engine.SQLITE ? "BLOB" : "BYTEA"))
        .load()
        .migrate();
  }

  /** A URL with any password removed, for messages and logs. */
  public static String redact(String jdbcUrl) {
    return jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("//[^/@]*@", "//***@");
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  public Engine engine() {
    return engine;
  }

  public DataSource dataSource() {
    return dataSource;
  }

  @Override
  public void close() {
    dataSource.close();
  }
}
