package accord.tlog.cli;

import static org.assertj.core.api.Assertions.assertThat;

import accord.tlog.NoteKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every failure: one "tlog: ..." line on stderr, nothing on stdout, the documented exit status. */
class ErrorsTest {
  @TempDir Path dir;
  String key;
  String vkey;
  String otherVkey;
  String entries;
  String signed;

  @BeforeEach
  void files() throws IOException {
    String[] k = NoteKeys.generate("log");
    key = write("log.key", k[0] + "\n" + k[1] + "\n");
    vkey = k[1];
    otherVkey = NoteKeys.generate("log")[1];
    entries = write("entries", "a\nb\nc\nd\ne\n");
    signed = Cli.pipe("hello\n", "sign", "--skey", key).out();
  }

  private String write(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p.toString();
  }

  private static void assertFails(Cli.Result r, int code, String message) {
    assertThat(r.stdout()).as("stdout").isEmpty();
    assertThat(r.stderr()).as("stderr").startsWith("tlog: ").endsWith("\n").contains(message);
    assertThat(r.stderr().split("\n", -1)).as("stderr lines").hasSize(2);
    assertThat(r.stderr()).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(r.code()).as("exit status, stderr: %s", r.stderr()).isEqualTo(code);
  }

  @Test
  void helpAndNoArgumentsPrintUsage() {
    for (String[] args : List.of(new String[] {}, new String[] {"help"}, new String[] {"sign", "--help"})) {
      Cli.Result r = Cli.run(args);
      assertThat(r.code()).isZero();
      assertThat(r.out()).startsWith("usage: tlog").contains("prove consistency");
      assertThat(r.stderr()).isEmpty();
    }
  }

  @Test
  void usageErrors() {
    assertFails(Cli.run("frobnicate"), 2, "unknown command 'frobnicate'");
    assertFails(Cli.run("sign", "--skey", key, "--fast"), 2, "unknown option --fast for sign");
    assertFails(Cli.run("sign", "--skey"), 2, "option --skey needs a value");
    assertFails(Cli.run("cosign", "--skey", "--time", "5"), 2, "option --skey needs a value");
    assertFails(Cli.run("sign"), 2, "sign needs --skey");
    assertFails(Cli.run("sign", "--skey", key, "--skey", key), 2, "--skey is given twice");
    assertFails(Cli.run("sign", "--skey", key, "extra"), 2, "unexpected argument 'extra' for sign");
    assertFails(Cli.run("verify"), 2, "verify needs --vkey");
    assertFails(Cli.run("keygen"), 2, "keygen needs NAME");
    assertFails(Cli.run("keygen", "a", "b"), 2, "unexpected argument 'b'");
    assertFails(Cli.run("keygen", "has space"), 2, "invalid key name 'has space'");
    assertFails(Cli.run("keygen", "a+b"), 2, "invalid key name");
    assertFails(Cli.run("checkpoint", "--origin", "o", "--skey", key), 2, "checkpoint needs ENTRIES");
    assertFails(Cli.run("checkpoint", "--skey", key, entries), 2, "checkpoint needs --origin");
    assertFails(Cli.run("prove"), 2, "prove needs 'inclusion' or 'consistency'");
    assertFails(Cli.run("prove", "exclusion", entries), 2, "unknown proof 'exclusion'");
    assertFails(Cli.run("prove", "inclusion", entries), 2, "prove inclusion needs --index");
    assertFails(Cli.run("prove", "consistency", entries), 2, "prove consistency needs --old");
    assertFails(Cli.run("prove", "inclusion", "--index", "x", entries), 2, "--index must be a non-negative");
    assertFails(Cli.run("prove", "inclusion", "--index", "-1", entries), 2, "--index must be a non-negative");
    assertFails(Cli.run("prove", "inclusion", "--index", "007", entries), 2, "--index must be a non-negative");
    assertFails(Cli.run("cosign", "--skey", key, "--time", "soon"), 2, "--time must be a non-negative");
  }

