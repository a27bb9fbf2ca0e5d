package accord.user;

import accord.web.Page;
import accord.web.Web;
import io.javalin.http.Context;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/** The administrator's page for accounts: who can sign in, with which role, for which party. */
public final class UserPages {
  private static final SecureRandom RANDOM = new SecureRandom();
  private final Users users;
  private final Web web;

  public UserPages(Users users, Web web) {
    this.users = users;
    this.web = web;
  }

  /** GET /admin/users */
  public void list(Context ctx) {
    render(ctx, "", "", "");
  }

  /** POST /admin/users (form: username, name, role, party): adds an account with a generated password. */
  public void add(Context ctx) {
    String username = value(ctx, "username");
    String role = value(ctx, "role");
    String party = value(ctx, "party");
    byte[] b = new byte[15];
    RANDOM.nextBytes(b);
    String password = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    try {
      Role r = Role.parse(role);
      users.add(username, value(ctx, "name").isEmpty() ? username : value(ctx, "name"), r,
          party.isEmpty() ? null : party.toUpperCase(), password);
    } catch (IllegalArgumentException e) {
      ctx.status(400);
      render(ctx, "users.invalid", username, "");
      return;
    }
    ctx.status(201);
    render(ctx, "", username, password);
  }

  private void render(Context ctx, String error, String added, String password) {
    Map<String, Object> model = new HashMap<>();
    model.put("users", users.all());
    model.put("roles", Role.values());
    model.put("error", error);
    model.put("added", added);
    model.put("password", password);
    Page.render(ctx, web, "user/admin.jte", "users.title", model);
  }

  private static String value(Context ctx, String name) {
    String v = ctx.formParam(name);
    return v == null ? "" : v.trim();
  }
}
