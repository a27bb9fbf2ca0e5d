package accord.ledger;

import accord.tlog.witness.WitnessStore;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * A local witness's state in the node's database, inside the caller's transaction. The
 * compare-and-swap is one conditional UPDATE (or an INSERT that the primary key makes fail when
 * another writer got there first), so it is atomic on SQLite and PostgreSQL alike.
 */
public final class SqlWitnessStore implements WitnessStore {
  private final Handle h;
  private final String witness;
  private final Clock clock;

  public SqlWitnessStore(Handle h, String witness, Clock clock) {
    this.h = h;
    this.witness = witness;
    this.clock = clock;
  }

  @Override
  public Optional<State> get(String origin) {
    return h.createQuery("SELECT size, root, note FROM witness_state WHERE witness = :w AND origin = :o")
        .bind("w", witness)
        .bind("o", origin)
        .map((rs, ctx) -> new State(rs.getLong(1), rs.getBytes(2), rs.getBytes(3)))
        .findOne();
  }

  @Override
  public boolean compareAndSwap(String origin, State expected, State next) {
    if (expected == null) {
      int n =
          h.createUpdate(
                  "INSERT INTO witness_state (witness, origin, size, root, note)"
                      + " SELECT :w, :o, :s, :r, :n WHERE NOT EXISTS"
                      + " (SELECT 1 FROM witness_state WHERE witness = :w AND origin = :o)")
              .bind("w", witness)
              .bind("o", origin)
              .bind("s", next.size())
              .bind("r", next.root())
              .bind("n", next.note())
              .execute();
      return n == 1;
    }
    int n =
        h.createUpdate(
                "UPDATE witness_state SET size = :s, root = :r, note = :n"
                    + " WHERE witness = :w AND origin = :o AND size = :es AND root = :er")
            .bind("w", witness)
            .bind("o", origin)
            .bind("s", next.size())
            .bind("r", next.root())
            .bind("n", next.note())
            .bind("es", expected.size())
            .bind("er", expected.root())
            .execute();
    return n == 1;
  }

  @Override
  public void recordConflict(Evidence e) {
    h.createUpdate(
            "INSERT INTO witness_evidence (witness, origin, received, reason, note, cosigned)"
                + " SELECT :w, :o, :t, :r, :n, :c WHERE NOT EXISTS (SELECT 1 FROM witness_evidence"
                + " WHERE witness = :w AND origin = :o AND note = :n)")
        .bind("w", witness)
        .bind("o", e.origin())
        .bind("t", EntryCodec.formatTime(clock.instant()))
        .bind("r", e.reason())
        .bind("n", e.note())
        .bind("c", e.cosignedNote())
        .execute();
  }

  @Override
  public List<Evidence> conflicts(String origin) {
    return h.createQuery(
            "SELECT note, cosigned, reason FROM witness_evidence WHERE witness = :w AND origin = :o"
                + " ORDER BY received")
        .bind("w", witness)
        .bind("o", origin)
        .map((rs, ctx) -> new Evidence(origin, rs.getBytes(1), rs.getBytes(2), rs.getString(3)))
        .list();
  }
}
