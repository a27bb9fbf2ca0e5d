package accord.ledger;

/**
 * A feature's {@code decide} refusing an entry. The kind says why, so the web layer can answer
 * 400 (malformed), 403 (this author may not make this change) or 409 (not in the record's state).
 */
public final class Rejection extends RuntimeException {
  public enum Kind {
    INVALID,
    FORBIDDEN,
    CONFLICT,
    NOT_FOUND
  }

  private final Kind kind;

  public Rejection(Kind kind, String message) {
    super(message, null, false, false);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  public static Rejection invalid(String m) {
    return new Rejection(Kind.INVALID, m);
  }

  public static Rejection forbidden(String m) {
    return new Rejection(Kind.FORBIDDEN, m);
  }

  public static Rejection conflict(String m) {
    return new Rejection(Kind.CONFLICT, m);
  }

  public static Rejection notFound(String m) {
    return new Rejection(Kind.NOT_FOUND, m);
  }
}
