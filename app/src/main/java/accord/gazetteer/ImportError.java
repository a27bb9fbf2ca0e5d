package accord.gazetteer;

/** A file the gazetteer will not load, with where (line or feature) and why. Nothing of it is written. */
public final class ImportError extends IllegalArgumentException {
  public ImportError(String message) {
    super(message);
  }
}
