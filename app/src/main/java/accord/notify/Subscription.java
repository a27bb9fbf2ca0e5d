package accord.notify;

/**
 * Where this node sends the notices of one party of one accord: an e-mail address or a webhook
 * URL. {@code secret} keys the HMAC-SHA256 signature of each webhook body (null for e-mail);
 * notices of entries from log index {@code fromIndex} on are sent.
 */
public record Subscription(String id, String accord, String party, Kind kind, String target, String secret,
    long fromIndex, String created) {

  public enum Kind {
    EMAIL,
    WEBHOOK;

    public String code() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Kind parse(String s) {
      for (Kind k : values()) {
        if (k.code().equals(s)) {
          return k;
        }
      }
      throw new IllegalArgumentException("kind must be email or webhook, not " + s);
    }
  }

  /** The subscription as lists show it: everything but the secret. */
  public Subscription withoutSecret() {
    return new Subscription(id, accord, party, kind, target, null, fromIndex, created);
  }
}