  @Test
  void outOfRange() {
    assertFails(Cli.run("prove", "inclusion", "--index", "5", entries), 2, "--index 5 is outside a tree of size 5");
    assertFails(
        Cli.run("prove", "inclusion", "--index", "3", "--size", "3", entries), 2, "outside a tree of size 3");
    assertFails(Cli.run("prove", "consistency", "--old", "6", entries), 2, "--old 6 is larger than the tree size 5");
    assertFails(
        Cli.run("prove", "inclusion", "--index", "0", "--size", "6", entries),
        2,
        "--size 6 is larger than the 5 entries in");
  }

  @Test
  void unreadableFiles() throws IOException {
    String missing = dir.resolve("missing").toString();
    assertFails(Cli.pipe("hi\n", "sign", "--skey", missing), 2, "cannot read key file " + missing + ": no such file");
    assertFails(Cli.pipe("hi\n", "sign", "--skey", dir.toString()), 2, "it is a directory");
    assertFails(
        Cli.run("checkpoint", "--origin", "o", "--skey", key, missing), 2, "cannot read entries file " + missing);
    assertFails(Cli.run("prove", "inclusion", "--index", "0", dir.toString()), 2, "it is a directory");
    String noKey = write("nokey", "log+12345678+AAAA\n");
    assertFails(Cli.pipe("hi\n", "sign", "--skey", noKey), 2, "holds no PRIVATE+KEY line");
    String badKey = write("badkey", "PRIVATE+KEY+log+00000000+AAAA\n");
    assertFails(Cli.pipe("hi\n", "sign", "--skey", badKey), 2, "private key");
    String empty = write("novkey", "\n");
    assertFails(Cli.pipe(signed, "verify", "--vkey", empty), 2, "holds no verifier key");
  }

  @Test
  void badNoteText() {
    assertFails(Cli.pipe("no newline", "sign", "--skey", key), 2, "the note text on stdin must end in a newline");
    assertFails(Cli.pipe("", "sign", "--skey", key), 2, "no note text on stdin");
    assertFails(Cli.pipe("bell \u0007\n", "sign", "--skey", key), 2, "control character 0x7");
    assertFails(Cli.pipe(new byte[] {'a', (byte) 0xff, '\n'}, "sign", "--skey", key), 2, "stdin is not valid UTF-8");
    assertFails(Cli.pipe("text\n\n\u2014 log !!!\n", "sign", "--skey", key), 2, "malformed note");
  }

  @Test
  void notesThatDoNotVerify() {
    assertFails(Cli.pipe(signed, "verify", "--vkey", otherVkey), 1, "note has no signature by a known key");
    assertFails(Cli.pipe(signed.replace("hello", "hullo"), "verify", "--vkey", vkey), 1, "invalid signature");
    assertFails(Cli.pipe("hello\n", "verify", "--vkey", vkey), 1, "note does not verify: malformed note");
    assertFails(Cli.pipe(signed.trim(), "verify", "--vkey", vkey), 1, "malformed note");
    assertFails(Cli.pipe(signed, "verify", "--vkey", "not-a-key"), 2, "malformed verifier key");
  }

  @Test
  void badCheckpoints() {
    assertFails(Cli.pipe("", "cosign", "--skey", key), 2, "no checkpoint on stdin");
    assertFails(Cli.pipe("origin\n12\n", "cosign", "--skey", key), 2, "checkpoint");
    assertFails(Cli.pipe("origin\n012\nAAAA\n", "cosign", "--skey", key), 2, "tree size");
    assertFails(Cli.pipe("origin\n1\nroot\n\n\u2014 x\n", "cosign", "--skey", key), 2, "malformed note");
    assertFails(Cli.run("checkpoint", "--origin", "", "--skey", key, entries), 2, "origin");
  }

  @Test
  void messagesStayOnOneLine() {
    // Input quoted in a message must not add lines to stderr.
    List<String> args = new ArrayList<>(List.of("keygen", "two\nlines"));
    Cli.Result r = Cli.run(args.toArray(new String[0]));
    assertFails(r, 2, "invalid key name 'two\\x0alines'");
  }
}
