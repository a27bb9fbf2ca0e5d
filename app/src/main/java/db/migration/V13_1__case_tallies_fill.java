package db.migration;

import accord.casework.CaseTallies;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Handles;
import org.jdbi.v3.core.Jdbi;

/**
 * Fills the casework tallies of V13 on a node that already holds cases. In Java because the
 * queue rows come from the clocks' rule ({@code accord.casework.CaseClocks}), which SQL cannot
 * repeat; it runs the projection's own code, so the rows are those a rebuild would give.
 */
public class V13_1__case_tallies_fill extends BaseJavaMigration {
  @Override
  public void migrate(Context context) {
    Jdbi jdbi = Jdbi.create(context.getConnection());
    // Flyway owns the transaction; the handle only borrows its connection.
    jdbi.getConfig(Handles.class).setForceEndTransactions(false);
    try (Handle h = jdbi.open()) {
      CaseTallies.fill(h);
      accord.ledger.BatchCache.clear(h);
    }
  }
}
