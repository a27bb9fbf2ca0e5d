package accord.tlog;

import static accord.tlog.TestBytes.concat;
import static accord.tlog.TestBytes.utf8;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Strict checkpoint parsing, sigstore's checkpoint samples and a real Rekor v2 checkpoint. */
class CheckpointTest {
  private static final String ROOT = "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=";

  @Test
  void parsesAndRoundTrips() {
    String text = "example.com/behind-the-sofa\n20852163\n" + ROOT + "\n";
    Checkpoint c = Checkpoint.parse(text);
    assertThat(c.origin()).isEqualTo("example.com/behind-the-sofa");
    assertThat(c.size()).isEqualTo(20852163L);
    assertThat(Hash.toBase64(c.root())).isEqualTo(ROOT);
    assertThat(c.extensions()).isEmpty();
    assertThat(c.text()).isEqualTo(text);
    assertThat(Checkpoint.parse(c.text())).isEqualTo(c);
  }

  @Test
  void extensionLinesAreKeptInOrder() {
    String text = "o\n0\n" + Hash.toBase64(Hash.emptyRoot()) + "\nTimestamp: 1\nsecond ext\n";
    Checkpoint c = Checkpoint.parse(text);
    assertThat(c.size()).isZero();
    assertThat(c.extensions()).containsExactly("Timestamp: 1", "second ext");
    assertThat(c.text()).isEqualTo(text);
    assertThat(c).isNotEqualTo(Checkpoint.parse("o\n0\n" + Hash.toBase64(Hash.emptyRoot()) + "\n"));
  }

