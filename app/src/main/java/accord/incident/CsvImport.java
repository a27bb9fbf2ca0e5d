package accord.incident;

import accord.accord.AccordProjection;
import accord.accord.AccordRegistry;
import accord.accord.AccordState;
import accord.ledger.Appended;
import accord.ledger.Entry;
import accord.ledger.Rejection;
import accord.node.Node;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * imported again adds nothing. A bad row is reported with its line and reason and the others go
 * on; with {@code allOrNothing} the whole file is checked first and nothing is written if any row
 * is bad. Each source (UCDP, ACLED) says only how its rows read.
 */
public abstract class CsvImport {
  /** Rows submitted together; the ledger commits what is queued in shared transactions. */
  static final int CHUNK = 1000;

  public record Options(String accord, String party, String user, boolean dryRun, boolean allOrNothing) {}

  public record BadRow(long line, String reason) {}

  /** {@code added} is what was (or, in a dry run, would be) added; {@code skipped} was already there. */
  public record Result(long rows, long added, long skipped, List<BadRow> bad, boolean committed) {}

  public interface Progress {
    void update(long rows, long added, long bad);
  }

  /** How the rows of one file become report bodies; throws {@link IllegalArgumentException} naming the column at fault. */
  interface Layout {
    ObjectNode body(List<String> fields, Groups groups);
  }

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

  public Result run(Path file, Progress progress) {
    if (options.allOrNothing() && !options.dryRun()) {
      Result check = pass(file, false, progress);
      if (!check.bad().isEmpty()) {
        return new Result(check.rows(), 0, check.skipped(), check.bad(), false);
      }
    }
    return pass(file, !options.dryRun(), progress);
  }

  private Result pass(Path file, boolean commit, Progress progress) {
    Set<String> existing = new HashSet<>(node.db().jdbi().withHandle(h ->
        h.createQuery("SELECT external_id FROM incident WHERE accord = :a AND external_id IS NOT NULL")
            .bind("a", options.accord()).mapTo(String.class).list()));
    List<BadRow> bad = new ArrayList<>();
    Map<String, Long> seen = new HashMap<>();
    List<Long> pendingLines = new ArrayList<>();
    List<Entry> pending = new ArrayList<>();
    long[] n = new long[3]; // rows, added, skipped
    Layout[] layout = {null};
    int[] width = {0};
    try (InputStream in = Files.newInputStream(file)) {
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
        n[0]++;
        try {
          if (row.error() != null) {
            throw new IllegalArgumentException(row.error());
          }
          if (row.fields().size() != width[0]) {
            throw new IllegalArgumentException("the row has " + row.fields().size() + " fields, the file has " + width[0] + " columns");
          }
          ObjectNode body = layout[0].body(row.fields(), groups);
          IncidentRules.read(body, accord, groups);
          String ext = body.get("external_id").asText();
          Long first = seen.putIfAbsent(ext, row.line());
          if (first != null) {
            throw new IllegalArgumentException(idName() + " " + ext.substring(ext.indexOf(':') + 1) + " is already on line " + first);
          }
          if (existing.contains(ext)) {
            n[2]++;
            return;
          }
          n[1]++;
          if (commit) {
            pending.add(new Entry(IncidentRules.REPORT, options.accord(), options.party(), options.user(),
                node.clock().instant(), List.of(), "en", body));
            pendingLines.add(row.line());
            if (pending.size() >= CHUNK) {
              n[1] -= flush(pending, pendingLines, bad);
            }
          }
        } catch (IllegalArgumentException | Rejection ex) {
          bad.add(new BadRow(row.line(), ex.getMessage()));
        }
        if (n[0] % 100 == 0 && progress != null) {
          progress.update(n[0], n[1], bad.size());
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    if (layout[0] == null) {
      throw new IllegalArgumentException(file + " holds no rows");
    }
    n[1] -= flush(pending, pendingLines, bad);
    if (progress != null) {
      progress.update(n[0], n[1], bad.size());
    }
    bad.sort(Comparator.comparingLong(BadRow::line));
    return new Result(n[0], n[1], n[2], List.copyOf(bad), commit);
  }

  /** Submits the waiting entries and waits for them; returns how many the ledger refused. */
  private int flush(List<Entry> pending, List<Long> lines, List<BadRow> bad) {
    List<CompletableFuture<Appended>> futures = new ArrayList<>(pending.size());
    for (Entry e : pending) {
      futures.add(node.append(e));
    }
    int refused = 0;
    for (int i = 0; i < futures.size(); i++) {
      try {
        futures.get(i).join();
      } catch (CompletionException ex) {
        refused++;
        Throwable c = ex.getCause() == null ? ex : ex.getCause();
        bad.add(new BadRow(lines.get(i), c.getMessage()));
      }
    }
    pending.clear();
    lines.clear();
    return refused;
  }
}
