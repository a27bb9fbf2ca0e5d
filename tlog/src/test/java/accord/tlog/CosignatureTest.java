package accord.tlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** tlog-cosignature/v1 (type 0x04) against the generated vector, byte for byte. */
class CosignatureTest {
  private JsonNode v;
  private Checkpoint checkpoint;
  private long time;

  @BeforeEach
  void load() {
    v = SharedVectors.json("generated-cosignature/cosignature-v1-ed25519.json");
    checkpoint = Checkpoint.parse(v.get("checkpoint_body").asText());
    time = v.get("timestamp").asLong();
  }

  @Test
  void keysAndKeyIds() {
    String vkey01 = v.get("vkey_type01").asText();
    String vkey04 = v.get("vkey_cosignature_type04").asText();
    assertThat(NoteKeys.signer(v.get("skey_type01").asText()).vkey()).isEqualTo(vkey01);
    assertThat(NoteKeys.cosignatureVkey(vkey01)).isEqualTo(vkey04);
    Cosignature.Signer signer = Cosignature.Signer.fromSkey(v.get("skey_type01").asText());
    assertThat(signer.vkey()).isEqualTo(vkey04);
    assertThat(NoteKeys.hexId(signer.keyId())).isEqualTo(v.get("key_id_type04_hex").asText());
    Cosignature.Verifier fromType04 = Cosignature.Verifier.of(vkey04);
    Cosignature.Verifier fromType01 = Cosignature.Verifier.of(vkey01);
    assertThat(NoteKeys.hexId(fromType04.keyId())).isEqualTo("9b3fb2d5");
    assertThat(fromType01.keyId()).isEqualTo(fromType04.keyId());
    assertThat(fromType01.publicKey()).isEqualTo(fromType04.publicKey());
    // A cosignature key is not a note key.
    assertThatThrownBy(() -> NoteKeys.verifier(vkey04)).isInstanceOf(FormatException.class);
    assertThatThrownBy(() -> NoteKeys.cosignatureVkey(vkey04)).isInstanceOf(FormatException.class);
  }

  @Test
  void signedMessageAndLineByteForByte() {
    assertThat(new String(Cosignature.message(time, checkpoint.text()), StandardCharsets.UTF_8))
        .isEqualTo(v.get("signed_message").asText());
    Cosignature.Signer signer = Cosignature.Signer.fromSkey(v.get("skey_type01").asText());
    NoteSignature sig = signer.cosign(checkpoint, time);
    assertThat(sig.line()).isEqualTo(v.get("cosignature_line").asText());
    assertThat(sig.signature()).hasSize(8 + 64);
    assertThat(ByteBuffer.wrap(sig.signature()).getLong()).isEqualTo(time);
  }

  @Test
  void verifiesAndReadsTheTimestamp() {
    Cosignature.Verifier w = Cosignature.Verifier.of(v.get("vkey_cosignature_type04").asText());
    Note n = cosigned(v.get("cosignature_line").asText());
    assertThat(w.timestamp(n)).isEqualTo(1679315147L);
    Note.Verified opened = Note.open(n.bytes(), NoteVerifiers.of(w));
    assertThat(opened.signedBy("Wit1", w.keyId())).isTrue();
    assertThat(w.verify(n.textBytes(), n.signatures().get(0).signature())).isTrue();
  }

  @Test
  void timestampIsMinusOneWithoutACosignature() {
    Cosignature.Verifier w = Cosignature.Verifier.of(v.get("vkey_cosignature_type04").asText());
    NoteKeys.Ed25519Signer log = new NoteKeys.Ed25519Signer("example.com/behind-the-sofa", new byte[32]);
    Note n = Note.of(checkpoint.text()).sign(log);
    assertThat(w.timestamp(n)).isEqualTo(-1);
  }

  @Test
  void wrongTimeFails() {
    Cosignature.Verifier w = Cosignature.Verifier.of(v.get("vkey_cosignature_type04").asText());
    NoteSignature good = Note.parse(checkpoint.text() + "\n" + v.get("cosignature_line").asText() + "\n")
        .signatures().get(0);
    for (long t : new long[] {time + 1, time - 1, 0, time ^ (1L << 40)}) {
      byte[] sig = good.signature().clone();
      ByteBuffer.wrap(sig).putLong(t);
      Note n = new Note(checkpoint.text(), List.of(new NoteSignature("Wit1", w.keyId(), sig)));
      assertThat(w.verify(n.textBytes(), sig)).as("time %d", t).isFalse();
      assertThatThrownBy(() -> w.timestamp(n)).isInstanceOf(VerificationException.class);
      assertThatThrownBy(() -> Note.open(n.bytes(), NoteVerifiers.of(w)))
          .isInstanceOf(VerificationException.class);
    }
  }

  @Test
  void alteredCheckpointFails() {
    Cosignature.Verifier w = Cosignature.Verifier.of(v.get("vkey_cosignature_type04").asText());
    byte[] sig = Note.parse(checkpoint.text() + "\n" + v.get("cosignature_line").asText() + "\n")
        .signatures().get(0).signature();
    for (Checkpoint other : List.of(
        new Checkpoint(checkpoint.origin(), checkpoint.size() + 1, checkpoint.root()),
        new Checkpoint("example.com/behind-the-couch", checkpoint.size(), checkpoint.root()),
        new Checkpoint(checkpoint.origin(), checkpoint.size(), Hash.emptyRoot()),
        new Checkpoint(checkpoint.origin(), checkpoint.size(), checkpoint.root(), List.of("ext")))) {
      assertThat(w.verify(other.text().getBytes(StandardCharsets.UTF_8), sig)).as(other.text()).isFalse();
    }
    byte[] flipped = sig.clone();
    flipped[8 + 5] ^= 0x10;
    assertThat(w.verify(checkpoint.text().getBytes(StandardCharsets.UTF_8), flipped)).isFalse();
    assertThat(w.verify(checkpoint.text().getBytes(StandardCharsets.UTF_8), Arrays.copyOf(sig, 71)))
        .isFalse();
  }

  @Test
  void aCosignatureIsNotALogSignature() {
    // The same Ed25519 key under type 0x01 has another key ID, so the lines never match.
    NoteVerifier asNoteKey = NoteKeys.verifier(v.get("vkey_type01").asText());
    Note n = cosigned(v.get("cosignature_line").asText());
    assertThatThrownBy(() -> Note.open(n.bytes(), NoteVerifiers.of(asNoteKey)))
        .isInstanceOf(VerificationException.class).hasMessageContaining("no signature by a known key");
  }

  @Test
  void freshCosignaturesRoundTrip() {
    Cosignature.Signer s = new Cosignature.Signer("witness.example", new byte[32]);
    Cosignature.Verifier w = Cosignature.Verifier.of(s.vkey());
    for (long t : new long[] {0, 1, 1_700_000_000L, Long.MAX_VALUE}) {
      Note n = new Note(checkpoint.text(), List.of(s.cosign(checkpoint, t)));
      assertThat(w.timestamp(Note.parse(n.bytes()))).isEqualTo(t);
    }
  }

  private Note cosigned(String line) {
    return Note.parse(checkpoint.text() + "\n" + line + "\n");
  }
}
