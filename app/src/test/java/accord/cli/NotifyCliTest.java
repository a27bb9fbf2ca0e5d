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
    assertThat(CliTest.run("", "init", "--data", data).code()).isZero();
    CliTest.Run mail = CliTest.run("", "notify", "add-email", "--data", data, "--accord", "kabul-2025", "--party", "PK",
        "desk@example.org");
    assertThat(mail.code()).as(mail.err()).isZero();
    assertThat(mail.out()).contains("desk@example.org").doesNotContain("secret");
    CliTest.Run hook = CliTest.run("", "notify", "add-webhook", "--data", data, "--accord", "kabul-2025", "--party", "AF",
        "https://ops.example.org/accord");
    assertThat(hook.code()).as(hook.err()).isZero();
    Matcher secret = Pattern.compile("Signing secret.*: ([0-9a-f]{64})").matcher(hook.out());
    assertThat(secret.find()).as(hook.out()).isTrue();

    CliTest.Run bad = CliTest.run("", "notify", "add-email", "--data", data, "--accord", "kabul-2025", "--party", "PK", "desk at example");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).startsWith("accord: target:").doesNotContain("Exception");
    assertThat(CliTest.run("", "notify", "add-email", "--data", data, "--accord", "kabul-2025", "--party", "ZZ", "a@example.org")
        .err()).contains("party: ZZ is not a member");
    assertThat(CliTest.run("", "notify", "add-email", "--data", data, "--accord", "nowhere", "--party", "PK", "a@example.org")
        .err()).contains("accord: there is no accord nowhere");
    assertThat(CliTest.run("", "notify", "add-email", "--data", data, "--accord", "kabul-2025", "--party", "PK", "desk@example.org")
        .code()).as("the same address twice").isEqualTo(2);

    CliTest.Run list = CliTest.run("", "notify", "list", "--data", data);
    assertThat(list.out()).contains("desk@example.org", "https://ops.example.org/accord", "email", "webhook")
        .doesNotContain(secret.group(1));
    String id = list.out().lines().filter(l -> l.contains("desk@")).findFirst().orElseThrow().split("\\s+")[0];
    assertThat(CliTest.run("", "notify", "remove", "--data", data, id).code()).isZero();
    assertThat(CliTest.run("", "notify", "list", "--data", data).out()).doesNotContain("desk@example.org");
    assertThat(CliTest.run("", "notify", "remove", "--data", data, id).err()).contains("no subscription " + id);
  }
}
