package accord.tlog;

/** A proof, signature or checkpoint that is well formed but does not check out. */
public class VerificationException extends RuntimeException {
  public VerificationException(String message) {
    super(message);
  }
}
