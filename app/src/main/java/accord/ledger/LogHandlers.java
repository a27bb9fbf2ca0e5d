package accord.ledger;

import accord.accord.AccordRegistry;
import accord.tlog.FormatException;
import accord.tlog.ProofBundle;
import accord.tlog.tiles.Tile;
import accord.tlog.tiles.TilePath;
import accord.tlog.witness.Outcome;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Serving the joint logs as tlog-tiles, per-entry proofs in the tlog-proof format, and the local
 * witnesses' add-checkpoint endpoint. Full tiles never change, so they are cached for good; the
 * checkpoint and partial tiles are revalidated.
 */
public final class LogHandlers {
  private static final String IMMUTABLE = "public, max-age=31536000, immutable";
  private static final String REVALIDATE = "no-cache";

  private final Jdbi jdbi;
  private final AccordRegistry registry;

  public LogHandlers(Jdbi jdbi, AccordRegistry registry) {
    this.jdbi = jdbi;
    this.registry = registry;
  }

  /** GET /log/{accord}/checkpoint: the latest checkpoint with every cosignature collected. */
  public void checkpoint(Context ctx) {
    String accord = ctx.pathParam("accord");
    byte[] note =
        jdbi.withHandle(h -> LogStore.latestCheckpoint(h, accord))
            .orElseThrow(() -> new HttpResponseException(404, "no log for accord " + accord));
    ctx.header("Cache-Control", REVALIDATE).contentType("text/plain; charset=utf-8").result(note);
  }

  /** GET /log/{accord}/tile/...: a hash tile or an entry bundle of the current tree. */
  public void tile(Context ctx) {
    String accord = ctx.pathParam("accord");
    String path = "tile/" + ctx.pathParam("path");
    Tile t;
    try {
      t = TilePath.parse(path);
    } catch (FormatException e) {
      throw new HttpResponseException(400, e.getMessage());
    }
    byte[] body = jdbi.withHandle(h -> LogFiles.read(h, accord, path));
    if (body == null) {
      throw new HttpResponseException(404, "no " + path + " in the log of " + accord);
    }
    ctx.header("Cache-Control", t.isFull() ? IMMUTABLE : REVALIDATE)
        .contentType("application/octet-stream")
        .result(body);
  }

  /** GET /log/{accord}/proof/{index}: the entry's inclusion proof under the latest checkpoint. */
  public void proof(Context ctx) {
    String accord = ctx.pathParam("accord");
    long index = ctx.pathParamAsClass("index", Long.class).get();
    LogStore.Inclusion in =
        jdbi.withHandle(h -> LogStore.inclusion(h, accord, index))
            .orElseThrow(() -> new HttpResponseException(404, "no entry " + index + " under the latest checkpoint of " + accord));
    String bundle = new ProofBundle(null, index, in.proof(), new String(in.checkpointNote(), StandardCharsets.UTF_8)).format();
    ctx.header("Cache-Control", REVALIDATE).contentType("text/plain; charset=utf-8").result(bundle);
  }

  /** POST /witness/{member}/add-checkpoint: tlog-witness for the witness run for that member. */
  public void addCheckpoint(Context ctx) {
    String name = AccordRegistry.witnessKeyName(ctx.pathParam("member"));
    byte[] body = ctx.bodyAsBytes();
    Outcome o =
        jdbi.inTransaction(
            h -> {
              Optional<LocalWitness> w = registry.localWitness(h, name);
              if (w.isEmpty()) {
                throw new HttpResponseException(404, "this node runs no witness " + name);
              }
              return w.get().witness(h).handle(body);
            });
    ctx.status(o.status()).contentType(o.contentType()).result(o.body());
  }
}
