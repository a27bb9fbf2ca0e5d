package accord.tlog;

import static accord.tlog.TestBytes.concat;
import static accord.tlog.TestBytes.utf8;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Signed notes against golang.org/x/mod/sumdb/note (known answer, second signer, bad keys, the
 * malformed messages of its TestOpen) and the C2SP signed-note example and rules.
 */
class NoteVectorsTest {
  private JsonNode kat;
  private JsonNode second;
  private String text;
  private String peterLine; // "— PeterNeumann <b64>", no newline
  private NoteVerifier peter;
  private NoteVerifier enoch;

  @BeforeEach
  void load() {
    JsonNode go = SharedVectors.json("golang-mod-sumdb/note-and-tlog-vectors.json");
    kat = go.get("note_sign_kat");
    second = go.get("note_second_signer");
    text = kat.get("text").asText();
    String signed = kat.get("signed_note").asText();
    peterLine = signed.substring(text.length() + 1, signed.length() - 1);
    peter = NoteKeys.verifier(kat.get("vkey").asText());
    enoch = NoteKeys.verifier(second.get("vkey").asText());
  }

  @Test
  void signingReproducesTheKnownAnswerByteForByte() {
    NoteKeys.Ed25519Signer signer = NoteKeys.signer(kat.get("skey").asText());
    assertThat(signer.vkey()).isEqualTo(kat.get("vkey").asText());
    assertThat(NoteKeys.hexId(signer.keyId())).isEqualTo("c74f20a3");
    byte[] signed = Note.of(text).sign(signer).bytes();
    assertThat(new String(signed, StandardCharsets.UTF_8)).isEqualTo(kat.get("signed_note").asText());
  }

  @Test
  void knownAnswerOpensAndRoundTrips() {
    byte[] msg = utf8(kat.get("signed_note").asText());
    Note.Verified v = Note.open(msg, NoteVerifiers.of(peter));
    assertThat(v.note().text()).isEqualTo(text);
    assertThat(v.signedBy("PeterNeumann", 0xc74f20a3)).isTrue();
    assertThat(v.unverified()).isEmpty();
    assertThat(v.note().bytes()).isEqualTo(msg);
  }

  @Test
  void secondSignerIsIgnoredWhenUnknownAndVerifiedWhenKnown() {
    byte[] msg = utf8(text + "\n" + peterLine + "\n" + second.get("signature_line").asText() + "\n");

    Note.Verified onlyPeter = Note.open(msg, NoteVerifiers.of(peter));
    assertThat(onlyPeter.verified()).extracting(NoteSignature::name).containsExactly("PeterNeumann");
    assertThat(onlyPeter.unverified()).extracting(NoteSignature::name).containsExactly("EnochRoot");
    assertThat(onlyPeter.signedBy("EnochRoot", enoch.keyId())).isFalse();

    Note.Verified both = Note.open(msg, NoteVerifiers.of(peter, enoch));
    assertThat(both.verified()).extracting(NoteSignature::name)
        .containsExactly("PeterNeumann", "EnochRoot");
    assertThat(both.unverified()).isEmpty();

    Note.Verified onlyEnoch = Note.open(msg, NoteVerifiers.of(enoch));
    assertThat(onlyEnoch.verified()).extracting(NoteSignature::name).containsExactly("EnochRoot");
  }

  @Test
  void invalidVkeysAreRejected() {
    JsonNode go = SharedVectors.json("golang-mod-sumdb/note-and-tlog-vectors.json");
    assertThat(go.get("invalid_vkeys")).hasSize(2);
    for (JsonNode bad : go.get("invalid_vkeys")) {
      assertThatThrownBy(() -> NoteKeys.parseVkey(bad.get("vkey").asText()))
          .as(bad.get("why").asText()).isInstanceOf(FormatException.class);
      assertThatThrownBy(() -> NoteKeys.verifier(bad.get("vkey").asText()))
          .isInstanceOf(FormatException.class);
    }
  }

