package accord.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import accord.Engines;
import accord.store.Db;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Writes held for a batch: totals added up in memory give the rows that adding entry by entry gives. */
class WriteBehindTest {
  @TempDir Path dir;

  static final String UPSERT = "INSERT INTO incident_month (accord, month, grp, event_type, incidents, fatalities)"
      + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (accord, month, grp, event_type) DO UPDATE SET"
      + " incidents = incident_month.incidents + excluded.incidents, fatalities = incident_month.fatalities + excluded.fatalities";

  @ParameterizedTest
  @EnumSource(Engines.class)
  void aBatchWritesOneRowPerKeyWithTheSums(Engines engine) {
    String url = engine.newDatabase(dir);
    try (Db db = url == null ? Db.sqlite(dir) : Db.open(url)) {
      db.jdbi().useTransaction(h -> {
        LogStore.exec(LogStore.prepared(h, UPSERT), "a", "2025-05", "TTP", "battles", 2L, 5L); // already stored
        Tallies.add(h, UPSERT, new Object[] {"a", "2025-05", "TTP", "battles"}, 1L, 3L);
        Tallies.add(h, UPSERT, new Object[] {"a", "2025-05", "", "battles"}, 1L, 0L);
        Tallies.add(h, UPSERT, new Object[] {"a", "2025-05", "TTP", "battles"}, 1L, 4L);
        assertThat(rows(h)).as("nothing is written before the flush").containsExactly("a 2025-05 TTP battles 2 5");
        BatchCache.clear(h); // as a change of the accord's definition does mid-batch: what was read, not what is held
        WriteBehind.flush(h);
        WriteBehind.flush(h); // a second flush has nothing left to add
      });
      db.jdbi().useHandle(h -> assertThat(rows(h)).containsExactly("a 2025-05  battles 1 0", "a 2025-05 TTP battles 4 12"));
      db.jdbi().useHandle(h -> assertThatThrownBy(() -> Tallies.add(h, UPSERT, new Object[] {"a"}, 1.5))
          .hasMessageContaining("whole numbers"));
    }
  }

  @ParameterizedTest
  @EnumSource(Engines.class)
  void heldInsertsAreWrittenInTheOrderTheyWereFirstUsedAndOnlyAtTheFlush(Engines engine) {
    String url = engine.newDatabase(dir);
    try (Db db = url == null ? Db.sqlite(dir) : Db.open(url)) {
      String month = "INSERT INTO incident_month (accord, month, grp, event_type, incidents, fatalities) VALUES (?, ?, ?, ?, ?, ?)";
      String group = "INSERT INTO incident_group (accord, grp, incident, date, lat, lon, event_type) VALUES (?, ?, ?, ?, ?, ?, ?)";
      db.jdbi().useTransaction(h -> {
        WriteBehind.insert(h, month, "a", "2025-05", "TTP", "battles", 1L, 2L);
        WriteBehind.insert(h, group, "a", "TTP", 7L, "2025-05-01", 34.1, null, "battles");
        WriteBehind.insert(h, month, "a", "2025-06", "", "riots", 3L, 0L);
        assertThat(rows(h)).as("nothing is written before the flush").isEmpty();
        WriteBehind.flush(h);
        assertThat(rows(h)).containsExactly("a 2025-06  riots 3 0", "a 2025-05 TTP battles 1 2");
        assertThat(h.createQuery("SELECT grp || ' ' || incident || ' ' || lat || ' ' || COALESCE(CAST(lon AS TEXT), '-')"
            + " FROM incident_group").mapTo(String.class).list()).containsExactly("TTP 7 34.1 -");
      });
      // A held row that breaks a constraint fails the flush, and with it the transaction.
      assertThatThrownBy(() -> db.jdbi().useTransaction(h -> {
        WriteBehind.insert(h, month, "a", "2025-07", "", "riots", 1L, 0L);
        WriteBehind.insert(h, month, "a", "2025-05", "TTP", "battles", 1L, 0L);
        WriteBehind.flush(h);
      })).hasMessageContaining("cannot store read-model rows");
      db.jdbi().useHandle(h -> assertThat(rows(h)).hasSize(2));
    }
  }

  private static List<String> rows(org.jdbi.v3.core.Handle h) {
    return h.createQuery("SELECT accord, month, grp, event_type, incidents, fatalities FROM incident_month ORDER BY grp")
        .map((rs, ctx) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4) + " "
            + rs.getLong(5) + " " + rs.getLong(6))
        .list();
  }
}
