package accord.gazetteer;

import accord.web.Page;
import accord.web.Web;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

/** The administrator's gazetteer page: the sets loaded with their attribution, and a form to load a file. */
public final class GazetteerPages {
  /** The largest file the form takes; bigger ones go through `accord gazetteer import`. */
  static final int MAX_UPLOAD = 20_000_000;
  private final Gazetteer gazetteer;
  private final Web web;

  public GazetteerPages(Gazetteer gazetteer, Web web) {
    this.gazetteer = gazetteer;
    this.web = web;
  }

  /** GET /admin/gazetteer */
  public void show(Context ctx) {
    render(ctx, null, null);
  }

  /** POST /admin/gazetteer (multipart: file, kind, name, source, licence): loads one file as a set. */
  public void upload(Context ctx) {
    UploadedFile file = ctx.uploadedFile("file");
    if (file == null || file.size() == 0) {
      ctx.status(400);
      render(ctx, "gazetteer.nofile", null);
      return;
    }
    if (file.size() > MAX_UPLOAD) {
      ctx.status(413);
      render(ctx, "gazetteer.toolarge", null);
      return;
    }
    byte[] content;
    try (InputStream in = file.content()) {
      content = in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the upload: " + e.getMessage(), e);
    }
    try {
      Gazetteer.Imported r = gazetteer.importFile(file.filename(), content, new Importer.Options(
          blank(ctx.formParam("kind")), blank(ctx.formParam("name")), blank(ctx.formParam("source")),
          blank(ctx.formParam("licence")), null, null, null));
      ctx.status(201);
      render(ctx, null, r);
    } catch (ImportError e) {
      ctx.status(400);
      render(ctx, "gazetteer.refused", null, e.getMessage());
    }
  }

  private void render(Context ctx, String error, Gazetteer.Imported done) {
    render(ctx, error, done, "");
  }

  private void render(Context ctx, String error, Gazetteer.Imported done, String detail) {
    Map<String, Object> model = new HashMap<>();
    model.put("sets", gazetteer.sets());
    model.put("line", gazetteer.index().line().map(Index.BorderLine::name).orElse(""));
    model.put("kinds", Importer.KINDS);
    model.put("error", error == null ? "" : error);
    model.put("detail", detail);
    model.put("done", done);
    Page.render(ctx, web, "gazetteer/admin.jte", "gazetteer.title", model);
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
