package accord.cli;

import accord.incident.CsvImport;
import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * An import's progress on stderr: on a terminal, one bar redrawn in place (bytes read of the file's
 * size, rows per second, time left); otherwise, for logs, a plain line every few seconds.
 */
final class ProgressBar {
  private static final int WIDTH = 30;
  private static final long TERMINAL_EVERY = 200_000_000L; // ns
  private static final long LOG_EVERY = 5_000_000_000L;

  private final PrintStream out;
  private final boolean terminal;
  private final boolean dryRun;
  private final LongSupplier nanos;
  private final long start;
  private long last = Long.MIN_VALUE;
  private CsvImport.Status latest;

  ProgressBar(PrintStream out, boolean terminal, boolean dryRun, LongSupplier nanos) {
    this.out = out;
    this.terminal = terminal;
    this.dryRun = dryRun;
    this.nanos = nanos;
    this.start = nanos.getAsLong();
  }

  void update(CsvImport.Status s) {
    latest = s;
    long now = nanos.getAsLong();
    if (last != Long.MIN_VALUE && now - last < (terminal ? TERMINAL_EVERY : LOG_EVERY)) {
      return;
    }
    last = now;
    print(s, now, false);
  }

  /** The final state, always shown. */
  void done() {
    if (latest != null) {
      print(latest, nanos.getAsLong(), true);
    }
  }

  private void print(CsvImport.Status s, long now, boolean last) {
    String line = line(s, (now - start) / 1e9, terminal, dryRun);
    if (terminal) {
      out.print("\r" + line + (last ? "\n" : ""));
    } else {
      out.println(line);
    }
    out.flush();
  }

  /** One progress line: [bar] percent, rows read and what became of them, rate, time left. */
  static String line(CsvImport.Status s, double seconds, boolean bar, boolean dryRun) {
    double part = s.bytesTotal() <= 0 ? 1 : Math.min(1, (double) s.bytesRead() / s.bytesTotal());
    StringBuilder b = new StringBuilder();
    if (bar) {
      int filled = (int) Math.round(part * WIDTH);
      b.append('[').append("#".repeat(filled)).append(" ".repeat(WIDTH - filled)).append("] ");
    }
    double rate = seconds > 0 ? s.rows() / seconds : 0;
    b.append(String.format(Locale.ROOT, "%3.0f%% %d rows read, %d%s, %d held, %d bad, %.0f rows/s",
        part * 100, s.rows(), s.added(), dryRun ? " to add" : " added", s.flagged(), s.bad(), rate));
    if (part > 0 && part < 1 && seconds > 0) {
      long left = Math.round(seconds * (1 - part) / part);
      b.append(String.format(Locale.ROOT, ", %d:%02d left", left / 60, left % 60));
    }
    return b.toString();
  }
}
