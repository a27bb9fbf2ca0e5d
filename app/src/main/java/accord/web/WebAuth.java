package accord.web;

import accord.user.SignInThrottle;
import accord.user.User;
import io.javalin.http.Context;
import java.util.Map;

/** Sign-in and sign-out in the browser. A new session secret is issued at every sign-in. */
public final class WebAuth {
  private final Web web;
  private final SignInThrottle throttle;

  public WebAuth(Web web, SignInThrottle throttle) {
    this.web = web;
    this.throttle = throttle;
  }

  /** GET /login */
  public void form(Context ctx) {
    Page.render(ctx, web, "user/login.jte", "login.title", Map.of("error", "", "username", ""));
  }

  /** POST /login (form fields username, password) */
  public void signIn(Context ctx) {
    String username = ctx.formParam("username") == null ? "" : ctx.formParam("username").trim();
    String password = ctx.formParam("password") == null ? "" : ctx.formParam("password");
    String key = ctx.ip() + "|" + username;
    if (!throttle.allowed(key)) {
      ctx.status(429);
      Page.render(ctx, web, "user/login.jte", "login.title", Map.of("error", "login.throttled", "username", username));
      return;
    }
    User u = web.users.authenticate(username, password).orElse(null);
    if (u == null) {
      throttle.failed(key);
      ctx.status(401);
      Page.render(ctx, web, "user/login.jte", "login.title", Map.of("error", "login.failed", "username", username));
      return;
    }
    throttle.succeeded(key);
    // Session fixation: whatever session the browser had is ended, and a fresh secret issued.
    web.users.endSession(ctx.cookie(Access.SESSION_COOKIE));
    String token = web.users.startSession(u, "web");
    ctx.cookie(Web.cookie(ctx, Access.SESSION_COOKIE, token, -1, true));
    ctx.removeCookie(Web.CSRF_COOKIE, "/");
    ctx.redirect("/");
  }

  /** POST /logout */
  public void signOut(Context ctx) {
    web.users.endSession(ctx.cookie(Access.SESSION_COOKIE));
    ctx.removeCookie(Access.SESSION_COOKIE, "/");
    ctx.redirect("/login");
  }
}
