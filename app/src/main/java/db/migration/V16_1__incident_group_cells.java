package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Handles;
import org.jdbi.v3.core.Jdbi;

/**
 * Fills the group map cells of V16 on a node that already holds incidents, from the group rows,
 * with the projection's own code ({@code accord.incident.IncidentIndex.fillGroupCells}), so the
 * cells are those a rebuild would give.
 */
public class V16_1__incident_group_cells extends BaseJavaMigration {
  @Override
  public void migrate(Context context) {
    Jdbi jdbi = Jdbi.create(context.getConnection());
    // Flyway owns the transaction; the handle only borrows its connection.
    jdbi.getConfig(Handles.class).setForceEndTransactions(false);
    try (Handle h = jdbi.open()) {
      accord.incident.IncidentIndex.fillGroupCells(h);
    }
  }
}
