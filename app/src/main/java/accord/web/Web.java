package accord.web;

import accord.tlog.Hash;
import accord.user.User;
import accord.user.Users;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpResponseException;
import io.javalin.http.SameSite;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The browser side of the shell: language choice (remembered in a cookie), the session cookie,
 * and CSRF tokens. Forms carry {@code _csrf}; for a signed-in user it is derived from the session
 * secret, before sign-in it is a random value also set as a cookie (double submit).
 */
public final class Web {
  public static final String LANG_COOKIE = "accord_lang";
  public static final String CSRF_COOKIE = "accord_csrf";
  private static final SecureRandom RANDOM = new SecureRandom();

  final Users users;
  final Assets assets;
  /** Counts a user's unread notices for the navbar badge (set by the server from the inbox). */
  public java.util.function.ToLongFunction<User> unreadNotices = u -> 0;

  public Web(Users users, Assets assets) {
    this.users = users;
    this.assets = assets;
  }

  public String lang(Context ctx) {
    String param = ctx.queryParam("lang");
    String lang = I18n.resolve(param, ctx.cookie(LANG_COOKIE), ctx.header("Accept-Language"));
    if (param != null && I18n.match(param) != null && !lang.equals(ctx.cookie(LANG_COOKIE))) {
      ctx.cookie(cookie(ctx, LANG_COOKIE, lang, 365 * 24 * 3600, false));
    }
    return lang;
  }

  Page page(Context ctx, String titleKey) {
    I18n.Messages m = I18n.messages(lang(ctx));
    User u = Access.user(ctx);
    Page p = new Page(m, u, csrfToken(ctx), assets, ctx.path(), m.t(titleKey));
    p.unread = () -> unreadNotices.applyAsLong(u);
    return p;
  }

  /** The CSRF token the current browser's forms must carry. */
  public String csrfToken(Context ctx) {
    String session = ctx.cookie(Access.SESSION_COOKIE);
    if (session != null && Access.user(ctx).role() != accord.user.Role.PUBLIC) {
      return derive(session);
    }
    String anon = ctx.cookie(CSRF_COOKIE);
    if (anon == null || anon.length() < 20) {
      byte[] b = new byte[24];
      RANDOM.nextBytes(b);
      anon = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
      ctx.cookie(cookie(ctx, CSRF_COOKIE, anon, -1, true));
    }
    return anon;
  }

  /**
   * Refuses a state-changing request that a browser could have been tricked into sending: any POST
   * riding on the session cookie, and any POST to a page (the sign-in form), must carry the right
   * {@code _csrf} field or {@code X-CSRF-Token} header, whatever its content type (a cross-site
   * text/plain post is read as a form too). Requests with a bearer token, and anonymous calls to
   * the API, logs and witnesses, carry no ambient credentials, so there is nothing to forge.
   */
  void checkCsrf(Context ctx) {
    if (!ctx.method().name().equals("POST") || ctx.header("Authorization") != null) {
      return;
    }
    String ct = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(java.util.Locale.ROOT);
    boolean form = ct.startsWith("application/x-www-form-urlencoded") || ct.startsWith("multipart/form-data");
    String session = ctx.cookie(Access.SESSION_COOKIE);
    boolean signedIn = session != null && Access.user(ctx).role() != accord.user.Role.PUBLIC;
    if (!signedIn && !Server.isPage(ctx)) {
      return;
    }
    String sent = ctx.header("X-CSRF-Token");
    if (sent == null && form) {
      sent = ctx.formParam("_csrf");
    }
    String expected = signedIn ? derive(session) : ctx.cookie(CSRF_COOKIE);
    if (sent == null || expected == null || !java.security.MessageDigest.isEqual(
        sent.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8))) {
      throw new HttpResponseException(403, "the form has expired or did not come from this site; reload and try again");
    }
  }

  static String derive(String sessionToken) {
    byte[] h = Hash.sha256(("accord-csrf\n" + sessionToken).getBytes(StandardCharsets.UTF_8));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(h).substring(0, 32);
  }

  static Cookie cookie(Context ctx, String name, String value, int maxAge, boolean httpOnly) {
    Cookie c = new Cookie(name, value);
    c.setPath("/");
    c.setMaxAge(maxAge);
    c.setHttpOnly(httpOnly);
    c.setSameSite(SameSite.LAX);
    c.setSecure("https".equals(ctx.scheme()));
    return c;
  }
}
