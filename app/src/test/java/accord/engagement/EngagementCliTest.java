package accord.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import accord.cli.Cli;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** accord meetings list|schedule and accord scores list, run in-process on a node made by accord init. */
class EngagementCliTest {
  @TempDir Path dir;


  static Cli.Run run(String... args) {
    return Cli.run("", args);
  }

  @Test
  void scheduleListAndScores() {
    String data = dir.resolve("node").toString();
    assertThat(run("init", "--data", data).code()).isZero();
    Cli.Run scheduled = run("meetings", "schedule", "--accord", "kabul-2025", "--body", "WG-SEC", "--date", "2026-01-15",
        "--place", "Peshawar", "--item", "Notifications since December", "--data", data);
    assertThat(scheduled.code()).as(scheduled.err()).isZero();
    assertThat(scheduled.out()).containsPattern("meeting \\d+").contains("1. Notifications since December");
    Cli.Run list = run("meetings", "list", "--accord", "kabul-2025", "--body", "WG-SEC", "--data", data);
    assertThat(list.out()).containsPattern("\\d+\t2026-01-15\tWG-SEC\tworking_group\tPeshawar\n");
    assertThat(run("meetings", "list", "--accord", "kabul-2025", "--body", "JCC", "--data", data).out()).isEmpty();

    Cli.Run bad = run("meetings", "schedule", "--accord", "kabul-2025", "--body", "NOPE", "--date", "2026-01-15", "--place", "X", "--data", data);
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("NOPE").doesNotContain("Exception");
    Cli.Run badDate = run("meetings", "schedule", "--accord", "kabul-2025", "--body", "JCC", "--date", "15/01/2026", "--place", "X", "--data", data);
    assertThat(badDate.code()).isEqualTo(2);
    assertThat(badDate.err()).contains("date");

    Cli.Run scores = run("scores", "list", "--accord", "kabul-2025", "--data", data);
    assertThat(scores.code()).as(scores.err()).isZero();
    assertThat(scores.out()).contains("P1\tsecurity\t-").contains("engagement\t0/6 points\t0.0%").contains("accord\t0/21 points\t0.0%");
    assertThat(run("scores", "list", "--accord", "nowhere", "--data", data).err()).contains("no accord nowhere");
  }
}
