package accord.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** accord notify add-email | add-webhook | list | remove. */
class NotifyCliTest {
  @TempDir Path dir;

  @Test
  void subscriptionsAreManagedFromTheCommandLine() {
    String data = dir.resolve("node").toString();
    assertThat(Cli.run("", "init", "--data", data).code()).isZero();
    Cli.Run mail = Cli.run("", "notify", "add-email", "--data", data, "--accord", "kabul-2025", "--party", "PK",
        "desk@example.org");
    assertThat(mail.code()).as(mail.err()).isZero();
    assertThat(mail.out()).contains("desk@example.org").doesNotContain("secret");
    Cli.Run hook = Cli.run("", "notify", "add-webhook", "--data", data, "--accord", "kabul-2025", "--party", "AF",
        "https://ops.example.org/accord");
    assertThat(hook.code()).as(hook.err()).isZero();
    Matcher secret = Pattern.compile("Signing secret.*: ([0-9a-f]{64})").matcher(hook.out());
    assertThat(secret.find()).as(hook.out()).isTrue();

    Cli.Run bad = Cli.run("", "notify", "add-email", "--data", data, "--accord", "kabul-2025", "--party", "PK", "desk at example");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).startsWith("accord: target:").doesNotContain("Exception");
    assertThat(Cli.run("", "notify", "add-email", "--data", data, "--accord", "kabul-2025", "--party", "ZZ", "a@example.org")
        .err()).contains("party: ZZ is not a member");
    assertThat(Cli.run("", "notify", "add-email", "--data", data, "--accord", "nowhere", "--party", "PK", "a@example.org")
        .err()).contains("accord: there is no accord nowhere");
    assertThat(Cli.run("", "notify", "add-email", "--data", data, "--accord", "kabul-2025", "--party", "PK", "desk@example.org")
        .code()).as("the same address twice").isEqualTo(2);

    Cli.Run list = Cli.run("", "notify", "list", "--data", data);
    assertThat(list.out()).contains("desk@example.org", "https://ops.example.org/accord", "email", "webhook")
        .doesNotContain(secret.group(1));
    String id = list.out().lines().filter(l -> l.contains("desk@")).findFirst().orElseThrow().split("\\s+")[0];
    assertThat(Cli.run("", "notify", "remove", "--data", data, id).code()).isZero();
    assertThat(Cli.run("", "notify", "list", "--data", data).out()).doesNotContain("desk@example.org");
    assertThat(Cli.run("", "notify", "remove", "--data", data, id).err()).contains("no subscription " + id);
  }
}
