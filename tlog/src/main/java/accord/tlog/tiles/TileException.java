package accord.tlog.tiles;

import accord.tlog.VerificationException;

/**
 * A resource served by a tiled log is missing, malformed or disagrees with the signed checkpoint.
 * {@link #path} names the resource at fault ({@code checkpoint}, a tile or an entry bundle) and
 * {@link #entryIndex} the entry, when one entry is at fault.
 */
public class TileException extends VerificationException {
  private final String path;
  private final long entryIndex;

  public TileException(String path, String problem) {
    this(path, -1, problem);
  }

  public TileException(String path, long entryIndex, String problem) {
    super(path + (entryIndex >= 0 ? " (entry " + entryIndex + ")" : "") + ": " + problem);
    this.path = path;
    this.entryIndex = entryIndex;
  }

  public String path() {
    return path;
  }

  /** The index of the entry at fault, or -1. */
  public long entryIndex() {
    return entryIndex;
  }
}