  @Test
  void otherBadVkeys() {
    String good = kat.get("vkey").asText(); // PeterNeumann+c74f20a3+ARpc...
    String key = good.substring(good.lastIndexOf('+') + 1);
    for (String bad : List.of(
        "",
        "PeterNeumann",
        "PeterNeumann+c74f20a3",
        "+c74f20a3+" + key,                          // empty name
        "Peter Neumann+c74f20a3+" + key,             // space in name
        "PeterNeumann+c74f20a+" + key,               // 7 hex digits
        "PeterNeumann+c74f20a3x+" + key,             // 9 characters
        "PeterNeumann+c74f20a4+" + key,              // ID does not match the key
        "PeterNeumann+c74f20a3+",                    // no key
        "PeterNeumann+c74f20a3+" + key.substring(1), // not base64 (length)
        "PeterNeumann+c74f20a3+" + key + "=",
        "Enoch+c74f20a3+" + key)) {                  // ID of another name
      assertThatThrownBy(() -> NoteKeys.parseVkey(bad)).as(bad).isInstanceOf(FormatException.class);
    }
    NoteKeys.PublicKey k = NoteKeys.parseVkey(good);
    assertThat(k.vkey()).isEqualTo(good);
    assertThat(k.alg()).isEqualTo(NoteKeys.ALG_ED25519);
    assertThat(k.key()).hasSize(32);
  }

  @Test
  void badSkeysAreRejected() {
    String skey = kat.get("skey").asText(); // PRIVATE+KEY+PeterNeumann+c74f20a3+AYEK...
    for (String bad : List.of(
        "",
        skey.replace("PRIVATE+KEY+", "PRIVATE+KEX+"),
        skey.replace("+c74f20a3+", "+c74f20a4+"),
        skey.replace("PeterNeumann", "EnochRoot"),
        skey.replace("+AYEK", "+AoEK"), // algorithm byte 0x02
        skey.substring(0, skey.length() - 4))) {
      assertThatThrownBy(() -> NoteKeys.signer(bad)).as(bad).isInstanceOf(FormatException.class);
    }
  }

  /** golang.org/x/mod/sumdb/note TestOpen's bad messages, one by one, plus the name rules. */
  @Test
  void malformedNotes() {
    String peterSig = peterLine + "\n";
    String b64 = peterLine.substring(peterLine.lastIndexOf(' ') + 1);
    List<String[]> cases = List.of(
        new String[] {"text without a blank line", text},
        new String[] {"blank line but no signature", text + "\n"},
        new String[] {"signature line without its final newline",
            text + "\n" + peterSig.substring(0, peterSig.length() - 1)},
        new String[] {"leading 0x01 control byte", "\u0001" + text + "\n" + peterSig},
        new String[] {"key name with a space", text + "\n" + "\u2014 Bad Name " + b64 + "\n"},
        new String[] {"key name with a no-break space", text + "\n\u2014 Bad\u00a0Name " + b64 + "\n"},
        new String[] {"key name with an ideographic space", text + "\n\u2014 Bad\u3000Name " + b64 + "\n"},
        new String[] {"key name with a plus", text + "\n\u2014 Bad+Name " + b64 + "\n"},
        new String[] {"empty key name", text + "\n\u2014  " + b64 + "\n"},
        new String[] {"trailing line that is not a signature",
            text + "\n" + peterSig + "Unexpected line.\n"},
        new String[] {"hyphen instead of em dash", text + "\n- PeterNeumann " + b64 + "\n"},
        new String[] {"no signature after the name", text + "\n\u2014 PeterNeumann\n"},
        new String[] {"empty signature", text + "\n\u2014 PeterNeumann \n"},
        new String[] {"signature without padding", text + "\n\u2014 PeterNeumann "
            + b64.substring(0, b64.length() - 1) + "\n"},
        new String[] {"signature of 4 bytes (key ID only)", text + "\n\u2014 PeterNeumann x08gow==\n"},
        new String[] {"carriage return", text.replace("\n", "\r\n") + "\n" + peterSig},
        new String[] {"tab in the text", "\t" + text + "\n" + peterSig});
    for (String[] c : cases) {
      assertThatThrownBy(() -> Note.parse(utf8(c[1]))).as(c[0]).isInstanceOf(FormatException.class);
      assertThatThrownBy(() -> Note.open(utf8(c[1]), NoteVerifiers.of(peter)))
          .as(c[0]).isInstanceOf(FormatException.class);
    }
    // Raw bytes that are not UTF-8.
    for (byte lead : new byte[] {(byte) 0xff, (byte) 0xc0, (byte) 0x80}) {
      byte[] msg = concat(new byte[] {lead}, utf8(text + "\n" + peterSig));
      assertThatThrownBy(() -> Note.parse(msg)).as("leading byte %02x", lead)
          .isInstanceOf(FormatException.class);
    }
    byte[] surrogate = concat(utf8(text), new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
        utf8("\n\n" + peterSig));
    assertThatThrownBy(() -> Note.parse(surrogate)).isInstanceOf(FormatException.class);
  }

