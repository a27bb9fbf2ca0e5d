package accord.notify;

import accord.accord.AccordProjection;
import accord.accord.AccordState;
import accord.ledger.EntryCodec;
import accord.ledger.LogStore;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The administrator's list of e-mail addresses and webhooks. Adding one checks that the accord
 * and party exist and that the address or URL is well formed, naming the field that is wrong.
 */
public final class Subscriptions {
  private static final SecureRandom RANDOM = new SecureRandom();
  private final Jdbi jdbi;
  private final Clock clock;

  public Subscriptions(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /** Bad input: the message names the field and what is wrong with it. */
  public static final class Invalid extends IllegalArgumentException {
    /** accord, party, target or kind. */
    public final String field;
    public final boolean notFound;

    Invalid(String field, String message, boolean notFound) {
      super(field + ": " + message);
      this.field = field;
      this.notFound = notFound;
    }
  }

  /** The target is already subscribed to that party. */
  public static final class Duplicate extends IllegalStateException {
    Duplicate(String message) {
      super(message);
    }
  }

  /**
   * Adds a subscription and returns it with its secret (a webhook's signing key, shown only now).
   * It receives the notices of entries appended from now on, not those already in the log.
   */
  public Subscription add(String accord, String party, Subscription.Kind kind, String target) {
    String t = target == null ? "" : target.trim();
    if (kind == Subscription.Kind.EMAIL) {
      t = email(t);
    } else {
      t = webhook(t);
    }
    String clean = t;
    String secret = kind == Subscription.Kind.WEBHOOK ? random(32) : null;
    String id = "s" + random(6);
    return jdbi.inTransaction(h -> {
      AccordState s = AccordProjection.load(h, accord == null ? "" : accord)
          .orElseThrow(() -> new Invalid("accord", "there is no accord " + accord, true));
      if (party == null || s.member(party).isEmpty()) {
        throw new Invalid("party", party + " is not a member of " + accord, false);
      }
      boolean taken = h.createQuery("SELECT COUNT(*) FROM notify_subscription WHERE accord = :a AND party = :p"
              + " AND kind = :k AND target = :t")
          .bind("a", accord).bind("p", party).bind("k", kind.code()).bind("t", clean).mapTo(Long.class).one() > 0;
      if (taken) {
        throw new Duplicate("target: " + clean + " already receives the notices of " + party + " in " + accord);
      }
      Subscription sub = new Subscription(id, accord, party, kind, clean, secret, LogStore.size(h, accord),
          EntryCodec.formatTime(clock.instant()));
      h.createUpdate("INSERT INTO notify_subscription (id, accord, party, kind, target, secret, from_idx, created)"
              + " VALUES (:id, :a, :p, :k, :t, :s, :f, :c)")
          .bind("id", sub.id()).bind("a", accord).bind("p", party).bind("k", kind.code()).bind("t", clean)
          .bind("s", secret).bind("f", sub.fromIndex()).bind("c", sub.created()).execute();
      return sub;
    });
  }

  /** Every subscription, without secrets. */
  public List<Subscription> all() {
    return jdbi.withHandle(h -> h.createQuery("SELECT id, accord, party, kind, target, secret, from_idx, created"
            + " FROM notify_subscription ORDER BY accord, party, kind, target")
        .map((rs, ctx) -> row(rs).withoutSecret()).list());
  }

  public Optional<Subscription> find(String id) {
    return jdbi.withHandle(h -> h.createQuery("SELECT id, accord, party, kind, target, secret, from_idx, created"
            + " FROM notify_subscription WHERE id = :id")
        .bind("id", id).map((rs, ctx) -> row(rs)).findOne());
  }

  /** Removes a subscription and the deliveries still waiting for it; what was sent stays listed. */
  public boolean remove(String id) {
    return jdbi.inTransaction(h -> {
      int n = h.createUpdate("DELETE FROM notify_subscription WHERE id = :id").bind("id", id).execute();
      h.createUpdate("DELETE FROM notify_outbox WHERE subscription = :id AND status = :p")
          .bind("id", id).bind("p", Outbox.PENDING).execute();
      return n > 0;
    });
  }

  static Subscription row(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Subscription(rs.getString("id"), rs.getString("accord"), rs.getString("party"),
        Subscription.Kind.parse(rs.getString("kind")), rs.getString("target"), rs.getString("secret"),
        rs.getLong("from_idx"), rs.getString("created"));
  }

  static String email(String address) {
    try {
      InternetAddress a = new InternetAddress(address, true);
      a.validate();
      if (a.getPersonal() != null || !a.getAddress().contains("@") || a.getAddress().length() > 254) {
        throw new AddressException("want a plain address such as desk@example.org");
      }
      return a.getAddress();
    } catch (AddressException e) {
      throw new Invalid("target", "'" + address + "' is not an e-mail address (" + e.getMessage() + ")", false);
    }
  }

  static String webhook(String url) {
    URI u;
    try {
      u = new URI(url);
    } catch (java.net.URISyntaxException e) {
      throw new Invalid("target", "'" + url + "' is not a URL", false);
    }
    if (!("https".equals(u.getScheme()) || "http".equals(u.getScheme())) || u.getHost() == null
        || u.getUserInfo() != null || url.length() > 2000) {
      throw new Invalid("target", "a webhook must be an http:// or https:// URL with a host and no user name, not '"
          + url + "'", false);
    }
    return u.toString();
  }

  private static String random(int bytes) {
    byte[] b = new byte[bytes];
    RANDOM.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }
}
