package accord.cli;

import accord.node.Node;
import java.nio.file.Path;
import java.time.Clock;
import picocli.CommandLine.Option;

/** Where a node keeps its data: the folder, and the database (SQLite in it, or a JDBC URL). */
final class NodeOptions {
  @Option(names = "--data", description = "data folder (default: ${DEFAULT-VALUE})", defaultValue = "accord-data")
  Path data;

  @Option(names = "--db", description = "JDBC URL of a PostgreSQL database (default: $ACCORD_DB, else SQLite in the data folder)")
  String db;

  Node open() {
    String url = db != null ? db : System.getenv("ACCORD_DB");
    return Node.open(data, url, Clock.systemUTC());
  }
}
