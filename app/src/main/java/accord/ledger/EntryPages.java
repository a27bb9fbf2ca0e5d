package accord.ledger;

import accord.accord.AccordProjection;
import accord.accord.AccordState;
import accord.tlog.Checkpoint;
import accord.tlog.Hash;
import accord.tlog.Note;
import accord.web.Page;
import accord.web.Web;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * The record's own pages: the entries of an accord's log, and one entry with everything needed to
 * check it without trusting the server — its signed text, its author's key, its inclusion proof
 * and the cosigned checkpoint — which a script in the page verifies with Web Crypto.
 */
public final class EntryPages {
  public static final int PAGE_SIZE = 50;

  /** One line of the entry list. */
  public record Row(long index, Entry entry) {}

  /** What the entry page shows. */
  public record View(
      long index,
      Entry entry,
      String noteText,
      String noteBase64,
      String authorVkey,
      List<String> proof,
      String checkpoint,
      long treeSize,
      String root) {}

  private final Jdbi jdbi;
  private final Web web;

  public EntryPages(Jdbi jdbi, Web web) {
    this.jdbi = jdbi;
    this.web = web;
  }

  /** GET /accords/{id}/entries?before=N: the newest entries first, a page at a time. */
  public void list(Context ctx) {
    String id = ctx.pathParam("id");
    String b = ctx.queryParam("before");
    List<Row> rows = new ArrayList<>();
    long[] size = {0};
    AccordState accord = jdbi.withHandle(h -> {
      AccordState s = AccordProjection.load(h, id).orElseThrow(() -> new HttpResponseException(404, "no accord " + id));
      size[0] = LogStore.size(h, id);
      long before = size[0];
      if (b != null) {
        try {
          before = Math.min(size[0], Math.max(0, Long.parseLong(b)));
        } catch (NumberFormatException e) {
          throw new HttpResponseException(400, "before must be a whole number");
        }
      }
      long from = Math.max(0, before - PAGE_SIZE);
      for (LogStore.StoredEntry e : LogStore.entries(h, id, from, (int) (before - from))) {
        rows.add(0, new Row(e.index(), EntryCodec.parse(Note.parse(e.note()).text())));
      }
      return s;
    });
    Page.render(ctx, web, "ledger/entries.jte", "entries.title",
        Map.of("accord", accord, "rows", rows, "size", size[0]));
  }

  /** GET /accords/{id}/entries/{index} */
  public void show(Context ctx) {
    String id = ctx.pathParam("id");
    long index;
    try {
      index = Long.parseLong(ctx.pathParam("index"));
    } catch (NumberFormatException e) {
      throw new HttpResponseException(400, "the entry index must be a whole number");
    }
    Object[] found = jdbi.withHandle(h -> {
      AccordState s = AccordProjection.load(h, id).orElseThrow(() -> new HttpResponseException(404, "no accord " + id));
      LogStore.Inclusion in = LogStore.inclusion(h, id, index)
          .orElseThrow(() -> new HttpResponseException(404, "no entry " + index));
      Checkpoint c = in.checkpoint();
      byte[] note = LogStore.entries(h, id, index, 1).get(0).note();
      Entry e = EntryCodec.parse(Note.parse(note).text());
      String vkey = s.member(e.party()).map(AccordState.Member::vkey).orElse("");
      List<String> proof = in.proof().stream().map(Hash::toBase64).toList();
      return new Object[] {s, new View(index, e, new String(note, StandardCharsets.UTF_8),
          Base64.getEncoder().encodeToString(note), vkey, proof, new String(in.checkpointNote(), StandardCharsets.UTF_8),
          c.size(), Hash.toBase64(c.root()))};
    });
    Page.render(ctx, web, "ledger/entry.jte", "entry.title", Map.of("accord", found[0], "view", found[1]));
  }
}
