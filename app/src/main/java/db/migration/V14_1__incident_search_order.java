package db.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The search index read in the list's order (see {@code accord.incident.IncidentSearch}). On
 * SQLite the FTS5 rows get rowids that sort like the list (the incident's date, then its id, then
 * a slot per report and account), so a common word's matches stream newest first; the table is
 * copied with its new keys, since FTS5 rowids cannot be updated in place, and its vocabulary is
 * made readable. On PostgreSQL, where the
 * list walks its date index and tests each incident's search rows, those rows get an index by
 * incident.
 */
public class V14_1__incident_search_order extends BaseJavaMigration {
  /** Must match IncidentSearch.SLOTS. */
  static final int SLOTS = 64;

  @Override
  public void migrate(Context context) throws SQLException {
    Connection c = context.getConnection();
    boolean sqlite = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("sqlite");
    try (Statement s = c.createStatement()) {
      if (!sqlite) {
        s.execute("CREATE INDEX incident_search_incident ON incident_search (accord, incident)");
        return;
      }
      String keyed = "SELECT i.date, s.incident, s.accord, s.idx, s.doc, CAST(julianday(i.date) - julianday('1900-01-01') AS INTEGER) AS day,"
          + " ROW_NUMBER() OVER (PARTITION BY i.date, s.incident ORDER BY s.accord, s.idx) - 1 AS slot"
          + " FROM incident_search s JOIN incident i ON i.accord = s.accord AND i.id = s.incident";
      try (ResultSet r = s.executeQuery("SELECT COUNT(*) FROM (" + keyed + ") k WHERE slot >= " + SLOTS
          + " OR day < 0 OR day >= 131072 OR incident < 0 OR incident >= 1099511627776")) {
        if (r.next() && r.getLong(1) > 0) {
          throw new SQLException(r.getLong(1) + " search rows cannot be given an ordered key (more than " + SLOTS
              + " rows per incident and date, or a date before 1900)");
        }
      }
      s.execute("CREATE VIRTUAL TABLE incident_search_ordered USING fts5(accord UNINDEXED, idx UNINDEXED,"
          + " incident UNINDEXED, doc, detail=none, prefix='2 3', tokenize='unicode61 remove_diacritics 0')");
      s.execute("INSERT INTO incident_search_ordered (rowid, accord, idx, incident, doc)"
          + " SELECT (day << 46) | (incident << 6) | slot, accord, idx, incident, doc FROM (" + keyed + ") k");
      s.execute("DROP TABLE incident_search");
      s.execute("ALTER TABLE incident_search_ordered RENAME TO incident_search");
      // The index's own words, so a query word can be spelt out as the words it begins
      // (IncidentSearch.match): read from the index itself, nothing to keep.
      s.execute("CREATE VIRTUAL TABLE incident_search_vocab USING fts5vocab(incident_search, row)");
    }
  }
}
