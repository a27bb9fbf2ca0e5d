package accord.tlog.cli;

import static org.assertj.core.api.Assertions.assertThat;

import accord.tlog.Note;
import accord.tlog.NoteKeys;
import accord.tlog.NoteVerifiers;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignVerifyTest {
  @TempDir Path dir;

  private String write(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p.toString();
  }

  /** Runs keygen and saves its output (skey line, vkey line) as a key file. */
  private String[] keygen(String name) throws IOException {
    Cli.Result r = Cli.run("keygen", name);
    assertThat(r.code()).isZero();
    String[] lines = r.out().split("\n");
    assertThat(lines).hasSize(2);
    return new String[] {write(name.replace('/', '_') + ".key", r.out()), lines[0], lines[1]};
  }

  @Test
  void signReproducesTheGoNoteByteForByte() throws IOException {
    JsonNode kat = Vectors.json("golang-mod-sumdb/note-and-tlog-vectors.json").get("note_sign_kat");
    String skey = write("peter.key", kat.get("skey").asText() + "\n");

    Cli.Result r = Cli.pipe(kat.get("text").asText(), "sign", "--skey", skey);

    assertThat(r.stderr()).isEmpty();
    assertThat(r.code()).isZero();
    assertThat(r.stdout()).isEqualTo(kat.get("signed_note").asText().getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void signingASignedNoteKeepsItsSignaturesAndAddsOne() throws IOException {
    JsonNode v = Vectors.json("golang-mod-sumdb/note-and-tlog-vectors.json");
    JsonNode kat = v.get("note_sign_kat");
    String enochLine = v.get("note_second_signer").get("signature_line").asText();
    String skey = write("peter.key", kat.get("skey").asText());
    String text = kat.get("text").asText();
    String peterLine = kat.get("signed_note").asText().substring(text.length() + 1);

    Cli.Result r = Cli.pipe(text + "\n" + enochLine + "\n", "sign", "--skey", skey);

    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo(text + "\n" + enochLine + "\n" + peterLine);
  }

  @Test
  void verifyPrintsTheTextOfTheC2spExample() throws IOException {
    JsonNode ex = Vectors.json("c2sp-spec-examples/examples.json").get("signed_note_example");

    Cli.Result r = Cli.pipe(ex.get("note").asText(), "verify", "--vkey", ex.get("vkey").asText());

    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo("This is an example message.\n");
  }

  @Test
  void keygenSignVerifyRoundTrip() throws IOException {
    String[] key = keygen("accord.example/pk");
    assertThat(key[1]).startsWith("PRIVATE+KEY+accord.example/pk+");
    assertThat(key[2]).startsWith("accord.example/pk+");
    String text = "{\"kind\":\"case.opened\"}\nsecond line\n";

    Cli.Result signed = Cli.pipe(text, "sign", "--skey", key[0]);
    assertThat(signed.code()).isZero();
    // The note verifies with the library too, under the printed vkey.
    Note.Verified lib =
        Note.open(signed.stdout(), NoteVerifiers.of(NoteKeys.verifier(key[2])));
    assertThat(lib.note().text()).isEqualTo(text);

    Cli.Result byText = Cli.pipe(signed.stdout(), "verify", "--vkey", key[2]);
    assertThat(byText.code()).isZero();
    assertThat(byText.out()).isEqualTo(text);
    assertThat(byText.stderr()).isEmpty();

    // The keygen output file works as a vkey file as well.
    Cli.Result byFile = Cli.pipe(signed.stdout(), "verify", "--vkey", key[0]);
    assertThat(byFile.code()).isZero();
    assertThat(byFile.out()).isEqualTo(text);
  }

  @Test
  void twoSignersAndTwoKeys() throws IOException {
    String[] a = keygen("A");
    String[] b = keygen("B");
    Cli.Result once = Cli.pipe("joint statement\n", "sign", "--skey", a[0]);
    Cli.Result twice = Cli.pipe(once.stdout(), "sign", "--skey", b[0]);
    assertThat(twice.code()).isZero();
    assertThat(twice.out()).startsWith(once.out()).contains("\u2014 B ");

    assertThat(Cli.pipe(twice.stdout(), "verify", "--vkey", a[2], "--vkey", b[2]).code()).isZero();
    assertThat(Cli.pipe(twice.stdout(), "verify", "--vkey", b[2]).code()).isZero();

    // Signing again with a key already present replaces its signature rather than adding one.
    Cli.Result again = Cli.pipe(twice.stdout(), "sign", "--skey", a[0]);
    assertThat(again.out().split("\u2014 A ", -1)).hasSize(2);
  }

  @Test
  void verifyWithTheWrongKeyFails() throws IOException {
    String[] signer = keygen("signer");
    String[] other = keygen("other");
    Cli.Result signed = Cli.pipe("hello\n", "sign", "--skey", signer[0]);

    Cli.Result r = Cli.pipe(signed.stdout(), "verify", "--vkey", other[2]);

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.stdout()).isEmpty();
    assertThat(r.stderr()).isEqualTo("tlog: note does not verify: note has no signature by a known key\n");
  }

  @Test
  void verifyRejectsATamperedNote() throws IOException {
    String[] key = keygen("signer");
    String signed = Cli.pipe("pay 10\n", "sign", "--skey", key[0]).out();

    Cli.Result r = Cli.pipe(signed.replace("pay 10", "pay 99"), "verify", "--vkey", key[2]);

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.stdout()).isEmpty();
    assertThat(r.stderr()).startsWith("tlog: note does not verify: invalid signature");
  }

  @Test
  void verifyRejectsAKnownKeyThatSignedBadlyEvenNextToAGoodOne() throws IOException {
    String[] a = keygen("A");
    String[] b = keygen("B");
    String byA = Cli.pipe("text\n", "sign", "--skey", a[0]).out();
    String byB = Cli.pipe("other text\n", "sign", "--skey", b[0]).out();
    String bLine = byB.substring(byB.indexOf('\u2014'));

    Cli.Result r = Cli.pipe(byA + bLine, "verify", "--vkey", a[2], "--vkey", b[2]);

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.stderr()).contains("invalid signature by known key B");
  }
}
