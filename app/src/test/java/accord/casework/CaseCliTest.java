package accord.casework;

import static org.assertj.core.api.Assertions.assertThat;

import accord.cli.Main;
import accord.node.Demo;
import accord.node.Node;
import accord.user.Users;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code accord cases list} on the demo's node. */
class CaseCliTest {
  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  static synchronized Run run(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int code = Main.run(args);
      return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  @Test
  void listsOpenAndOverdueCasesWithWhoOwesAndWhen() {
    try (Node node = Node.open(dir, null, Clock.systemUTC())) {
      Demo.loadIfEmpty(node, new Users(node.db().jdbi(), node.clock()));
    }
    String data = dir.toString();
    Run all = run("cases", "list", "--accord", "kabul-2025", "--data", data);
    assertThat(all.code()).as(all.err()).isZero();
    String[] lines = all.out().strip().split("\n");
    assertThat(lines[0]).startsWith("ID").contains("PARTIES", "STATE", "LEVEL", "OWES", "NEXT DUE / OVERDUE SINCE");
    assertThat(lines).hasSize(3);
    assertThat(lines[1]).contains("AF -> PK", "filed", "liaison", " PK ", "due 20");
    assertThat(lines[2]).contains("PK -> AF", "escalated", "working_group_security", " - ");

    Run overdue = run("cases", "list", "--accord", "kabul-2025", "--overdue", "--data", data);
    assertThat(overdue.code()).isZero();
    assertThat(overdue.out().strip().split("\n")).as("the open case is within its 24 hours").hasSize(1);

    Run mine = run("cases", "list", "--accord", "kabul-2025", "--party", "AF", "--data", data);
    assertThat(mine.out().strip().split("\n")).hasSize(3);
    Run bad = run("cases", "list", "--accord", "kabul-2025", "--party", "QA", "--data", data);
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("has no party QA").doesNotContain("Exception");
    assertThat(run("cases", "list", "--accord", "nowhere", "--data", data).err()).contains("no accord nowhere");
  }
}
