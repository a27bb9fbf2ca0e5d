package db.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Full-text search and monthly totals for the incident register, and indexes for its filters at a
 * million rows. A Java migration because the search index is the engine's own: an FTS5 table on
 * SQLite, a GIN index over a tsvector on PostgreSQL. Both hold the same rows (one per report or
 * account, its text already normalised by {@code accord.incident.IncidentSearch}), so the state
 * digest reads them alike.
 */
public class V11__incident_search extends BaseJavaMigration {
  @Override
  public void migrate(Context context) throws SQLException {
    Connection c = context.getConnection();
    boolean sqlite = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("sqlite");
    try (Statement s = c.createStatement()) {
      if (sqlite) {
        // detail=none keeps only which rows hold a term (no positions): enough for AND-of-prefixes
        // queries, and the smallest index; the prefix indexes make short prefixes cheap.
        s.execute("CREATE VIRTUAL TABLE incident_search USING fts5(accord UNINDEXED, idx UNINDEXED,"
            + " incident UNINDEXED, doc, detail=none, prefix='2 3', tokenize='unicode61 remove_diacritics 0')");
      } else {
        s.execute("CREATE TABLE incident_search (accord TEXT NOT NULL, idx BIGINT NOT NULL, incident BIGINT NOT NULL,"
            + " doc TEXT NOT NULL, PRIMARY KEY (accord, idx))");
        s.execute("CREATE INDEX incident_search_doc ON incident_search USING GIN (to_tsvector('simple', doc))");
      }
      // Incidents and fatalities per month, perpetrator group and event type, kept as reports
      // arrive, so the unfiltered (or type-filtered) timeline and the register's size read a few
      // thousand rows instead of every incident.
      s.execute("CREATE TABLE incident_month (accord TEXT NOT NULL, month TEXT NOT NULL, grp TEXT NOT NULL,"
          + " event_type TEXT NOT NULL, incidents BIGINT NOT NULL, fatalities BIGINT NOT NULL,"
          + " PRIMARY KEY (accord, month, grp, event_type))");
      // Incidents per map cell, event type and zoom level (IncidentIndex.CELL_LEVELS), with the sums
      // of their coordinates so a cell is drawn where its incidents are.
      s.execute("CREATE TABLE incident_cell (accord TEXT NOT NULL, z INTEGER NOT NULL, cy BIGINT NOT NULL, cx BIGINT NOT NULL,"
          + " event_type TEXT NOT NULL, incidents BIGINT NOT NULL, lat_sum DOUBLE PRECISION NOT NULL,"
          + " lon_sum DOUBLE PRECISION NOT NULL, PRIMARY KEY (accord, z, cy, cx, event_type))");
      // The list's filters, each with the date so the newest-first order needs no sort.
      s.execute("CREATE INDEX incident_admin1 ON incident (accord, lower(admin1), date)");
      s.execute("CREATE INDEX incident_admin2 ON incident (accord, lower(admin2), date)");
      s.execute("CREATE INDEX incident_type ON incident (accord, event_type, date)");
      s.execute("CREATE INDEX incident_subtype ON incident (accord, sub_event_type, date)");
      s.execute("CREATE INDEX incident_account_party ON incident_account (accord, party, incident)");
      s.execute("CREATE INDEX incident_fatalities ON incident (accord, fatalities_best)");
      // The map reads only coordinates and type: an index it can answer from alone.
      s.execute("CREATE INDEX incident_geo ON incident (accord, lat, lon, event_type)");
    }
  }
}
