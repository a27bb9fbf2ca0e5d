package accord.cli;

import static org.assertj.core.api.Assertions.assertThat;

import accord.incident.CsvImport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The import's progress line: bytes read of the file, rate and time left; redrawn on a terminal, logged plainly otherwise. */
class ProgressBarTest {
  @Test
  void theLineShowsShareRateAndTimeLeft() {
    var s = new CsvImport.Status(250, 1000, 5000, 4900, 40, 60);
    assertThat(ProgressBar.line(s, 10, true, false))
        .isEqualTo("[########                      ]  25% 5000 rows read, 4900 added, 40 held, 60 bad, 500 rows/s, 0:30 left");
    assertThat(ProgressBar.line(s, 10, false, true))
        .isEqualTo(" 25% 5000 rows read, 4900 to add, 40 held, 60 bad, 500 rows/s, 0:30 left");
    var done = new CsvImport.Status(1000, 1000, 20000, 20000, 0, 0);
    assertThat(ProgressBar.line(done, 100, true, false)).startsWith("[" + "#".repeat(30) + "] 100%").doesNotContain("left");
  }

  @Test
  void aTerminalGetsOneRedrawnLineALogGetsAFewPlainOnes() {
    long[] now = {0};
    ByteArrayOutputStream tty = new ByteArrayOutputStream();
    ProgressBar bar = new ProgressBar(new PrintStream(tty, true, StandardCharsets.UTF_8), true, false, () -> now[0]);
    for (int i = 1; i <= 100; i++) {
      now[0] += 50_000_000L; // 50 ms apart: a redraw every fourth update
      bar.update(new CsvImport.Status(i * 10L, 1000, i, i, 0, 0));
    }
    bar.done();
    String t = tty.toString(StandardCharsets.UTF_8);
    assertThat(t).doesNotContain("\n\r").endsWith("\n");
    assertThat(t.split("\r", -1).length - 1).isBetween(24, 28);

    now[0] = 0;
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    ProgressBar plain = new ProgressBar(new PrintStream(log, true, StandardCharsets.UTF_8), false, true, () -> now[0]);
    for (int i = 1; i <= 100; i++) {
      now[0] += 500_000_000L; // 50 s in all: a line every 5 s
      plain.update(new CsvImport.Status(i * 10L, 1000, i, i, 0, 0));
    }
    plain.done();
    String l = log.toString(StandardCharsets.UTF_8);
    assertThat(l).doesNotContain("\r").doesNotContain("[#");
    assertThat(l.lines().count()).isBetween(10L, 12L);
    assertThat(l.lines().reduce((a, b) -> b).orElseThrow()).contains("100% 100 rows read, 100 to add");
  }
}
