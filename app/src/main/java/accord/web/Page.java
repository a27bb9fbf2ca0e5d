package accord.web;

import accord.user.User;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;

/**
 * What every page's layout needs — language, direction, messages, the signed-in user, the CSRF
 * token for its forms, asset URLs — and the rendering of precompiled jte templates.
 */
public final class Page {
  private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(ContentType.Html);

  public final I18n.Messages m;
  public final User user;
  public final String csrf;
  public final Assets assets;
  public final String path;
  public final String title;
  /** The signed-in user's unread notices, counted only when the navbar asks. */
  java.util.function.LongSupplier unread = () -> 0;

  Page(I18n.Messages m, User user, String csrf, Assets assets, String path, String title) {
    this.m = m;
    this.user = user;
    this.csrf = csrf;
    this.assets = assets;
    this.path = path;
    this.title = title;
  }

  public boolean signedIn() {
    return user.role() != accord.user.Role.PUBLIC;
  }

  public long unreadNotices() {
    return unread.getAsLong();
  }

  /** The current page in another language. */
  public String langUrl(String lang) {
    return path + "?lang=" + lang;
  }

  public String t(String key, Object... args) {
    return m.t(key, args);
  }

  /** Renders {@code template} with this page and the model, and sends it as HTML. */
  public static void render(Context ctx, Web web, String template, String titleKey, Map<String, Object> model) {
    Page page = web.page(ctx, titleKey);
    Map<String, Object> params = new HashMap<>(model);
    params.put("page", page);
    StringOutput out = new StringOutput();
    ENGINE.render(template, params, out);
    ctx.header("Cache-Control", "no-store").html(out.toString());
  }
}
