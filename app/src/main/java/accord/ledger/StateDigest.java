package accord.ledger;

import accord.tlog.Hash;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * One SHA-256 over every read-model row, table by table in a fixed order and rows sorted by all
 * their columns. Two read models with the same digest hold the same facts, which is how a
 * rebuild from the log is shown to reproduce the state it replaced.
 */
public final class StateDigest {
  private StateDigest() {}

  public static String of(Handle h, List<Projection> projections) {
    MessageDigest md = sha256();
    for (Projection p : projections) {
      for (String table : p.tables()) {
        if (!table.matches("[a-z_]+")) {
          throw new IllegalArgumentException("not a table name: " + table);
        }
        update(md, "table " + table + "\n");
        int cols = columnCount(h, table);
        StringBuilder order = new StringBuilder();
        for (int i = 1; i <= cols; i++) {
          order.append(i == 1 ? "" : ", ").append(i);
        }
        h.createQuery("SELECT * FROM " + table + " ORDER BY " + order)
            .map((rs, ctx) -> row(rs))
            .forEach(r -> update(md, r));
      }
    }
    return Hash.toHex(md.digest());
  }

  private static int columnCount(Handle h, String table) {
    return h.createQuery("SELECT * FROM " + table + " WHERE 1 = 0")
        .scanResultSet((supplier, ctx) -> supplier.get().getMetaData().getColumnCount());
  }

  private static String row(ResultSet rs) throws SQLException {
    ResultSetMetaData m = rs.getMetaData();
    StringBuilder sb = new StringBuilder();
    for (int i = 1; i <= m.getColumnCount(); i++) {
      Object v = rs.getObject(i);
      String s = v == null ? "\u0000null" : v instanceof byte[] b ? Hash.toHex(b) : String.valueOf(v);
      sb.append(s.length()).append(':').append(s).append('|');
    }
    return sb.append('\n').toString();
  }

  private static void update(MessageDigest md, String s) {
    md.update(s.getBytes(StandardCharsets.UTF_8));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
