package accord.web;

import accord.user.Role;
import accord.user.User;
import accord.user.Users;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.security.RouteRole;
import java.util.Set;

/**
 * Who may use a route. Every route names its roles when it is declared (see {@link Routes}); a
 * route that names none is refused to everyone, so forgetting a rule fails closed.
 */
public final class Access {
  public static final RouteRole[] ANYONE = Role.values();
  public static final RouteRole[] SIGNED_IN = {
    Role.PARTY_OFFICER, Role.PARTY_LEAD, Role.SECRETARIAT, Role.OBSERVER, Role.MEDIATOR, Role.ADMIN
  };
  /** Those who write to the joint record: party users, the secretariat, observers and mediators. */
  public static final RouteRole[] WRITERS = {
    Role.PARTY_OFFICER, Role.PARTY_LEAD, Role.SECRETARIAT, Role.OBSERVER, Role.MEDIATOR
  };
  public static final RouteRole[] ADMINS = {Role.ADMIN};

  static final String USER = "accord.user";
  static final String SESSION_COOKIE = "accord_session";

  private Access() {}

  /**
   * Resolves the caller for a request that matched no route, so its 404 page still shows who is
   * signed in; an unknown or expired token simply counts as signed out here.
   */
  static void resolveOnly(Context ctx, Users users) {
    if (ctx.attribute(USER) == null) {
      User u;
      try {
        u = resolve(ctx, users);
      } catch (HttpResponseException e) {
        u = User.ANONYMOUS;
      }
      ctx.attribute(USER, u);
    }
  }

  /** Resolves the caller (bearer token or session cookie) and enforces the route's roles. */
  static void check(Context ctx, Users users) {
    User u = resolve(ctx, users);
    ctx.attribute(USER, u);
    Set<RouteRole> allowed = ctx.routeRoles();
    if (allowed.contains(u.role())) {
      return;
    }
    if (u.role() == Role.PUBLIC) {
      throw new HttpResponseException(401, "sign in first");
    }
    throw new HttpResponseException(403, "your role (" + u.role().name().toLowerCase() + ") may not use this");
  }

  private static User resolve(Context ctx, Users users) {
    String auth = ctx.header("Authorization");
    if (auth != null) {
      if (!auth.startsWith("Bearer ")) {
        throw new HttpResponseException(401, "Authorization must be 'Bearer <token>'");
      }
      return users.session(auth.substring(7).trim())
          .orElseThrow(() -> new HttpResponseException(401, "the token is unknown or has expired"));
    }
    String cookie = ctx.cookie(SESSION_COOKIE);
    return users.session(cookie).orElse(User.ANONYMOUS);
  }

  /** The caller, as resolved by the access check that ran before the handler. */
  public static User user(Context ctx) {
    User u = ctx.attribute(USER);
    return u == null ? User.ANONYMOUS : u;
  }
}
