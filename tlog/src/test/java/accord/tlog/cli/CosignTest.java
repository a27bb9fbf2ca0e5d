package accord.tlog.cli;

import static org.assertj.core.api.Assertions.assertThat;

import accord.tlog.Cosignature;
import accord.tlog.Note;
import accord.tlog.NoteKeys;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CosignTest {
  @TempDir Path dir;
  JsonNode v;
  String witnessKey;

  @BeforeEach
  void vector() throws IOException {
    v = Vectors.json("generated-cosignature/cosignature-v1-ed25519.json");
    Path p = dir.resolve("wit1.key");
    Files.writeString(p, v.get("skey_type01").asText() + "\n");
    witnessKey = p.toString();
  }

  /** The checkpoint body signed by a fresh log key, as a log would publish it. */
  private String signedCheckpoint() throws IOException {
    String[] log = NoteKeys.generate("example.com/behind-the-sofa");
    Path k = dir.resolve("log.key");
    Files.writeString(k, log[0]);
    return Cli.pipe(v.get("checkpoint_body").asText(), "sign", "--skey", k.toString()).out();
  }

  @Test
  void cosignsABareCheckpointLikeTheVector() {
    Cli.Result r =
        Cli.pipe(v.get("checkpoint_body").asText(), "cosign", "--skey", witnessKey, "--time", "1679315147");
    assertThat(r.stderr()).isEmpty();
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo(v.get("cosignature_line").asText() + "\n");
  }

  @Test
  void cosignsASignedCheckpointNoteLikeTheVector() throws IOException {
    Cli.Result r = Cli.pipe(signedCheckpoint(), "cosign", "--skey", witnessKey, "--time=1679315147");
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo(v.get("cosignature_line").asText() + "\n");
  }

  @Test
  void theTimeDefaultsToNow() throws IOException {
    long before = System.currentTimeMillis() / 1000;
    Cli.Result r = Cli.pipe(signedCheckpoint(), "cosign", "--skey", witnessKey);
    long after = System.currentTimeMillis() / 1000;
    assertThat(r.code()).isZero();

    Note cosigned = Note.parse(signedCheckpoint().trim() + "\n" + r.out());
    long t = Cosignature.Verifier.of(v.get("vkey_type01").asText()).timestamp(cosigned);
    assertThat(t).isBetween(before, after);
  }

  @Test
  void verifyAcceptsTheCosignatureUnderTheWitnessKey() throws IOException {
    String note = signedCheckpoint();
    String line = Cli.pipe(note, "cosign", "--skey", witnessKey, "--time", "5").out();

    Cli.Result r = Cli.pipe(note + line, "verify", "--vkey", v.get("vkey_cosignature_type04").asText());
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo(v.get("checkpoint_body").asText());

    // The same key as a plain note key (type 0x01) did not sign this note.
    assertThat(Cli.pipe(note + line, "verify", "--vkey", v.get("vkey_type01").asText()).code())
        .isEqualTo(1);
  }
}
