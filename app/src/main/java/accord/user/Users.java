package accord.user;

import accord.ledger.EntryCodec;
import accord.tlog.Hash;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Accounts and sessions of this node. Secrets are never stored: only hashes. */
public final class Users {
  public static final Duration SESSION_LIFETIME = Duration.ofHours(12);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Jdbi jdbi;
  private final Clock clock;

  public Users(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  public void add(String username, String displayName, Role role, String party, String password) {
    if (!username.matches("[a-z][a-z0-9._-]{1,63}")) {
      throw new IllegalArgumentException(
          "username must be 2 to 64 lower-case letters, digits, '.', '_' or '-', starting with a letter");
    }
    if (password.length() < 10) {
      throw new IllegalArgumentException("password must have at least 10 characters");
    }
    if ((role.actsForParty() || role == Role.OBSERVER || role == Role.MEDIATOR) == (party == null)) {
      throw new IllegalArgumentException(
          role.actsForParty() || role == Role.OBSERVER || role == Role.MEDIATOR
              ? "role " + role + " needs a party or organisation code"
              : "role " + role + " does not act for a party");
    }
    if (role == Role.PUBLIC) {
      throw new IllegalArgumentException("public is not an account role");
    }
    String hash = Passwords.hash(password);
    jdbi.useTransaction(
        h -> {
          boolean exists =
              h.createQuery("SELECT COUNT(*) FROM app_user WHERE username = :u")
                  .bind("u", username).mapTo(Integer.class).one() > 0;
          if (exists) {
            throw new IllegalArgumentException("user " + username + " already exists");
          }
          h.createUpdate(
                  "INSERT INTO app_user (username, display_name, role, party, password_hash, created)"
                      + " VALUES (:u, :d, :r, :p, :h, :c)")
              .bind("u", username)
              .bind("d", displayName)
              .bind("r", role.name())
              .bind("p", party)
              .bind("h", hash)
              .bind("c", EntryCodec.formatTime(clock.instant()))
              .execute();
        });
  }

  public Optional<User> find(String username) {
    return jdbi.withHandle(
        h -> h.createQuery(
                "SELECT username, display_name, role, party FROM app_user"
                    + " WHERE username = :u AND disabled = 0")
            .bind("u", username)
            .map((rs, ctx) -> new User(rs.getString(1), rs.getString(2), Role.valueOf(rs.getString(3)), rs.getString(4)))
            .findOne());
  }

  public List<User> all() {
    return jdbi.withHandle(
        h -> h.createQuery("SELECT username, display_name, role, party FROM app_user ORDER BY username")
            .map((rs, ctx) -> new User(rs.getString(1), rs.getString(2), Role.valueOf(rs.getString(3)), rs.getString(4)))
            .list());
  }

  /** The user whose password this is; empty for a wrong password or unknown user alike. */
  public Optional<User> authenticate(String username, String password) {
    Optional<String> stored =
        jdbi.withHandle(
            h -> h.createQuery("SELECT password_hash FROM app_user WHERE username = :u AND disabled = 0")
                .bind("u", username == null ? "" : username)
                .mapTo(String.class)
                .findOne());
    // Hash even for unknown users, so timing does not tell which names exist.
    String phc = stored.orElse("$argon2id$v=19$m=19456,t=2,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    boolean ok = Passwords.verify(password == null ? "" : password, phc);
    return ok && stored.isPresent() ? find(username) : Optional.empty();
  }

  /** Starts a session (kind "api" or "web") and returns its secret token. */
  public String startSession(User u, String kind) {
    byte[] raw = new byte[32];
    RANDOM.nextBytes(raw);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    Instant now = clock.instant();
    jdbi.useHandle(
        h -> h.createUpdate(
                "INSERT INTO app_session (token_hash, username, kind, created, expires)"
                    + " VALUES (:t, :u, :k, :c, :e)")
            .bind("t", tokenHash(token))
            .bind("u", u.username())
            .bind("k", kind)
            .bind("c", EntryCodec.formatTime(now))
            .bind("e", EntryCodec.formatTime(now.plus(SESSION_LIFETIME)))
            .execute());
    return token;
  }

  public Optional<User> session(String token) {
    if (token == null || token.isEmpty() || token.length() > 100) {
      return Optional.empty();
    }
    String now = EntryCodec.formatTime(clock.instant());
    Optional<String> user =
        jdbi.withHandle(
            h -> h.createQuery(
                    "SELECT username FROM app_session WHERE token_hash = :t AND expires > :n")
                .bind("t", tokenHash(token))
                .bind("n", now)
                .mapTo(String.class)
                .findOne());
    return user.flatMap(this::find);
  }

  public void endSession(String token) {
    if (token != null) {
      jdbi.useHandle(h -> h.createUpdate("DELETE FROM app_session WHERE token_hash = :t").bind("t", tokenHash(token)).execute());
    }
  }

  private static String tokenHash(String token) {
    return Hash.toHex(Hash.sha256(token.getBytes(StandardCharsets.UTF_8)));
  }
}
