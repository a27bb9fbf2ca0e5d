package accord.accord;

import accord.ledger.Appended;
import accord.ledger.Entry;
import accord.ledger.EntryCodec;
import accord.ledger.LogStore;
import accord.ledger.Rejection;
import accord.node.Node;
import accord.tlog.Note;
import accord.user.User;
import accord.web.Access;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;

/** The JSON API over accords and their raw entries. */
public final class AccordApi {
  /** Entries are at most 64 KiB signed; a request body a little larger is refused outright. */
  public static final int MAX_ENTRY_REQUEST = 96 * 1024;

  private final Node node;

  public AccordApi(Node node) {
    this.node = node;
  }

  /** GET /api/accords */
  public void list(Context ctx) {
    ArrayNode out = EntryCodec.JSON.createArrayNode();
    node.db().jdbi().useHandle(h -> {
      for (String id : AccordProjection.ids(h)) {
        AccordState s = AccordProjection.load(h, id).orElseThrow();
        out.addObject().put("id", s.id()).put("title", s.title()).put("origin", s.origin())
            .put("log_size", LogStore.size(h, id));
      }
    });
    ctx.json(out);
  }

  /** GET /api/accords/{id}: members, provisions, clocks, ladder, and the state of the log. */
  public void get(Context ctx) {
    String id = ctx.pathParam("id");
    ObjectNode out = node.db().jdbi().withHandle(h -> {
      AccordState s = AccordProjection.load(h, id)
          .orElseThrow(() -> new HttpResponseException(404, "no accord " + id));
      ObjectNode o = EntryCodec.JSON.createObjectNode();
      o.put("id", s.id()).put("title", s.title()).put("origin", s.origin()).put("log_vkey", s.logVkey());
      ArrayNode members = o.putArray("members");
      for (AccordState.Member m : s.members()) {
        members.addObject().put("code", m.code()).put("kind", m.kind().name().toLowerCase())
            .put("name", m.name()).put("role", m.role()).put("vkey", m.vkey());
      }
      ArrayNode provisions = o.putArray("provisions");
      for (AccordState.Provision p : s.provisions()) {
        ObjectNode po = provisions.addObject().put("id", p.id()).put("title", p.title())
            .put("theme", p.theme()).put("verification", p.verification());
        p.binds().forEach(po.putArray("binds")::add);
      }
      ObjectNode clocks = o.putObject("clocks");
      s.clocks().forEach((k, v) -> clocks.put(k, v.toString()));
      s.ladder().forEach(o.putArray("ladder")::add);
      ArrayNode witnesses = o.putArray("witnesses");
      s.witnesses().forEach(w -> witnesses.addObject().put("name", w.name()).put("member", w.member()).put("vkey", w.vkey()));
      ObjectNode log = o.putObject("log");
      AccordPages.LogView view = AccordPages.logView(h, s);
      log.put("size", view.size());
      if (view.checkpoint() != null) {
        log.put("checkpoint", view.checkpoint());
        log.put("checkpoint_size", view.checkpointSize());
        ArrayNode cos = log.putArray("cosignatures");
        for (AccordPages.Cosigned c : view.cosigned()) {
          cos.addObject().put("witness", c.witness()).put("member", c.member()).put("time", c.time().getEpochSecond());
        }
      }
      return o;
    });
    ctx.json(out);
  }

  /** GET /api/accords/{id}/entries?after=N&limit=L: entries with index greater than N. */
  public void entries(Context ctx) {
    String id = ctx.pathParam("id");
    long after = longParam(ctx, "after", -1);
    long limit = longParam(ctx, "limit", 100);
    if (limit < 1 || limit > 1000) {
      throw new HttpResponseException(400, "limit must be 1 to 1000");
    }
    List<LogStore.StoredEntry> page = node.db().jdbi().withHandle(h -> {
      if (AccordProjection.load(h, id).isEmpty()) {
        throw new HttpResponseException(404, "no accord " + id);
      }
      return LogStore.entries(h, id, after + 1, (int) limit);
    });
    ArrayNode out = EntryCodec.JSON.createArrayNode();
    for (LogStore.StoredEntry s : page) {
      Note n = Note.parse(s.note());
      ObjectNode o = out.addObject();
      o.put("index", s.index());
      try {
        o.set("entry", EntryCodec.JSON.readTree(n.text()));
      } catch (Exception e) {
        throw new IllegalStateException("stored entry " + s.index() + " is not JSON", e);
      }
      o.put("note", new String(s.note(), StandardCharsets.UTF_8));
    }
    ctx.json(out);
  }

