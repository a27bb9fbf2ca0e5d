package accord.ledger;

import accord.tlog.FormatException;
import accord.tlog.tiles.Tile;
import accord.tlog.tiles.TileHashes;
import accord.tlog.tiles.TilePath;
import accord.tlog.tiles.TileWriter;
import org.jdbi.v3.core.Handle;

/**
 * The files of a log as tlog-tiles names them ({@code checkpoint}, {@code tile/L/N[.p/W]},
 * {@code tile/entries/N[.p/W]}), made from the stored rows. The HTTP handlers serve them; the
 * offline verifier reads them straight from a database.
 */
public final class LogFiles {
  private LogFiles() {}

  /** The file at {@code path}, or null when the log has no such file. */
  public static byte[] read(Handle h, String accord, String path) {
    if (path.equals("checkpoint")) {
      return LogStore.latestCheckpoint(h, accord).orElse(null);
    }
    Tile t;
    try {
      t = TilePath.parse(path);
    } catch (FormatException e) {
      return null;
    }
    long size = LogStore.size(h, accord);
    long first = t.index() * Tile.FULL_WIDTH;
    long available = t.isEntries() ? size : size >> t.nodeLevel();
    if (first + t.width() > available) {
      return null;
    }
    if (t.isEntries()) {
      var entries = LogStore.entries(h, accord, first, t.width());
      return TileWriter.bundle(t, i -> entries.get((int) (i - first)).note());
    }
    return TileHashes.build(t, LogStore.hashReader(h, accord));
  }
}
