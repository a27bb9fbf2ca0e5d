package accord.gazetteer;

import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's gazetteer: the bundled sets loaded at first start, files imported over them (each in
 * one transaction, replacing a set of the same name), and an in-memory {@link Index} that answers
 * searches and locates without touching the database.
 */
public final class Gazetteer {
  private static final Logger LOG = LoggerFactory.getLogger(Gazetteer.class);
  private final Jdbi jdbi;
  private final Clock clock;
  private volatile Index index = Index.empty();

  /** A loaded set as listed. */
  public record LoadedSet(String name, String kind, String source, String licence, String attribution, String loadedAt, long seq, long items) {}

  /** What an import wrote. */
  public record Imported(String set, String kind, int places, int names, int boundaries, int lines, int incidentsPlaced) {}

  private Gazetteer(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /** Opens the gazetteer of a node's database, loading the bundled sets if no set is loaded yet. */
  public static Gazetteer open(Jdbi jdbi, Clock clock) {
    Gazetteer g = new Gazetteer(jdbi, clock);
    if (g.setCount() == 0) {
      List<Batch> bundled;
      try {
        bundled = Bundled.all();
      } catch (IllegalStateException missing) {
        // a jar built without app/web/node_modules: the node runs, with only what is imported
        LOG.warn("gazetteer: no bundled sets ({}); import boundaries with `accord gazetteer import`", missing.getMessage());
        bundled = List.of();
      }
      try {
        String at = clock.instant().toString();
        List<Batch> sets = bundled;
        jdbi.useTransaction(h -> sets.forEach(b -> Store.replace(h, b, at)));
        LOG.info("gazetteer: loaded the bundled sets ({} places)", bundled.stream().mapToInt(b -> b.places.size()).sum());
      } catch (RuntimeException e) {
        if (g.setCount() == 0) {
          throw e;
        } // another process sharing the database loaded them first
      }
    }
    g.reload();
    return g;
  }

  private long setCount() {
    return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM gazetteer_set").mapTo(Long.class).one());
  }

  public Index index() {
    return index;
  }

  public Index.Location locate(double lat, double lon) {
    return index.locate(lat, lon);
  }

  public List<Index.Hit> search(String query, int limit) {
    return index.search(query, limit);
  }

  public List<LoadedSet> sets() {
    return jdbi.withHandle(h -> Store.sets(h).stream()
        .map(s -> new LoadedSet(s.name(), s.kind(), s.source(), s.licence(), s.attribution(), s.loadedAt(), s.seq(), s.items()))
        .toList());
  }

  /**
   * Reads and checks a file, then writes it as one set in one transaction: a bad row or feature
   * throws {@link ImportError} and leaves the gazetteer as it was. Incidents are placed again after.
   */
  public Imported importFile(String fileName, byte[] content, Importer.Options options) {
    Batch b = Importer.read(fileName, content, options, index);
    String at = clock.instant().toString();
    synchronized (this) {
      jdbi.useTransaction(h -> Store.replace(h, b, at));
      reload();
    }
    int placed = IncidentPlaces.recompute(jdbi, index);
    return new Imported(b.set.name(), b.set.kind(), b.places.size(), b.names.size(), b.boundaries.size(), b.lines.size(), placed);
  }

  /** Reads the tables into a fresh index. */
  public synchronized void reload() {
    index = jdbi.withHandle(Store::load);
  }
}