  /** Signatures are canonical base64, so one signed note has exactly one byte form. */
  @Test
  void nonCanonicalSignatureBase64IsRejected() {
    String b64 = peterLine.substring(peterLine.lastIndexOf(' ') + 1); // 68 bytes: ends "AM="
    assertThat(b64).endsWith("M=");
    String stray = b64.substring(0, b64.length() - 2) + "N="; // same bytes, a stray low bit
    assertThat(java.util.Base64.getDecoder().decode(stray))
        .isEqualTo(java.util.Base64.getDecoder().decode(b64));
    assertThatThrownBy(() -> Note.parse(text + "\n\u2014 PeterNeumann " + stray + "\n"))
        .isInstanceOf(FormatException.class);
  }

  @Test
  void c2spExampleVerifies() {
    JsonNode ex = SharedVectors.json("c2sp-spec-examples/examples.json").get("signed_note_example");
    NoteVerifier v = NoteKeys.verifier(ex.get("vkey").asText());
    byte[] msg = utf8(ex.get("note").asText());
    Note.Verified n = Note.open(msg, NoteVerifiers.of(v));
    assertThat(n.note().text()).isEqualTo("This is an example message.\n");
    assertThat(n.signedBy("example.com/foo", 0x530d903a)).isTrue();
    assertThat(n.note().bytes()).isEqualTo(msg);
  }

  @Test
  void textMayHoldBlankLinesAndSplitsAtTheLastOne() {
    NoteKeys.Ed25519Signer s = signer("a.example/k", 1);
    String body = "first\n\nsecond\n\n";
    byte[] msg = Note.of(body).sign(s).bytes();
    Note.Verified v = Note.open(msg, NoteVerifiers.of(verifier(s)));
    assertThat(v.note().text()).isEqualTo(body);
  }

  @Test
  void sixteenAndEvenAHundredSignaturesAreAccepted() {
    for (int n : new int[] {16, 100}) {
      List<NoteKeys.Ed25519Signer> signers = signers(n);
      byte[] msg = Note.of(text).sign(signers.toArray(new NoteSigner[0])).bytes();
      List<NoteVerifier> all = new ArrayList<>();
      signers.forEach(s -> all.add(verifier(s)));
      Note.Verified v = Note.open(msg, new NoteVerifiers(all));
      assertThat(v.verified()).hasSize(n);
      assertThat(Note.open(msg, NoteVerifiers.of(all.get(n - 1))).unverified()).hasSize(n - 1);
    }
  }

  @Test
  void moreThanAHundredSignaturesAreRejected() {
    List<NoteKeys.Ed25519Signer> signers = signers(101);
    byte[] msg = Note.of(text).sign(signers.toArray(new NoteSigner[0])).bytes();
    assertThatThrownBy(() -> Note.parse(msg)).isInstanceOf(FormatException.class)
        .hasMessageContaining("100");
    assertThatThrownBy(() -> Note.open(msg, NoteVerifiers.of(verifier(signers.get(0)))))
        .isInstanceOf(FormatException.class);
  }

  @Test
  void failingSignatureByAKnownKeyRejectsTheNote() {
    byte[] sig = Note.parse(kat.get("signed_note").asText()).signatures().get(0).signature();
    sig[10] ^= 1;
    Note bad = new Note(text, List.of(new NoteSignature("PeterNeumann", peter.keyId(), sig)));
    assertThatThrownBy(() -> Note.open(bad.bytes(), NoteVerifiers.of(peter)))
        .isInstanceOf(VerificationException.class).hasMessageContaining("PeterNeumann");
    // Still rejected when another known key signed correctly.
    String withEnoch = text + "\n" + second.get("signature_line").asText() + "\n"
        + bad.signatures().get(0).line() + "\n";
    assertThatThrownBy(() -> Note.open(utf8(withEnoch), NoteVerifiers.of(peter, enoch)))
        .isInstanceOf(VerificationException.class);
    // But a bad signature by a key we do not know is ignored.
    assertThat(Note.open(utf8(withEnoch), NoteVerifiers.of(enoch)).verified()).hasSize(1);
  }

