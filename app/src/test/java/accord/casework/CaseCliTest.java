package accord.casework;

import static org.assertj.core.api.Assertions.assertThat;

import accord.cli.Cli;
import accord.node.Demo;
import accord.node.Node;
import accord.user.Users;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code accord cases list} on the demo's node. */
class CaseCliTest {
  @TempDir Path dir;


  static Cli.Run run(String... args) {
    return Cli.run("", args);
  }

  @Test
  void listsOpenAndOverdueCasesWithWhoOwesAndWhen() {
    try (Node node = Node.open(dir, null, Clock.systemUTC())) {
      Demo.loadIfEmpty(node, new Users(node.db().jdbi(), node.clock()));
    }
    String data = dir.toString();
    Cli.Run all = run("cases", "list", "--accord", "kabul-2025", "--data", data);
    assertThat(all.code()).as(all.err()).isZero();
    String[] lines = all.out().strip().split("\n");
    assertThat(lines[0]).startsWith("ID").contains("PARTIES", "STATE", "LEVEL", "OWES", "NEXT DUE / OVERDUE SINCE");
    assertThat(lines).hasSize(3);
    assertThat(lines[1]).contains("AF -> PK", "filed", "liaison", " PK ", "due 20");
    assertThat(lines[2]).contains("PK -> AF", "escalated", "working_group_security", " - ");

    Cli.Run overdue = run("cases", "list", "--accord", "kabul-2025", "--overdue", "--data", data);
    assertThat(overdue.code()).isZero();
    assertThat(overdue.out().strip().split("\n")).as("the open case is within its 24 hours").hasSize(1);

    Cli.Run mine = run("cases", "list", "--accord", "kabul-2025", "--party", "AF", "--data", data);
    assertThat(mine.out().strip().split("\n")).hasSize(3);
    Cli.Run bad = run("cases", "list", "--accord", "kabul-2025", "--party", "QA", "--data", data);
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("has no party QA").doesNotContain("Exception");
    assertThat(run("cases", "list", "--accord", "nowhere", "--data", data).err()).contains("no accord nowhere");
  }
}
