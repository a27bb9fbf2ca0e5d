package accord.incident;

import accord.accord.AccordProjection;
import accord.accord.AccordState;
import accord.ledger.EntryCodec;
import accord.node.Node;
import accord.user.User;
import accord.web.Access;
import accord.web.Page;
import accord.web.Web;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Importing a CSV file from the browser or the API: the upload is streamed to a temporary file
 * (up to {@link #MAX_UPLOAD} bytes), then imported as a background job, one at a time, whose
 * progress the page polls; the summary ends with the bad rows by line, all of them as CSV.
 */
public final class ImportPages {
  public static final long MAX_UPLOAD = 1L << 30;
  /** Bad rows the page lists; the CSV download has them all. */
  static final int SHOWN = 100;
  private static final int KEPT_JOBS = 50;
  private static final SecureRandom RANDOM = new SecureRandom();

  /** One import: who started it, on what, how far it has got and how it ended. */
  public static final class Job {
    public final String id;
    public final String accord;
    public final String source;
    public final String file;
    public final String user;
    public final boolean dryRun;
    public final boolean allOrNothing;
    final long started;
    volatile CsvImport.Status status = new CsvImport.Status(0, 0, 0, 0, 0, 0);
    volatile CsvImport.Result result;
    volatile String error;

    Job(String id, String accord, String source, String file, String user, boolean dryRun, boolean allOrNothing, long started) {
      this.id = id;
      this.accord = accord;
      this.source = source;
      this.file = file;
      this.user = user;
      this.dryRun = dryRun;
      this.allOrNothing = allOrNothing;
      this.started = started;
    }

    public boolean finished() {
      return result != null || error != null;
    }

    public CsvImport.Status status() {
      return status;
    }

    public CsvImport.Result result() {
      return result;
    }

    public String error() {
      return error;
    }

    /** Percent of the file read, 0–100. */
    public int percent() {
      CsvImport.Status s = status;
      return finished() ? 100 : s.bytesTotal() <= 0 ? 0 : (int) Math.min(100, s.bytesRead() * 100 / s.bytesTotal());
    }

    public List<CsvImport.BadRow> shownBad() {
      List<CsvImport.BadRow> bad = result == null ? List.of() : result.bad();
      return bad.subList(0, Math.min(SHOWN, bad.size()));
    }
  }

  private final Node node;
  private final Web web;
  private final Map<String, Job> jobs = new ConcurrentHashMap<>();
  /** One import at a time: they would only queue behind each other at the ledger's writer. */
  private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "incident-import");
    t.setDaemon(true);
    return t;
  });

  public ImportPages(Node node, Web web) {
    this.node = node;
    this.web = web;
  }

  /** GET /accords/{id}/incidents/import */
  public void form(Context ctx) {
    AccordState s = accord(ctx.pathParam("id"));
    Page.render(ctx, web, "incident/import.jte", "incimport.title", Map.of("accord", s, "error", ""));
  }

  /** POST /accords/{id}/incidents/import (multipart: file, source, dry_run, all_or_nothing) */
  public void upload(Context ctx) {
    AccordState s = accord(ctx.pathParam("id"));
    if (ctx.contentType() == null || !ctx.contentType().startsWith("multipart/form-data")) {
      throw new HttpResponseException(400, "send the form as multipart/form-data with the file");
    }
    String source = ctx.formParam("source");
    UploadedFile file = ctx.uploadedFile("file");
    String error = source == null || !List.of("acled", "ucdp").contains(source) ? "incimport.error.source"
        : file == null || file.size() == 0 ? "incimport.error.file" : null;
    if (error != null) {
      ctx.status(400);
      Page.render(ctx, web, "incident/import.jte", "incimport.title", Map.of("accord", s, "error", error));
      return;
    }
    Path tmp;
    try (InputStream in = file.content()) {
      tmp = copy(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Job job = start(ctx, s.id(), source, file.filename(), tmp, ctx.formParam("dry_run") != null, ctx.formParam("all_or_nothing") != null);
    ctx.redirect("/accords/" + enc(s.id()) + "/incidents/import/" + job.id);
  }

  /** GET /accords/{id}/incidents/import/{job}: the job's page, which polls its status. */
  public void jobPage(Context ctx) {
    Job job = job(ctx);
    Page.render(ctx, web, "incident/import-job.jte", "incimport.job.title", Map.of("accord", accord(job.accord), "job", job));
  }

  /** GET /accords/{id}/incidents/import/{job}/status: the progress fragment htmx swaps in. */
  public void statusFragment(Context ctx) {
    Job job = job(ctx);
    Page.render(ctx, web, "incident/import-status.jte", "incimport.job.title", Map.of("job", job));
  }

  /** GET /accords/{id}/incidents/import/{job}/bad.csv: every bad row, by line. */
  public void badRows(Context ctx) throws IOException {
    Job job = job(ctx);
    if (job.result == null) {
      throw new HttpResponseException(409, "the import " + job.id + " has not finished");
    }
    StringWriter w = new StringWriter();
    try (CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT)) {
      p.printRecord("line", "reason");
      for (CsvImport.BadRow b : job.result.bad()) {
        p.printRecord(b.line(), b.reason());
      }
    }
    ctx.header("Content-Disposition", "attachment; filename=\"bad-rows-" + job.id + ".csv\"");
    ctx.contentType("text/csv; charset=utf-8").result(w.toString());
  }

  /** POST /api/accords/{id}/imports?source=acled|ucdp&dry_run=&all_or_nothing= with the CSV as the body: 202 with the job. */
  public void apiStart(Context ctx) {
    AccordState s = accord(ctx.pathParam("id"));
    String source = ctx.queryParam("source");
    if (source == null || !List.of("acled", "ucdp").contains(source)) {
      throw new HttpResponseException(400, "query parameter 'source' must be acled or ucdp");
    }
    boolean dryRun = flag(ctx, "dry_run");
    boolean allOrNothing = flag(ctx, "all_or_nothing");
    Path tmp;
    try (InputStream in = ctx.bodyInputStream()) {
      tmp = copy(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      if (Files.size(tmp) == 0) {
        Files.deleteIfExists(tmp);
        throw new HttpResponseException(400, "the request body is empty: send the CSV file as the body");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Job job = start(ctx, s.id(), source, "upload.csv", tmp, dryRun, allOrNothing);
    ctx.status(202).json(json(job));
  }

  /** GET /api/accords/{id}/imports/{job} */
  public void apiStatus(Context ctx) {
    ctx.json(json(job(ctx)));
  }

  private Job start(Context ctx, String accord, String source, String filename, Path tmp, boolean dryRun, boolean allOrNothing) {
    User u = Access.user(ctx);
    String party = u.actingAs();
    if (party == null) {
      deleteQuietly(tmp);
      throw new HttpResponseException(403, "your role does not write entries");
    }
    CsvImport.Options options = new CsvImport.Options(accord, party, u.username(), dryRun, allOrNothing);
    CsvImport importer;
    try {
      importer = source.equals("acled") ? new AcledImport(node, options) : new UcdpImport(node, options);
    } catch (IllegalArgumentException | IllegalStateException e) {
      deleteQuietly(tmp);
      throw new HttpResponseException(403, e.getMessage());
    }
    byte[] b = new byte[12];
    RANDOM.nextBytes(b);
    String name = filename == null || filename.isBlank() ? "upload.csv" : Path.of(filename).getFileName().toString();
    Job job = new Job(HexFormat.of().formatHex(b), accord, source, name, u.username(), dryRun, allOrNothing,
        node.clock().millis());
    forgetOldJobs();
    jobs.put(job.id, job);
    runner.submit(() -> {
      try {
        job.result = importer.run(tmp, name, st -> job.status = st);
      } catch (RuntimeException e) {
        job.error = e.getMessage() == null ? e.toString() : e.getMessage();
      } finally {
        deleteQuietly(tmp);
      }
    });
    return job;
  }

  private void forgetOldJobs() {
    while (jobs.size() >= KEPT_JOBS) {
      jobs.values().stream().filter(Job::finished).min((a, b) -> Long.compare(a.started, b.started))
          .ifPresentOrElse(j -> jobs.remove(j.id), () -> {
            throw new HttpResponseException(409, "too many imports are running; wait for one to finish");
          });
    }
  }

  static ObjectNode json(Job job) {
    ObjectNode o = EntryCodec.JSON.createObjectNode();
    o.put("job", job.id).put("accord", job.accord).put("source", job.source).put("file", job.file)
        .put("dry_run", job.dryRun).put("all_or_nothing", job.allOrNothing)
        .put("state", job.error != null ? "failed" : job.result != null ? "done" : "running");
    CsvImport.Status s = job.status;
    o.put("bytes_read", s.bytesRead()).put("bytes_total", s.bytesTotal()).put("percent", job.percent());
    if (job.result != null) {
      CsvImport.Result r = job.result;
      o.put("rows", r.rows()).put("added", r.added()).put("skipped", r.skipped()).put("flagged", r.flagged())
          .put("committed", r.committed());
      var bad = o.putArray("bad");
      r.bad().forEach(x -> bad.addObject().put("line", x.line()).put("reason", x.reason()));
    } else {
      o.put("rows", s.rows()).put("added", s.added()).put("flagged", s.flagged()).put("bad_count", s.bad());
    }
    if (job.error != null) {
      o.put("error", job.error);
    }
    return o;
  }

  private Job job(Context ctx) {
    Job job = jobs.get(ctx.pathParam("job"));
    if (job == null || !job.accord.equals(ctx.pathParam("id"))) {
      throw new HttpResponseException(404, "no import " + ctx.pathParam("job") + " in " + ctx.pathParam("id"));
    }
    return job;
  }

  private AccordState accord(String id) {
    return node.db().jdbi().withHandle(h -> AccordProjection.load(h, id))
        .orElseThrow(() -> new HttpResponseException(404, "no accord " + id));
  }

  /** Streams an upload to a temporary file, refusing it past {@link #MAX_UPLOAD} bytes. */
  static Path copy(InputStream in) throws IOException {
    Path tmp = Files.createTempFile("accord-import-", ".csv");
    try (OutputStream out = Files.newOutputStream(tmp)) {
      byte[] buf = new byte[1 << 16];
      long total = 0;
      for (int n; (n = in.read(buf)) > 0; ) {
        total += n;
        if (total > MAX_UPLOAD) {
          throw new HttpResponseException(413, "the file is larger than " + MAX_UPLOAD + " bytes");
        }
        out.write(buf, 0, n);
      }
    } catch (IOException | RuntimeException e) {
      deleteQuietly(tmp);
      throw e;
    }
    return tmp;
  }

  private static boolean flag(Context ctx, String name) {
    String v = ctx.queryParam(name);
    if (v == null || v.isEmpty() || v.equals("false") || v.equals("0")) {
      return false;
    }
    if (v.equals("true") || v.equals("1")) {
      return true;
    }
    throw new HttpResponseException(400, "query parameter '" + name + "' must be true or false");
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException ignored) {
      // a temporary file; the OS cleans its folder
    }
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
