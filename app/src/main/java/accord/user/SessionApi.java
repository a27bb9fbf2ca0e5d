package accord.user;

import accord.ledger.EntryCodec;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;

/** POST /api/session: trade a username and password for a bearer token. */
public final class SessionApi {
  private final Users users;
  private final SignInThrottle throttle;

  public SessionApi(Users users, SignInThrottle throttle) {
    this.users = users;
    this.throttle = throttle;
  }

  public void create(Context ctx) {
    JsonNode j;
    try {
      j = EntryCodec.JSON.readTree(ctx.bodyAsBytes());
    } catch (Exception e) {
      throw new HttpResponseException(400, "request body is not valid JSON");
    }
    String username = j.path("username").asText("");
    String password = j.path("password").asText("");
    if (username.isEmpty() || password.isEmpty()) {
      throw new HttpResponseException(400, "want a JSON object with 'username' and 'password'");
    }
    String key = ctx.ip() + "|" + username;
    if (!throttle.allowed(key)) {
      throw new HttpResponseException(429, "too many failed sign-ins; wait a few minutes");
    }
    User u = users.authenticate(username, password).orElse(null);
    if (u == null) {
      throttle.failed(key);
      throw new HttpResponseException(401, "wrong username or password");
    }
    throttle.succeeded(key);
    String token = users.startSession(u, "api");
    ctx.status(201).json(EntryCodec.JSON.createObjectNode()
        .put("token", token)
        .put("username", u.username())
        .put("role", u.role().name().toLowerCase())
        .put("party", u.party())
        .put("expires_in", Users.SESSION_LIFETIME.toSeconds()));
  }
}
