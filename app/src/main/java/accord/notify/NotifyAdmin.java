package accord.notify;

import accord.accord.AccordProjection;
import accord.accord.AccordState;
import accord.ledger.EntryCodec;
import accord.web.Page;
import accord.web.Web;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.jdbi.v3.core.Jdbi;

/** The administrator's page and API for subscriptions and the outbox. */
public final class NotifyAdmin {
  static final int ROWS = 200;

  /** An accord and its members, for the subscription form. */
  public record AccordMembers(String id, String title, List<String> members) {}

  private final Jdbi jdbi;
  private final Subscriptions subscriptions;
  private final Outbox outbox;
  private final Clock clock;
  private final Web web;

  public NotifyAdmin(Jdbi jdbi, Clock clock, Web web) {
    this.jdbi = jdbi;
    this.subscriptions = new Subscriptions(jdbi, clock);
    this.outbox = new Outbox(jdbi);
    this.clock = clock;
    this.web = web;
  }

  /** GET /admin/notify?status= */
  public void page(Context ctx) {
    render(ctx, Map.of());
  }

  /** POST /admin/notify/subscriptions (form: accord, party, kind, target) */
  public void addForm(Context ctx) {
    Map<String, Object> flash = new HashMap<>();
    try {
      Subscription s = subscriptions.add(value(ctx, "accord"), value(ctx, "party"),
          Subscription.Kind.parse(value(ctx, "kind")), value(ctx, "target"));
      flash.put("added", s);
      ctx.status(201);
    } catch (Subscriptions.Invalid e) {
      flash.put("error", "notify.admin.bad." + e.field);
      ctx.status(e.notFound ? 404 : 400);
    } catch (Subscriptions.Duplicate e) {
      flash.put("error", "notify.admin.duplicate");
      ctx.status(409);
    } catch (IllegalArgumentException e) {
      flash.put("error", "notify.admin.bad.kind");
      ctx.status(400);
    }
    render(ctx, flash);
  }

  /** POST /admin/notify/remove (form: id) */
  public void removeForm(Context ctx) {
    if (!subscriptions.remove(value(ctx, "id"))) {
      throw new HttpResponseException(404, "no subscription " + value(ctx, "id"));
    }
    ctx.redirect("/admin/notify", io.javalin.http.HttpStatus.SEE_OTHER);
  }

  /** POST /admin/notify/retry (form: id) */
  public void retryForm(Context ctx) {
    retry(value(ctx, "id"));
    ctx.redirect("/admin/notify", io.javalin.http.HttpStatus.SEE_OTHER);
  }

  /** GET /api/admin/notify/subscriptions */
  public void listApi(Context ctx) {
    ObjectNode out = EntryCodec.JSON.createObjectNode();
    ArrayNode arr = out.putArray("subscriptions");
    subscriptions.all().forEach(s -> arr.add(json(s)));
    ctx.json(out);
  }

  /** POST /api/admin/notify/subscriptions: {"accord", "party", "kind": "email"|"webhook", "target"}; 201 with the secret. */
  public void addApi(Context ctx) {
    JsonNode b = body(ctx);
    for (String f : List.of("accord", "party", "kind", "target")) {
      if (!b.path(f).isTextual() || b.get(f).asText().isBlank()) {
        throw new HttpResponseException(400, f + " is missing (want accord, party, kind and target, as text)");
      }
    }
    Subscription.Kind kind;
    try {
      kind = Subscription.Kind.parse(b.get("kind").asText());
    } catch (IllegalArgumentException e) {
      throw new HttpResponseException(400, e.getMessage());
    }
    Subscription s;
    try {
      s = subscriptions.add(b.get("accord").asText(), b.get("party").asText(), kind, b.get("target").asText());
    } catch (Subscriptions.Invalid e) {
      throw new HttpResponseException(e.notFound ? 404 : 400, e.getMessage());
    } catch (Subscriptions.Duplicate e) {
      throw new HttpResponseException(409, e.getMessage());
    }
    ObjectNode o = json(s);
    if (s.secret() != null) {
      o.put("secret", s.secret());
    }
    ctx.status(201).json(o);
  }

