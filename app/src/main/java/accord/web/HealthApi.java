package accord.web;

import accord.accord.AccordProjection;
import accord.ledger.EntryCodec;
import io.javalin.http.Context;
import org.jdbi.v3.core.Jdbi;

/** GET /api/health: answers when the node can read its database. */
public final class HealthApi {
  private final Jdbi jdbi;

  public HealthApi(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public void get(Context ctx) {
    int accords = jdbi.withHandle(h -> AccordProjection.ids(h).size());
    ctx.json(EntryCodec.JSON.createObjectNode().put("status", "ok").put("accords", accords));
  }
}
