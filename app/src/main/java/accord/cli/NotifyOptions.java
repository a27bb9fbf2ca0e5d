package accord.cli;

import accord.node.Node;
import accord.notify.Deliverer;
import accord.notify.SmtpConfig;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Where a serving node sends notices: its mail server and its public address (for links in
 * e-mails and webhooks). Each option falls back to an environment variable; the SMTP user and
 * password come only from the environment (ACCORD_SMTP_USER, ACCORD_SMTP_PASSWORD), so they are
 * never on a command line or in a log.
 */
final class NotifyOptions {
  @Option(names = "--smtp-host", description = "mail server for e-mail notices (default: $ACCORD_SMTP_HOST; none: no e-mail)")
  String smtpHost;

  @Option(names = "--smtp-port", description = "its port (default: $ACCORD_SMTP_PORT, else 587 with STARTTLS, 25 without)")
  Integer smtpPort;

  @Option(names = "--smtp-from", description = "sender address of notices (default: $ACCORD_SMTP_FROM)")
  String smtpFrom;

  @Option(names = "--smtp-starttls", description = "require STARTTLS (default: $ACCORD_SMTP_STARTTLS, else off)")
  Boolean smtpStartTls;

  @Option(names = "--public-url", description = "this node's address as readers reach it, for links in notices (default: $ACCORD_PUBLIC_URL)")
  String publicUrl;

  @Option(names = "--webhooks-internal", description = "allow webhooks to loopback and private addresses (default: $ACCORD_WEBHOOKS_INTERNAL, else refused)")
  Boolean webhooksInternal;

  /** The mail server, or null when none is configured. */
  SmtpConfig smtp(Map<String, String> env) {
    String host = or(smtpHost, env.get("ACCORD_SMTP_HOST"));
    if (host == null) {
      return null;
    }
    boolean tls = flag(smtpStartTls, env.get("ACCORD_SMTP_STARTTLS"));
    int port;
    if (smtpPort != null) {
      port = smtpPort;
    } else if (env.get("ACCORD_SMTP_PORT") != null) {
      try {
        port = Integer.parseInt(env.get("ACCORD_SMTP_PORT").trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("ACCORD_SMTP_PORT must be a port number, not " + env.get("ACCORD_SMTP_PORT"));
      }
    } else {
      port = tls ? 587 : 25;
    }
    return new SmtpConfig(host, port, or(smtpFrom, env.get("ACCORD_SMTP_FROM")), tls,
        env.get("ACCORD_SMTP_USER"), env.get("ACCORD_SMTP_PASSWORD"));
  }

  /** Starts delivering the node's outbox; it stops when the node closes. */
  Deliverer start(Node n) {
    boolean internal = flag(webhooksInternal, System.getenv("ACCORD_WEBHOOKS_INTERNAL"));
    var settings = Deliverer.Settings.of(smtp(System.getenv()), or(publicUrl, System.getenv("ACCORD_PUBLIC_URL")), internal);
    return n.closeWith(new Deliverer(n.db().jdbi(), n.clock(), settings)).start();
  }

  /** An on/off option, else its environment variable ("true" in any case), else off. */
  private static boolean flag(Boolean option, String env) {
    return option != null ? option : Boolean.parseBoolean(env);
  }

  private static String or(String a, String b) {
    if (a != null && !a.isBlank()) {
      return a.trim();
    }
    return b == null || b.isBlank() ? null : b.trim();
  }
}
