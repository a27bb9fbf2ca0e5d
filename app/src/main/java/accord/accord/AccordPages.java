package accord.accord;

import accord.ledger.LogStore;
import accord.node.Node;
import accord.tlog.Checkpoint;
import accord.tlog.Cosignature;
import accord.tlog.Note;
import accord.web.Page;
import accord.web.Web;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The accord pages: the list of accords, and an accord's home with the state of its record. */
public final class AccordPages {
  public record Summary(String id, String title, long logSize) {}

  public record Cosigned(String witness, String member, Instant time) {}

  /** The joint record as the page shows it: size, latest cosigned checkpoint, who cosigned when. */
  public record LogView(long size, String checkpoint, long checkpointSize, List<Cosigned> cosigned) {}

  private final Node node;
  private final Web web;

  public AccordPages(Node node, Web web) {
    this.node = node;
    this.web = web;
  }

  /** GET / */
  public void index(Context ctx) {
    List<Summary> list = new ArrayList<>();
    node.db().jdbi().useHandle(h -> {
      for (String id : AccordProjection.ids(h)) {
        AccordState s = AccordProjection.load(h, id).orElseThrow();
        list.add(new Summary(id, s.title(), LogStore.size(h, id)));
      }
    });
    Page.render(ctx, web, "accord/index.jte", "accords.title", Map.of("accords", list));
  }

  /** GET /accords/{id} */
  public void home(Context ctx) {
    String id = ctx.pathParam("id");
    Object[] found = node.db().jdbi().withHandle(h -> {
      AccordState s = AccordProjection.load(h, id)
          .orElseThrow(() -> new HttpResponseException(404, "no accord " + id));
      return new Object[] {s, logView(h, s)};
    });
    AccordState s = (AccordState) found[0];
    Page.render(ctx, web, "accord/home.jte", "accord.title", Map.of("accord", s, "log", found[1]));
  }

  /** The state of an accord's joint record, for its page and its API alike. */
  public static LogView logView(org.jdbi.v3.core.Handle h, AccordState s) {
    long size = LogStore.size(h, s.id());
    byte[] cp = LogStore.latestCheckpoint(h, s.id()).orElse(null);
    if (cp == null) {
      return new LogView(size, null, 0, List.of());
    }
    Note n = Note.parse(cp);
    List<Cosigned> cos = new ArrayList<>();
    for (AccordState.Witness w : s.witnesses()) {
      long t = Cosignature.Verifier.of(w.vkey()).timestamp(n);
      if (t >= 0) {
        cos.add(new Cosigned(w.name(), w.member(), Instant.ofEpochSecond(t)));
      }
    }
    return new LogView(size, new String(cp, StandardCharsets.UTF_8), Checkpoint.parse(n.text()).size(), cos);
  }
}