  @Test
  void largestSizeParses() {
    Checkpoint c = Checkpoint.parse("o\n9223372036854775807\n" + ROOT + "\n");
    assertThat(c.size()).isEqualTo(Long.MAX_VALUE);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "00", "01", "007", "-1", "-0", "+1", " 1", "1 ", "1.0", "1e3", "0x10", "abc", "",
      "9223372036854775808",  // 2^63
      "18446744073709551615", // 2^64 - 1
      "99999999999999999999",
      "\u0661\u0662",         // Arabic-Indic digits
      "\uff11",               // fullwidth 1
  })
  void badSizesAreRejected(String size) {
    assertThatThrownBy(() -> Checkpoint.parse("o\n" + size + "\n" + ROOT + "\n"))
        .isInstanceOf(FormatException.class);
  }

  @Test
  void badRootsAreRejected() {
    byte[] h = Base64.getDecoder().decode(ROOT);
    for (String root : List.of(
        ROOT.substring(0, ROOT.length() - 1),                  // no padding
        ROOT.substring(0, ROOT.length() - 2) + "J=",           // stray bits in the last digit
        ROOT.substring(0, ROOT.length() - 2) + "K=",
        Base64.getEncoder().encodeToString(Arrays.copyOf(h, 31)),
        Base64.getEncoder().encodeToString(Arrays.copyOf(h, 33)),
        Base64.getUrlEncoder().encodeToString(new byte[] {-1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
            -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1}),
        Hash.toHex(h),
        " " + ROOT,
        ROOT + " ",
        "")) {
      assertThatThrownBy(() -> Checkpoint.parse("o\n1\n" + root + "\n")).as(root)
          .isInstanceOf(FormatException.class);
    }
    // The canonical form of the same bytes still parses; the stray-bit forms decode to it.
    assertThat(Base64.getDecoder().decode(ROOT.substring(0, ROOT.length() - 2) + "J=")).isEqualTo(h);
  }

  @Test
  void missingAndEmptyLinesAreRejected() {
    for (String text : List.of(
        "",
        "\n",
        "o\n",
        "o\n1\n",
        "o\n1\n\n",
        "\n1\n" + ROOT + "\n",            // empty origin
        "o\n\n" + ROOT + "\n",            // empty size
        "o\n1\n" + ROOT + "\n\n",         // empty extension line
        "o\n1\n" + ROOT + "\n\next\n",
        "o\n1\n" + ROOT,                  // no final newline
        "o\n1\n" + ROOT + "\next",        // extension without final newline
        "o\n1\n" + ROOT + "\r\n")) {
      assertThatThrownBy(() -> Checkpoint.parse(text)).as(text.replace("\n", "\\n"))
          .isInstanceOf(FormatException.class);
    }
  }

  @Test
  void constructorKeepsTheSameRules() {
    byte[] root = Hash.emptyRoot();
    assertThatThrownBy(() -> new Checkpoint("", 0, root)).isInstanceOf(FormatException.class);
    assertThatThrownBy(() -> new Checkpoint("a\nb", 0, root)).isInstanceOf(FormatException.class);
    assertThatThrownBy(() -> new Checkpoint("o", -1, root)).isInstanceOf(FormatException.class);
    assertThatThrownBy(() -> new Checkpoint("o", 0, new byte[31])).isInstanceOf(FormatException.class);
    assertThatThrownBy(() -> new Checkpoint("o", 0, root, List.of("")))
        .isInstanceOf(FormatException.class);
    assertThatThrownBy(() -> new Checkpoint("o", 0, root, List.of("a\nb")))
        .isInstanceOf(FormatException.class);
    Checkpoint c = new Checkpoint("o", 5, root, List.of("x"));
    assertThat(Checkpoint.parse(c.text())).isEqualTo(c);
  }

  @Test
  void signedCheckpointOpensOnlyWithTheLogKey() {
    NoteKeys.Ed25519Signer log = new NoteKeys.Ed25519Signer("log.example", new byte[32]);
    NoteKeys.Ed25519Signer other = new NoteKeys.Ed25519Signer("log.example", filled(7));
    Checkpoint c = new Checkpoint("log.example", 3, Hash.emptyRoot());
    byte[] note = Note.of(c.text()).sign(log).bytes();
    Checkpoint.Signed s = Checkpoint.open(note, NoteKeys.verifier(log.vkey()));
    assertThat(s.checkpoint()).isEqualTo(c);
    assertThat(s.note().bytes()).isEqualTo(note);
    assertThatThrownBy(() -> Checkpoint.open(note, NoteKeys.verifier(other.vkey())))
        .isInstanceOf(VerificationException.class);
    byte[] notACheckpoint = Note.of("hello\n").sign(log).bytes();
    assertThatThrownBy(() -> Checkpoint.open(notACheckpoint, NoteKeys.verifier(log.vkey())))
        .isInstanceOf(FormatException.class);
  }

  // sigstore-java's checkpoint samples. Their signatures are ECDSA (type 0x02), which Accord does
  // not verify, so only the note and checkpoint structure is checked.

  @Test
  void sigstoreValidCheckpoints() {
    Checkpoint c = sigstore("valid.txt");
    assertThat(c.origin()).isEqualTo("rekor.sigstore.dev - 2605736670972794746");
    assertThat(c.size()).isEqualTo(37795272L);
    assertThat(Hash.toBase64(c.root())).isEqualTo("60ll7idWI1jYRZzxc+jKflYoW+4jWxgZaGR15ASsWt4=");
    assertThat(c.extensions()).containsExactly("Timestamp: 1697034484441201852");

    Note multi = Note.parse(SharedVectors.bytes("sigstore-java/samples/checkpoints/valid_multi_sig.txt"));
    assertThat(multi.signatures()).extracting(NoteSignature::name)
        .containsExactly("rekor.sigstore.dev", "bob.loblaw.dev");
    assertThat(Checkpoint.parse(multi.text())).isEqualTo(c);
  }

  @Test
  void sigstoreErrorCheckpointsFail() throws IOException {
    List<String> noteLevel = new ArrayList<>();
    List<String> checkpointLevel = new ArrayList<>();
    for (Path f : sigstoreFiles()) {
      String name = f.getFileName().toString();
      if (!name.startsWith("error_")) {
        continue;
      }
      byte[] msg = Files.readAllBytes(f);
      Note n;
      try {
        n = Note.parse(msg);
      } catch (FormatException e) {
        noteLevel.add(name);
        continue;
      }
      assertThatThrownBy(() -> Checkpoint.parse(n.text())).as(name).isInstanceOf(FormatException.class);
      checkpointLevel.add(name);
    }
    assertThat(noteLevel).containsExactlyInAnyOrder(
        "error_header_body_separator.txt",
        "error_no_newline_after_signature.txt",
        "error_no_signatures.txt",
        "error_signature_format_invalid.txt",
        "error_signature_length_insufficient.txt");
    assertThat(checkpointLevel).containsExactlyInAnyOrder(
        "error_header_count.txt", "error_not_a_number.txt");
  }

  @Test
  void sigstoreSamplesRoundTrip() throws IOException {
    for (Path f : sigstoreFiles()) {
      if (f.getFileName().toString().startsWith("valid")) {
        byte[] msg = Files.readAllBytes(f);
        assertThat(Note.parse(msg).bytes()).as(f.toString()).isEqualTo(msg);
      }
    }
  }

  /** A real Rekor v2 (tiles) staging checkpoint: Ed25519, C2SP key ID, RFC 6962 inclusion. */
  @Test
  void rekorV2CheckpointAndInclusion() {
    JsonNode v = SharedVectors.json("sigstore-java/rekor-v2-derived-vector.json");
    // The log key is given as an SPKI; the vkey is derived the C2SP way from its raw 32 bytes.
    byte[] spki = SharedVectors.b64(v.get("log_public_key_spki_b64"));
    assertThat(Arrays.copyOf(spki, 12)).isEqualTo(SharedVectors.hex("302a300506032b6570032100"));
    byte[] pub = Arrays.copyOfRange(spki, 12, spki.length);
    String origin = "log2025-alpha1.rekor.sigstage.dev";
    String vkey = NoteKeys.vkey(origin, NoteKeys.ALG_ED25519, pub);
    assertThat(vkey).isEqualTo(v.get("derived_vkey").asText());
    assertThat(NoteKeys.hexId(NoteKeys.keyId(origin, NoteKeys.ALG_ED25519, pub))).isEqualTo("f30d5a99");
    // Rekor's log ID is the full SHA-256 whose first 4 bytes are the key ID.
    byte[] full = Hash.sha256(concat(utf8(origin + "\n"), new byte[] {1}, pub));
    assertThat(full).isEqualTo(
        SharedVectors.b64(v.get("logId_keyId_b64_equals_full_sha256_of(name||0x0A||0x01||pub)")));

    byte[] note = utf8(v.get("checkpoint").asText());
    Checkpoint.Signed s = Checkpoint.open(note, NoteKeys.verifier(vkey));
    Checkpoint c = s.checkpoint();
    assertThat(c.origin()).isEqualTo(origin);
    assertThat(c.size()).isEqualTo(v.get("tree_size").asLong()).isEqualTo(744);
    assertThat(c.root()).isEqualTo(SharedVectors.b64(v.get("root_hash_b64")));
    assertThat(s.note().bytes()).isEqualTo(note);

    byte[] leaf = Hash.leaf(SharedVectors.b64(v.get("canonicalized_body_b64")));
    assertThat(leaf).isEqualTo(SharedVectors.b64(v.get("leaf_hash_b64")));
    List<byte[]> proof = new ArrayList<>();
    v.get("proof_b64").forEach(h -> proof.add(SharedVectors.b64(h)));
    assertThat(proof).hasSize(7);
    long index = v.get("leaf_index").asLong();
    ProofVerifier.verifyInclusion(leaf, index, c.size(), proof, c.root());
    assertThatThrownBy(() -> ProofVerifier.verifyInclusion(leaf, index - 1, c.size(), proof, c.root()))
        .isInstanceOf(VerificationException.class);

    // A flipped bit anywhere in the signed note breaks the log signature.
    byte[] tampered = note.clone();
    tampered[origin.length() + 2] ^= 1; // the size line "744" becomes "754"
    assertThatThrownBy(() -> Checkpoint.open(tampered, NoteKeys.verifier(vkey)))
        .isInstanceOf(VerificationException.class);
  }

  @Test
  void rekorV1InclusionKnownAnswer() {
    JsonNode k = SharedVectors.json("sigstore-java/rekor-v2-derived-vector.json").get("rekor_v1_inclusion_kat");
    List<byte[]> proof = new ArrayList<>();
    k.get("proof_hex").forEach(h -> proof.add(SharedVectors.hex(h.asText())));
    byte[] leaf = SharedVectors.hex(k.get("leaf_hash_hex").asText());
    byte[] root = SharedVectors.hex(k.get("root_hex").asText());
    long index = k.get("leaf_index").asLong();
    long size = k.get("tree_size").asLong();
    assertThat(ProofVerifier.rootFromInclusion(leaf, index, size, proof)).isEqualTo(root);
    ProofVerifier.verifyInclusion(leaf, index, size, proof, root);
    assertThatThrownBy(() -> ProofVerifier.verifyInclusion(leaf, index, size * 2, proof, root))
        .isInstanceOf(VerificationException.class);
    assertThatThrownBy(() -> ProofVerifier.verifyInclusion(leaf, index, size / 2, proof, root))
        .isInstanceOf(VerificationException.class);
    assertThatThrownBy(() -> ProofVerifier.verifyInclusion(leaf, index + 1, size, proof, root))
        .isInstanceOf(VerificationException.class);
    // RFC 9162 binds the size through the root only: trees of sizes 14358 and 14359 give leaf 1227
    // the same path shape, so the same proof and root also "verify" at size 14359. This is why
    // size and root must come together from one signed checkpoint.
    ProofVerifier.verifyInclusion(leaf, index, size + 1, proof, root);
  }

  @Test
  void hashChildrenKnownAnswer() {
    JsonNode k = SharedVectors.json("sigstore-java/rekor-v2-derived-vector.json").get("hash_children_kat");
    assertThat(Hash.toHex(Hash.node(SharedVectors.hex(k.get("left").asText()),
        SharedVectors.hex(k.get("right").asText())))).isEqualTo(k.get("parent").asText());
  }

  private static Checkpoint sigstore(String file) {
    Note n = Note.parse(SharedVectors.bytes("sigstore-java/samples/checkpoints/" + file));
    return Checkpoint.parse(n.text());
  }

  private static List<Path> sigstoreFiles() {
    Path dir = SharedVectors.path("sigstore-java/samples/checkpoints");
    try (Stream<Path> s = Files.list(dir)) {
      List<Path> files = s.sorted().toList();
      assertThat(files).hasSize(9);
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] filled(int b) {
    byte[] s = new byte[32];
    Arrays.fill(s, (byte) b);
    return s;
  }


}
