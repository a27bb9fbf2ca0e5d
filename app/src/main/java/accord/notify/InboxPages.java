package accord.notify;

import accord.ledger.EntryCodec;
import accord.user.User;
import accord.web.Access;
import accord.web.Page;
import accord.web.Web;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The inbox: its page with mark-read forms, and its JSON API. */
public final class InboxPages {
  static final int PAGE = 50;
  private final Inbox inbox;
  private final Web web;

  public InboxPages(Inbox inbox, Web web) {
    this.inbox = inbox;
    this.web = web;
  }

  /** GET /inbox?offset=N: the newest notices a page at a time, one more read to know if older ones follow. */
  public void page(Context ctx) {
    User u = requireInbox(ctx);
    long offset;
    try {
      offset = Long.parseLong(ctx.queryParamAsClass("offset", String.class).getOrDefault("0").trim());
    } catch (NumberFormatException e) {
      offset = -1;
    }
    if (offset < 0) {
      throw new HttpResponseException(400, "query parameter 'offset' must be a whole number from 0");
    }
    List<Inbox.Item> items = new ArrayList<>(inbox.list(u, null, PAGE + 1, offset));
    boolean older = items.size() > PAGE;
    if (older) {
      items.remove(PAGE);
    }
    Page.render(ctx, web, "notify/inbox.jte", "notify.inbox.title", Map.of("items", items, "unread", inbox.unread(u),
        "everyParty", Inbox.partyOf(u) == null, "offset", offset, "older", older, "pageSize", PAGE));
  }

  /** POST /inbox/read (form: accord, index, party): marks one notice read, back to the inbox. */
  public void markOne(Context ctx) {
    User u = requireInbox(ctx);
    long index;
    try {
      index = Long.parseLong(form(ctx, "index"));
    } catch (NumberFormatException e) {
      throw new HttpResponseException(400, "index must be a whole number");
    }
    mark(u, List.of(new Inbox.Ref(form(ctx, "accord"), index, form(ctx, "party"))));
    ctx.redirect("/inbox", io.javalin.http.HttpStatus.SEE_OTHER);
  }

  /** POST /inbox/read-all */
  public void markAll(Context ctx) {
    inbox.markAllRead(requireInbox(ctx));
    ctx.redirect("/inbox", io.javalin.http.HttpStatus.SEE_OTHER);
  }

  /** GET /api/inbox?after=ISO-INSTANT&limit=N */
  public void list(Context ctx) {
    User u = requireInbox(ctx);
    Instant after = null;
    String a = ctx.queryParam("after");
    if (a != null && !a.isBlank()) {
      try {
        after = Instant.parse(a.trim());
      } catch (DateTimeParseException e) {
        throw new HttpResponseException(400, "query parameter 'after' must be an instant such as 2025-04-19T09:00:00Z");
      }
    }
    int limit = 50;
    String l = ctx.queryParam("limit");
    if (l != null && !l.isBlank()) {
      try {
        limit = Integer.parseInt(l.trim());
      } catch (NumberFormatException e) {
        limit = -1;
      }
      if (limit < 1 || limit > 500) {
        throw new HttpResponseException(400, "query parameter 'limit' must be a whole number from 1 to 500");
      }
    }
    String lang = web.lang(ctx);
    var m = accord.web.I18n.messages(lang);
    ObjectNode out = EntryCodec.JSON.createObjectNode();
    out.put("unread", inbox.unread(u));
    ArrayNode arr = out.putArray("notices");
    for (Inbox.Item i : inbox.list(u, after, limit)) {
      ObjectNode o = arr.addObject();
      o.put("accord", i.accord()).put("index", i.index()).put("party", i.party()).put("at", i.at())
          .put("read", i.read()).put("key", i.msg());
      i.args().forEach(o.putArray("args")::add);
      o.put("message", m.t(i.msg(), i.args().toArray())).put("lang", lang).put("link", i.link());
    }
    ctx.json(out);
  }

  /** POST /api/inbox/read: {"notices": [{"accord", "index", "party"}, ...]} or {"all": true}. */
  public void read(Context ctx) {
    User u = requireInbox(ctx);
    JsonNode body;
    try {
      body = EntryCodec.JSON.readTree(ctx.bodyAsBytes());
    } catch (java.io.IOException e) {
      throw new HttpResponseException(400, "request body is not valid JSON");
    }
    if (body == null || !body.isObject()) {
      throw new HttpResponseException(400, "want a JSON object: {\"notices\": [...]} or {\"all\": true}");
    }
    int marked;
    if (body.path("all").asBoolean(false)) {
      marked = inbox.markAllRead(u);
    } else {
      JsonNode list = body.get("notices");
      if (list == null || !list.isArray() || list.isEmpty() || list.size() > 1000) {
        throw new HttpResponseException(400, "notices must be a list of 1 to 1000 {\"accord\", \"index\", \"party\"}");
      }
      List<Inbox.Ref> refs = new ArrayList<>();
      int n = 0;
      for (JsonNode r : list) {
        String at = "notices[" + n++ + "]";
        if (!r.path("accord").isTextual() || !r.path("index").isIntegralNumber() || !r.path("party").isTextual()) {
          throw new HttpResponseException(400, at + " must have accord (text), index (whole number) and party (text)");
        }
        refs.add(new Inbox.Ref(r.get("accord").asText(), r.get("index").asLong(), r.get("party").asText()));
      }
      marked = mark(u, refs);
    }
    ctx.json(EntryCodec.JSON.createObjectNode().put("marked", marked).put("unread", inbox.unread(u)));
  }

  private int mark(User u, List<Inbox.Ref> refs) {
    try {
      return inbox.markRead(u, refs);
    } catch (Inbox.Refused r) {
      throw new HttpResponseException(r.status, r.getMessage());
    }
  }

  private static User requireInbox(Context ctx) {
    User u = Access.user(ctx);
    if (!Inbox.has(u)) {
      throw new HttpResponseException(403, "your account has no inbox: it acts for no party of an accord");
    }
    return u;
  }

  private static String form(Context ctx, String name) {
    String v = ctx.formParam(name);
    if (v == null || v.isBlank()) {
      throw new HttpResponseException(400, name + " is missing");
    }
    return v.trim();
  }
}
