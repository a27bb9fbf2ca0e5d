package accord.tlog;

/** Input that does not follow the format it claims to be in; the message says what and where. */
public class FormatException extends IllegalArgumentException {
  public FormatException(String message) {
    super(message);
  }
}
