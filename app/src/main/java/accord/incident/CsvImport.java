package accord.incident;

import accord.accord.AccordProjection;
import accord.accord.AccordRegistry;
import accord.accord.AccordState;
import accord.ledger.Appended;
import accord.ledger.Entry;
import accord.ledger.EntryCodec;
import accord.ledger.Rejection;
import accord.node.Node;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Imports a CSV file of events into an accord's register: each row becomes an incident.report by
 * the importing party, carrying the source's event id as its external id so the same file
 * imported again adds nothing. A row that is likely an incident already in the register (see
 * {@link Duplicates}) is held for review instead of added. A bad row is reported with its line
 * and reason and the others go on; with {@code allOrNothing} the whole file is checked first and
 * nothing is written if any row is bad. Each source (UCDP, ACLED) says only how its rows read.
 */
public abstract class CsvImport {
  /** Rows looked up and submitted together; the ledger commits what is queued in shared transactions. */
  static final int CHUNK = 2000;

  public record Options(String accord, String party, String user, boolean dryRun, boolean allOrNothing) {}

  public record BadRow(long line, String reason) {}

  /**
   * {@code added} is what was (or, in a dry run, would be) added; {@code skipped} was already
   * there; {@code flagged} was (or would be) held for review as likely duplicates.
   */
  public record Result(long rows, long added, long skipped, long flagged, List<BadRow> bad, boolean committed) {}

  /** How far an import has got: bytes of the file read, rows read, and what became of them. */
  public record Status(long bytesRead, long bytesTotal, long rows, long added, long flagged, long bad) {}

  public interface Progress {
    void update(Status status);
  }

  /** How the rows of one file become report bodies; throws {@link IllegalArgumentException} naming the column at fault. */
  interface Layout {
    ObjectNode body(List<String> fields, Groups groups);
  }

  private record Parsed(long line, ObjectNode body) {}

  private final Node node;
  private final Options options;
  private final Groups groups = Groups.standard();
  private final AccordState accord;

  protected CsvImport(Node node, Options options) {
    this.node = node;
    this.options = options;
    this.accord = node.db().jdbi().withHandle(h -> AccordProjection.load(h, options.accord()))
        .orElseThrow(() -> new IllegalArgumentException("no accord " + options.accord() + " on this node"));
    if (accord.member(options.party()).isEmpty()) {
      throw new IllegalArgumentException(options.party() + " is not a member of accord " + options.accord());
    }
    if (!options.dryRun() && node.keyring().find(AccordRegistry.memberKeyName(options.accord(), options.party())).isEmpty()) {
      throw new IllegalStateException("this node holds no key for " + options.party() + " in " + options.accord());
    }
  }

  /** The layout a file's first record shows; sets {@code isHeader[0]} when that record is a header, not a row. */
  abstract Layout layout(List<String> first, boolean[] isHeader);

  /** What the source calls its event ids, for messages ("UCDP id"). */
  abstract String idName();

  /** The prefix of this source's external ids ("ucdp:"). */
  abstract String sourcePrefix();

  public Result run(Path file, Progress progress) {
    return run(file, file.getFileName().toString(), progress);
  }

  /** Imports {@code file}; {@code source} names it in the review list (an upload's original name). */
  public Result run(Path file, String source, Progress progress) {
    if (options.allOrNothing() && !options.dryRun()) {
      Result check = new Pass(file, source, false, progress).run();
      if (!check.bad().isEmpty()) {
        return new Result(check.rows(), 0, check.skipped(), 0, check.bad(), false);
      }
    }
    return new Pass(file, source, !options.dryRun(), progress).run();
  }

  /** One reading of the file: checks every row and, when {@code commit}, writes the good ones. */
  private final class Pass {
    final Path file;
    final String source;
    final boolean commit;
    final Progress progress;
    final long size;
    final List<BadRow> bad = new ArrayList<>();
    final List<Parsed> chunk = new ArrayList<>();
    long rows;
    long added;
    long skipped;
    long flagged;
    long bytes;
    List<CompletableFuture<Appended>> inFlight = List.of();
    List<Long> inFlightLines = List.of();

    Pass(Path file, String source, boolean commit, Progress progress) {
      this.file = file;
      this.source = source;
      this.commit = commit;
      this.progress = progress;
      try {
        this.size = Files.size(file);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
      }
    }

