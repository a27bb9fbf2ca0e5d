package accord.notify;

/**
 * The deployment's mail server. The password comes only from the environment and never appears in
 * {@link #toString()}, so printing the configuration cannot leak it.
 */
public record SmtpConfig(String host, int port, String from, boolean startTls, String user, String password) {
  public SmtpConfig {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("smtp host: give a host name");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("smtp port: " + port + " is not a port (1 to 65535)");
    }
    if (from == null || from.isBlank()) {
      throw new IllegalArgumentException("smtp from: give the sender address notices are sent from");
    }
    try {
      Subscriptions.email(from);
    } catch (Subscriptions.Invalid e) {
      throw new IllegalArgumentException("smtp from: '" + from + "' is not an e-mail address");
    }
  }

  public boolean authenticates() {
    return user != null && !user.isBlank();
  }

  @Override
  public String toString() {
    return "smtp://" + (authenticates() ? user + "@" : "") + host + ":" + port + (startTls ? " (STARTTLS)" : "")
        + " from " + from;
  }
}