  /**
   * POST /api/accords/{id}/entries. Either JSON {@code {type, body, refs?, lang?, party?}}, which
   * the node signs with the key of the caller's party, or a signed note (text/plain) made by a
   * client holding that key. Either way the entry must be the caller's own party's.
   */
  public void append(Context ctx) {
    String id = ctx.pathParam("id");
    User u = Access.user(ctx);
    if (node.db().jdbi().withHandle(h -> AccordProjection.load(h, id)).isEmpty()) {
      throw new HttpResponseException(404, "no accord " + id);
    }
    String party = u.actingAs();
    if (party == null) {
      throw new HttpResponseException(403, "your role does not write entries");
    }
    byte[] raw = ctx.bodyAsBytes();
    if (raw.length > MAX_ENTRY_REQUEST) {
      throw new HttpResponseException(413, "entry request is " + raw.length + " bytes, at most " + MAX_ENTRY_REQUEST);
    }
    Appended a;
    String ct = ctx.contentType() == null ? "" : ctx.contentType();
    if (ct.startsWith("text/plain")) {
      Note note;
      Entry e;
      try {
        note = Note.parse(raw);
        e = EntryCodec.parse(note.text());
      } catch (RuntimeException ex) {
        throw new HttpResponseException(400, "not a signed entry: " + ex.getMessage());
      }
      checkOwn(e, id, party, u);
      a = await(node.appendSigned(note));
    } else {
      JsonNode j;
      try {
        j = EntryCodec.JSON.readTree(raw);
      } catch (Exception ex) {
        throw new HttpResponseException(400, "request body is not valid JSON");
      }
      if (!(j instanceof ObjectNode o) || !o.path("type").isTextual() || !(o.get("body") instanceof ObjectNode body)) {
        throw new HttpResponseException(400, "want a JSON object with a string 'type' and an object 'body'");
      }
      String asParty = o.path("party").asText(party);
      List<Long> refs = new ArrayList<>();
      for (JsonNode r : o.path("refs")) {
        if (!r.isIntegralNumber() || r.asLong() < 0) {
          throw new HttpResponseException(400, "refs must be entry indexes");
        }
        refs.add(r.asLong());
      }
      Entry e = new Entry(o.get("type").asText(), id, asParty, u.username(), node.clock().instant(), refs, o.path("lang").asText("en"), body);
      checkOwn(e, id, party, u);
      a = await(node.append(e));
    }
    ObjectNode out = EntryCodec.JSON.createObjectNode();
    out.put("accord", a.accord()).put("index", a.index()).put("tree_size", a.treeSize());
    ctx.status(201).json(out);
  }

  static long longParam(Context ctx, String name, long dflt) {
    String v = ctx.queryParam(name);
    if (v == null || v.isEmpty()) {
      return dflt;
    }
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw new HttpResponseException(400, "query parameter '" + name + "' must be a whole number");
    }
  }

  private static void checkOwn(Entry e, String id, String party, User u) {
    if (!e.accord().equals(id)) {
      throw new HttpResponseException(400, "entry is for accord " + e.accord() + ", not " + id);
    }
    if (!e.party().equals(party)) {
      throw new HttpResponseException(403, u.username() + " acts for " + party + ", not " + e.party());
    }
  }

  /** Waits for the ledger and turns a feature's refusal into the matching HTTP status. */
  public static Appended await(java.util.concurrent.CompletableFuture<Appended> f) {
    try {
      return f.join();
    } catch (CompletionException ex) {
      if (ex.getCause() instanceof Rejection r) {
        int status = switch (r.kind()) {
          case INVALID -> 400;
          case FORBIDDEN -> 403;
          case CONFLICT -> 409;
          case NOT_FOUND -> 404;
        };
        throw new HttpResponseException(status, r.getMessage());
      }
      throw ex;
    }
  }
}
