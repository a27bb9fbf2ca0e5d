package accord.cli;

import static accord.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The accord command line, run in-process: init, user, keys, rebuild, export, verify. */
class CliTest {
  @TempDir Path dir;



  @Test
  void initUsersKeysRebuildExportAndVerifyOffline() throws Exception {
    String data = dir.resolve("node").toString();
    Cli.Run init = run("", "init", "--data", data);
    assertThat(init.code()).as(init.err()).isZero();
    Matcher m = Pattern.compile("password (\\S+)").matcher(init.out());
    assertThat(m.find()).isTrue();
    assertThat(m.group(1)).hasSizeGreaterThanOrEqualTo(16);
    assertThat(run("", "init", "--data", data).code()).isEqualTo(2);

    assertThat(run("correct-horse-battery\n", "user", "add", "pk.officer", "--role", "party_officer", "--party", "PK", "--password-stdin", "--data", data).code()).isZero();
    Cli.Run dup = run("correct-horse-battery\n", "user", "add", "pk.officer", "--role", "party_officer", "--party", "PK", "--password-stdin", "--data", data);
    assertThat(dup.code()).isEqualTo(2);
    assertThat(dup.err()).contains("already exists").doesNotContain("Exception");
    assertThat(run("", "user", "add", "x", "--role", "king", "--data", data).err()).contains("unknown role");
    assertThat(run("", "user", "list", "--data", data).out()).contains("pk.officer", "party_officer", "admin");

    Cli.Run keys = run("", "keys", "--data", data);
    assertThat(keys.out()).contains("kabul-2025", "doha-2025", "(held here)");
    String logKey = keys.out().lines().filter(l -> l.trim().startsWith("log") && l.contains("accord/kabul-2025+"))
        .findFirst().orElseThrow().trim().split("\\s+")[1];

    Cli.Run rebuild = run("", "rebuild", "--data", data);
    assertThat(rebuild.code()).as(rebuild.out()).isZero();
    assertThat(rebuild.out()).contains("identical");

    Path archive = dir.resolve("kabul.zip");
    assertThat(run("", "export", "--data", data, "--accord", "kabul-2025", "--out", archive.toString()).code()).isZero();
    Cli.Run ok = run("", "verify", "--archive", archive.toString(), "--log-key", logKey);
    assertThat(ok.code()).as(ok.out()).isZero();
    assertThat(ok.out()).contains("verified: 5 entries"); // the accord and its four bodies

    Cli.Run local = run("", "verify", "--local", "--data", data, "--accord", "kabul-2025");
    assertThat(local.code()).as(local.out()).isZero();
    assertThat(local.out()).contains("every stored entry, hash and checkpoint matches");

    Cli.Run wrongKey = run("", "verify", "--archive", archive.toString(), "--log-key", logKey.replace("accord/kabul-2025", "accord/doha-2025"));
    assertThat(wrongKey.code()).isNotZero();
    Cli.Run noSuch = run("", "export", "--data", data, "--accord", "nowhere", "--out", dir.resolve("x.zip").toString());
    assertThat(noSuch.code()).isEqualTo(2);
    assertThat(noSuch.err()).startsWith("accord: no log for accord nowhere");
    assertThat(Files.exists(dir.resolve("x.zip"))).isFalse();
  }
}