  /** POST /api/admin/notify/subscriptions/remove: {"id"} */
  public void removeApi(Context ctx) {
    String id = id(body(ctx));
    if (!subscriptions.remove(id)) {
      throw new HttpResponseException(404, "no subscription " + id);
    }
    ctx.json(EntryCodec.JSON.createObjectNode().put("removed", id));
  }

  /** GET /api/admin/notify/outbox?status=pending|delivered|failed */
  public void outboxApi(Context ctx) {
    String status = status(ctx);
    ObjectNode out = EntryCodec.JSON.createObjectNode();
    ObjectNode counts = out.putObject("counts");
    outbox.counts().forEach(counts::put);
    ArrayNode arr = out.putArray("deliveries");
    outbox.list(status, ROWS).forEach(d -> arr.add(json(d)));
    ctx.json(out);
  }

  /** POST /api/admin/notify/outbox/retry: {"id"} */
  public void retryApi(Context ctx) {
    ctx.json(json(retry(id(body(ctx)))));
  }

  private Delivery retry(String id) {
    try {
      return outbox.retry(id, clock.instant());
    } catch (NoSuchElementException e) {
      throw new HttpResponseException(404, e.getMessage());
    } catch (IllegalStateException e) {
      throw new HttpResponseException(409, e.getMessage());
    }
  }

  private void render(Context ctx, Map<String, Object> flash) {
    Map<String, Object> model = new HashMap<>();
    model.put("subscriptions", subscriptions.all());
    model.put("deliveries", outbox.list(status(ctx), ROWS));
    model.put("counts", outbox.counts());
    model.put("accords", accords());
    model.put("added", flash.get("added"));
    model.put("error", flash.getOrDefault("error", ""));
    Page.render(ctx, web, "notify/admin.jte", "notify.admin.title", model);
  }

  private List<AccordMembers> accords() {
    return jdbi.withHandle(h -> {
      List<AccordMembers> out = new ArrayList<>();
      for (String id : AccordProjection.ids(h)) {
        AccordState s = AccordProjection.load(h, id).orElseThrow();
        out.add(new AccordMembers(id, s.title(), s.members().stream().map(AccordState.Member::code).toList()));
      }
      return out;
    });
  }

  private static String status(Context ctx) {
    String s = ctx.queryParam("status");
    if (s == null || s.isBlank()) {
      return null;
    }
    if (!List.of(Outbox.PENDING, Outbox.DELIVERED, Outbox.FAILED).contains(s)) {
      throw new HttpResponseException(400, "query parameter 'status' must be pending, delivered or failed");
    }
    return s;
  }

  static ObjectNode json(Subscription s) {
    return EntryCodec.JSON.createObjectNode().put("id", s.id()).put("accord", s.accord()).put("party", s.party())
        .put("kind", s.kind().code()).put("target", s.target()).put("from_index", s.fromIndex())
        .put("created", s.created());
  }

  static ObjectNode json(Delivery d) {
    ObjectNode o = EntryCodec.JSON.createObjectNode().put("id", d.id()).put("accord", d.accord())
        .put("index", d.index()).put("party", d.party()).put("kind", d.kind().code()).put("target", d.target())
        .put("subscription", d.subscription()).put("key", d.msg()).put("status", d.state().status())
        .put("attempts", d.state().attempts()).put("last_error", d.state().lastError()).put("delivered", d.delivered());
    if (Outbox.PENDING.equals(d.state().status())) {
      o.put("next_attempt", EntryCodec.formatTime(d.nextAttempt()));
    }
    return o;
  }

  private static JsonNode body(Context ctx) {
    try {
      JsonNode b = EntryCodec.JSON.readTree(ctx.bodyAsBytes());
      if (b != null && b.isObject()) {
        return b;
      }
    } catch (java.io.IOException e) {
      // answered below
    }
    throw new HttpResponseException(400, "request body must be a JSON object");
  }

  private static String id(JsonNode b) {
    if (!b.path("id").isTextual() || b.get("id").asText().isBlank()) {
      throw new HttpResponseException(400, "id is missing (text)");
    }
    return b.get("id").asText();
  }

  private static String value(Context ctx, String name) {
    String v = ctx.formParam(name);
    return v == null ? "" : v.trim();
  }
}