  @Test
  void unknownKeysAreIgnoredEvenWhenNameOrIdMatches() {
    NoteSignature good = Note.parse(kat.get("signed_note").asText()).signatures().get(0);
    byte[] junk = new byte[64];
    Note n = new Note(text, List.of(
        new NoteSignature("PeterNeumann", peter.keyId() + 1, junk), // known name, other ID
        new NoteSignature("Someone", peter.keyId(), junk),         // known ID, other name
        good));
    Note.Verified v = Note.open(n.bytes(), NoteVerifiers.of(peter));
    assertThat(v.verified()).extracting(NoteSignature::base64).containsExactly(good.base64());
    assertThat(v.unverified()).hasSize(2);
  }

  @Test
  void noteWithoutAKnownSignatureIsRejected() {
    byte[] msg = utf8(kat.get("signed_note").asText());
    assertThatThrownBy(() -> Note.open(msg, NoteVerifiers.of(enoch)))
        .isInstanceOf(VerificationException.class).hasMessageContaining("no signature by a known key");
    assertThatThrownBy(() -> Note.open(msg, NoteVerifiers.of()))
        .isInstanceOf(VerificationException.class);
  }

  @Test
  void duplicateSignaturesByOneKey() {
    String twice = text + "\n" + peterLine + "\n" + peterLine + "\n";
    Note.Verified v = Note.open(utf8(twice), NoteVerifiers.of(peter));
    assertThat(v.verified()).hasSize(1);
    assertThat(Note.parse(twice).bytes()).isEqualTo(utf8(twice));

    // Every signature by a known key is checked, the repeat included (signed-note: MUST verify).
    byte[] sig = Note.parse(twice).signatures().get(0).signature();
    sig[0] ^= 1;
    String badLine = new NoteSignature("PeterNeumann", peter.keyId(), sig).line();
    assertThatThrownBy(() -> Note.open(utf8(text + "\n" + peterLine + "\n" + badLine + "\n"),
        NoteVerifiers.of(peter))).isInstanceOf(VerificationException.class);
    assertThatThrownBy(() -> Note.open(utf8(text + "\n" + badLine + "\n" + peterLine + "\n"),
        NoteVerifiers.of(peter))).isInstanceOf(VerificationException.class);
  }

  @Test
  void signingReplacesTheSignersEarlierSignature() {
    NoteKeys.Ed25519Signer s = NoteKeys.signer(kat.get("skey").asText());
    Note n = Note.parse(text + "\n" + second.get("signature_line").asText() + "\n" + peterLine + "\n");
    Note resigned = n.sign(s);
    assertThat(resigned.signatures()).extracting(NoteSignature::name)
        .containsExactly("EnochRoot", "PeterNeumann");
  }

  @Test
  void notesThatCouldNotBeOpenedCannotBeMade() {
    assertThatThrownBy(() -> Note.of("no final newline")).isInstanceOf(FormatException.class);
    assertThatThrownBy(() -> Note.of("")).isInstanceOf(FormatException.class);
    assertThatThrownBy(() -> Note.of("bell\u0007\n")).isInstanceOf(FormatException.class);
    assertThatThrownBy(() -> new Note("t\n", List.of(new NoteSignature("a b", 1, new byte[64]))))
        .isInstanceOf(FormatException.class);
    assertThatThrownBy(() -> Note.of("t\n").sign(new NoteKeys.Ed25519Signer("a+b", new byte[32])))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static List<NoteKeys.Ed25519Signer> signers(int n) {
    List<NoteKeys.Ed25519Signer> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(signer("witness-" + i + ".example", i));
    }
    return out;
  }

  private static NoteKeys.Ed25519Signer signer(String name, int seed) {
    byte[] s = new byte[32];
    Arrays.fill(s, (byte) seed);
    s[0] = (byte) (seed >> 8);
    return new NoteKeys.Ed25519Signer(name, s);
  }

  private static NoteVerifier verifier(NoteKeys.Ed25519Signer s) {
    return NoteKeys.verifier(s.vkey());
  }


}