    Result run() {
      Set<String> existing = node.db().jdbi().withHandle(h -> {
        Set<String> ids = new HashSet<>(h.createQuery("SELECT external_id FROM incident WHERE accord = :a AND external_id IS NOT NULL")
            .bind("a", options.accord()).mapTo(String.class).list());
        ids.addAll(DuplicatesStore.held(h, options.accord()));
        return ids;
      });
      Map<String, Long> seen = new HashMap<>();
      Layout[] layout = {null};
      int[] width = {0};
      try (InputStream in = counting(Files.newInputStream(file))) {
        CsvRows.read(in, row -> {
          if (layout[0] == null && row.fields() == null) {
            throw new IllegalArgumentException("the first row (line " + row.line() + ") cannot be read: " + row.error());
          }
          if (layout[0] == null) {
            boolean[] header = {false};
            layout[0] = layout(row.fields(), header);
            width[0] = row.fields().size();
            if (header[0]) {
              return;
            }
          }
          rows++;
          try {
            if (row.error() != null) {
              throw new IllegalArgumentException(row.error());
            }
            if (row.fields().size() != width[0]) {
              throw new IllegalArgumentException("the row has " + row.fields().size() + " fields, the file has " + width[0] + " columns");
            }
            ObjectNode body = layout[0].body(row.fields(), groups);
            IncidentRules.read(body, accord, groups);
            plausible(body, "date");
            plausible(body, "date_end");
            String ext = body.get("external_id").asText();
            Long first = seen.putIfAbsent(ext, row.line());
            if (first != null) {
              throw new IllegalArgumentException(idName() + " " + ext.substring(ext.indexOf(':') + 1) + " is already on line " + first);
            }
            if (existing.contains(ext)) {
              skipped++;
              return;
            }
            chunk.add(new Parsed(row.line(), body));
            if (chunk.size() >= CHUNK) {
              flush();
            }
          } catch (IllegalArgumentException | Rejection ex) {
            bad.add(new BadRow(row.line(), ex.getMessage()));
          }
          if (rows % 500 == 0) {
            report();
          }
        });
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
      }
      if (layout[0] == null) {
        throw new IllegalArgumentException(source + " holds no rows");
      }
      flush();
      settle();
      report();
      bad.sort(Comparator.comparingLong(BadRow::line));
      return new Result(rows, added, skipped, flagged, List.copyOf(bad), commit);
    }

    /** An event cannot have happened after today (by the node's clock) or before 1900. */
    void plausible(ObjectNode body, String field) {
      if (!body.hasNonNull(field)) {
        return;
      }
      java.time.LocalDate d = java.time.LocalDate.parse(body.get(field).asText());
      java.time.LocalDate today = java.time.LocalDate.ofInstant(node.clock().instant(), java.time.ZoneOffset.UTC);
      if (d.isAfter(today.plusDays(1))) {
        throw new IllegalArgumentException("the event's " + field.replace('_', ' ') + " " + d + " is in the future (today is " + today + ")");
      }
      if (d.getYear() < 1900) {
        throw new IllegalArgumentException("the event's " + field.replace('_', ' ') + " " + d + " is before 1900");
      }
    }

    void report() {
      if (progress != null) {
        progress.update(new Status(bytes, size, rows, added, flagged, bad.size()));
      }
    }

    /** Holds the chunk's likely duplicates for review and submits the rest, waiting for the ledger. */
    void flush() {
      if (chunk.isEmpty()) {
        return;
      }
      List<Duplicates.Event> events = chunk.stream().map(p -> DuplicatesStore.event(p.body())).toList();
      Map<Integer, DuplicatesStore.Match> matches =
          node.db().jdbi().withHandle(h -> DuplicatesStore.find(h, options.accord(), sourcePrefix(), events));
      List<DuplicatesStore.Flag> flags = new ArrayList<>();
      List<Entry> entries = new ArrayList<>();
      List<Long> lines = new ArrayList<>();
      String now = EntryCodec.formatTime(node.clock().instant());
      for (int i = 0; i < chunk.size(); i++) {
        Parsed p = chunk.get(i);
        DuplicatesStore.Match m = matches.get(i);
        if (m != null) {
          flags.add(new DuplicatesStore.Flag(options.accord(), p.body().get("external_id").asText(), source, p.line(),
              options.party(), EntryCodec.canonical(p.body()), m.candidate(), String.join("; ", m.reasons()),
              options.user(), now, DuplicatesStore.PENDING, null, null, null));
        } else {
          entries.add(new Entry(IncidentRules.REPORT, options.accord(), options.party(), options.user(),
              node.clock().instant(), List.of(), "en", p.body()));
          lines.add(p.line());
        }
      }
      chunk.clear();
      flagged += flags.size();
      if (!commit) {
        added += entries.size();
        return;
      }
      if (!flags.isEmpty()) {
        // Only when there is something to hold: an empty write transaction would still queue behind
        // the ledger's writer for the database's write lock and stall reading.
        node.db().jdbi().useTransaction(h -> DuplicatesStore.insert(h, flags));
      }
      // This chunk is queued before the previous one is waited for, so the ledger's writer
      // commits one chunk while the next is read and signed.
      List<CompletableFuture<Appended>> queued = node.appendAll(entries);
      settle();
      inFlight = queued;
      inFlightLines = lines;
    }

    /** Waits for the chunk in flight, counting what the ledger added and refused. */
    void settle() {
      for (int i = 0; i < inFlight.size(); i++) {
        try {
          inFlight.get(i).join();
          added++;
        } catch (CompletionException ex) {
          Throwable c = ex.getCause() == null ? ex : ex.getCause();
          bad.add(new BadRow(inFlightLines.get(i), c.getMessage()));
        }
      }
      inFlight = List.of();
      inFlightLines = List.of();
    }

    InputStream counting(InputStream in) {
      return new FilterInputStream(in) {
        @Override
        public int read() throws IOException {
          int b = super.read();
          if (b >= 0) {
            bytes++;
          }
          return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
          int n = super.read(buf, off, len);
          if (n > 0) {
            bytes += n;
          }
          return n;
        }
      };
    }
  }
}
