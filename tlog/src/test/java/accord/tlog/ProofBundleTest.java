package accord.tlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProofBundleTest {
  private static final String ORIGIN = "example.org/accord/proof-test";
  private static final NoteKeys.Ed25519Signer LOG = NoteKeys.signer(NoteKeys.generate(ORIGIN)[0]);
  private static final NoteVerifier LOG_KEY = NoteKeys.verifier(LOG.vkey());
  private static final Cosignature.Signer WITNESS = new Cosignature.Signer("witness.example", Ed25519.newSeed());

  private static byte[] entry(long i) {
    return ("entry " + i).getBytes(StandardCharsets.UTF_8);
  }

  /** A log of {@code size} entries and a cosigned proof for entry {@code index}. */
  private static ProofBundle proof(long size, long index, byte[] extra) {
    MemoryHashStore store = new MemoryHashStore();
    CompactRange tree = new CompactRange();
    for (long i = 0; i < size; i++) {
      tree.append(Hash.leaf(entry(i)), store);
    }
    Checkpoint c = new Checkpoint(ORIGIN, size, tree.root());
    Note note = Note.of(c.text()).sign(LOG);
    note = new Note(note.text(), append(note.signatures(), WITNESS.cosign(c, 1_700_000_000L)));
    return new ProofBundle(extra, index, Proofs.inclusion(index, size, store), note.format());
  }

  private static List<NoteSignature> append(List<NoteSignature> l, NoteSignature s) {
    List<NoteSignature> out = new ArrayList<>(l);
    out.add(s);
    return out;
  }

  @Test
  void formatsTheSpecLayout() {
    ProofBundle p = proof(5, 2, "hi".getBytes(StandardCharsets.UTF_8));
    String[] lines = p.format().split("\n", -1);
    assertThat(lines[0]).isEqualTo("c2sp.org/tlog-proof@v1");
    assertThat(lines[1]).isEqualTo("extra aGk=");
    assertThat(lines[2]).isEqualTo("index 2");
    assertThat(lines[3]).hasSize(44);
    assertThat(lines[4]).hasSize(44);
    assertThat(lines[5]).hasSize(44);
    assertThat(lines[6]).isEmpty();
    assertThat(lines[7]).isEqualTo(ORIGIN);
    assertThat(lines[8]).isEqualTo("5");
    assertThat(p.format()).endsWith(p.signedCheckpoint());
    assertThat(proof(5, 2, null).format()).startsWith("c2sp.org/tlog-proof@v1\nindex 2\n");
  }

  @Test
  void roundTripsAndVerifies() {
    for (long size : new long[] {1, 2, 3, 8, 1000}) {
      for (long index : new long[] {0, size / 2, size - 1}) {
        ProofBundle p = proof(size, index, null);
        ProofBundle q = ProofBundle.parse(p.bytes());
        assertThat(q).isEqualTo(p);
        assertThat(q.format()).isEqualTo(p.format());
        assertThat(q.index()).isEqualTo(index);
        assertThat(q.proof()).hasSize(p.proof().size());
        Checkpoint.Signed signed = q.verify(entry(index), ORIGIN, LOG_KEY);
        assertThat(signed.checkpoint().size()).isEqualTo(size);
        assertThat(Cosignature.Verifier.of(WITNESS.vkey()).timestamp(signed.note())).isEqualTo(1_700_000_000L);
      }
    }
    ProofBundle withExtra = ProofBundle.parse(proof(9, 4, new byte[] {0, 1, 2}).bytes());
    assertThat(withExtra.extra()).containsExactly(0, 1, 2);
  }

  @Test
  void refusesWhatDoesNotCheckOut() {
    ProofBundle p = proof(1000, 417, null);
    assertThatThrownBy(() -> p.verify(entry(418), ORIGIN, LOG_KEY))
        .isInstanceOf(VerificationException.class)
        .hasMessageContaining("different root");
    assertThatThrownBy(() -> p.verify(entry(417), "example.org/other", LOG_KEY))
        .isInstanceOf(VerificationException.class)
        .hasMessageContaining("origin");
    NoteVerifier stranger = NoteKeys.verifier(NoteKeys.generate(ORIGIN)[1]);
    assertThatThrownBy(() -> p.verify(entry(417), ORIGIN, stranger))
        .isInstanceOf(VerificationException.class)
        .hasMessageContaining("no signature by a known key");
    ProofBundle wrongIndex = new ProofBundle(null, 416, p.proof(), p.signedCheckpoint());
    assertThatThrownBy(() -> wrongIndex.verify(entry(417), ORIGIN, LOG_KEY)).isInstanceOf(VerificationException.class);
    ProofBundle outside = new ProofBundle(null, 1000, p.proof(), p.signedCheckpoint());
    assertThatThrownBy(() -> outside.verify(entry(417), ORIGIN, LOG_KEY)).isInstanceOf(VerificationException.class);
  }

  /** A real Rekor v2 entry from a tiled log, with its 7-hash proof, written as a tlog-proof. */
  @Test
  void rekorV2KnownAnswer() {
    JsonNode v = SharedVectors.json("sigstore-java/rekor-v2-derived-vector.json");
    StringBuilder sb = new StringBuilder("c2sp.org/tlog-proof@v1\nindex " + v.get("leaf_index").asLong() + "\n");
    v.get("proof_b64").forEach(h -> sb.append(h.asText()).append('\n'));
    sb.append('\n').append(v.get("checkpoint").asText());
    byte[] entry = Base64.getDecoder().decode(v.get("canonicalized_body_b64").asText());
    NoteVerifier key = NoteKeys.verifier(v.get("derived_vkey").asText());
    String origin = key.name();

    ProofBundle p = ProofBundle.parse(sb.toString());
    assertThat(p.format()).isEqualTo(sb.toString());
    assertThat(p.verify(entry, origin, key).checkpoint().size()).isEqualTo(v.get("tree_size").asLong());
    assertThat(p.verifyLeafHash(SharedVectors.b64(v.get("leaf_hash_b64")), origin, key)).isNotNull();
    entry[10] ^= 1;
    assertThatThrownBy(() -> p.verify(entry, origin, key)).isInstanceOf(VerificationException.class);
  }

  private static final String HASH = "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=";

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "c2sp.org/tlog-proof@v2\\nindex 0\\n                  | line 1 must be c2sp.org/tlog-proof@v1",
        "\\nindex 0\\n                                        | line 1 must be",
        "c2sp.org/tlog-proof@v1\\n                          | line 2 must be \"index <N>\"",
        "c2sp.org/tlog-proof@v1\\nextra aGk=\\n              | line 3 must be \"index <N>\"",
        "c2sp.org/tlog-proof@v1\\nindex 01\\n                | line 2: index must be a decimal without leading zeros",
        "c2sp.org/tlog-proof@v1\\nindex -1\\n                | line 2: index must be",
        "c2sp.org/tlog-proof@v1\\nindex  1\\n                | line 2: index must be",
        "c2sp.org/tlog-proof@v1\\nindex 1 \\n                | line 2: index must be",
        "c2sp.org/tlog-proof@v1\\nindex 9223372036854775808\\n | line 2: index is too large",
        "c2sp.org/tlog-proof@v1\\nindex 1\\r\\n              | line 2: index must be",
        "c2sp.org/tlog-proof@v1\\nextra \\nindex 1\\n        | line 2: extra data is not base64",
        "c2sp.org/tlog-proof@v1\\nextra aGk\\nindex 1\\n     | line 2: extra data is not base64",
        "c2sp.org/tlog-proof@v1\\nextra aGl=\\nindex 1\\n    | line 2: extra data is not canonical base64",
        "c2sp.org/tlog-proof@v1\\nindex 1\\nextra aGk=\\n    | line 3: proof hash is not valid base64",
        "c2sp.org/tlog-proof@v1\\nindex 1\\nAAAA\\n          | line 3: proof hash has 3 bytes, want 32",
        "c2sp.org/tlog-proof@v1\\nindex 1\\n" + HASH + " \\n | line 3: proof hash is not valid base64",
        "c2sp.org/tlog-proof@v1\\nindex 1\\n" + HASH + " | line 4: proof hash is not valid base64",
      })
  void rejectsMalformedHeaders(String head, String problem) {
    // The CSV cannot hold newlines, so they are written \n and \r.
    String text = head.replace("\\n", "\n").replace("\\r", "\r") + "\n" + checkpointNote();
    assertThatThrownBy(() -> ProofBundle.parse(text))
        .isInstanceOf(FormatException.class)
        .hasMessageStartingWith("tlog-proof: ")
        .hasMessageContaining(problem);
  }

  private static String checkpointNote() {
    return proof(3, 1, null).signedCheckpoint();
  }

  @Test
  void rejectsMalformedBodies() {
    String head = "c2sp.org/tlog-proof@v1\nindex 0\n";
    assertThatThrownBy(() -> ProofBundle.parse(head))
        .isInstanceOf(FormatException.class)
        .hasMessageContaining("line 3: no blank line before the checkpoint");
    assertThatThrownBy(() -> ProofBundle.parse(head + "\n" + ORIGIN + "\n3\n" + HASH + "\n"))
        .isInstanceOf(FormatException.class)
        .hasMessageContaining("checkpoint from line 4: malformed note");
    assertThatThrownBy(() -> ProofBundle.parse(head + "\n" + "not a checkpoint\n\n— a AAAAAAAA\n"))
        .isInstanceOf(FormatException.class)
        .hasMessageContaining("checkpoint from line 4: checkpoint: want origin, size and root lines");
    assertThatThrownBy(() -> ProofBundle.parse(new byte[] {'c', (byte) 0xff}))
        .isInstanceOf(FormatException.class)
        .hasMessage("tlog-proof: not valid UTF-8");
    StringBuilder many = new StringBuilder(head);
    for (int i = 0; i < 64; i++) {
      many.append(HASH).append('\n');
    }
    assertThatThrownBy(() -> ProofBundle.parse(many + "\n" + checkpointNote()))
        .isInstanceOf(FormatException.class)
        .hasMessageContaining("more than 63 proof hashes");
    StringBuilder max = new StringBuilder(head);
    for (int i = 0; i < 63; i++) {
      max.append(HASH).append('\n');
    }
    assertThat(ProofBundle.parse(max + "\n" + checkpointNote()).proof()).hasSize(63);
  }
}
