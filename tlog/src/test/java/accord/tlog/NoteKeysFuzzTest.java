package accord.tlog;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/** Key text: parseVkey, verifier and signer either succeed consistently or throw FormatException. */
class NoteKeysFuzzTest {
  private static final byte[] MESSAGE = "fuzz\n".getBytes(StandardCharsets.UTF_8);

  @FuzzTest
  void vkey(byte[] data) {
    String vkey = new String(data, StandardCharsets.UTF_8);
    NoteKeys.PublicKey k;
    try {
      k = NoteKeys.parseVkey(vkey);
    } catch (FormatException e) {
      return;
    }
    NoteKeys.PublicKey again = NoteKeys.parseVkey(k.vkey());
    assertThat(again.name()).isEqualTo(k.name());
    assertThat(again.keyId()).isEqualTo(k.keyId());
    assertThat(again.alg()).isEqualTo(k.alg());
    assertThat(again.key()).isEqualTo(k.key());
    // Same name and key ID text (hex case aside); the key is compared as bytes above.
    int idEnd = k.name().length() + 10;
    assertThat(k.vkey().substring(0, idEnd)).isEqualToIgnoringCase(vkey.substring(0, idEnd));
    if (k.alg() == NoteKeys.ALG_ED25519) {
      assertThat(NoteKeys.verifier(vkey).keyId()).isEqualTo(k.keyId());
      assertThat(NoteKeys.parseVkey(NoteKeys.cosignatureVkey(vkey)).alg())
          .isEqualTo(NoteKeys.ALG_COSIGNATURE_V1);
    }
    Cosignature.Verifier w = Cosignature.Verifier.of(vkey);
    assertThat(w.name()).isEqualTo(k.name());
    assertThat(w.verify(MESSAGE, new byte[72])).isFalse();
  }

  @FuzzTest
  void skey(byte[] data) {
    String skey = new String(data, StandardCharsets.UTF_8);
    NoteKeys.Ed25519Signer s;
    try {
      s = NoteKeys.signer(skey);
    } catch (FormatException e) {
      return;
    }
    NoteVerifier v = NoteKeys.verifier(s.vkey());
    assertThat(v.keyId()).isEqualTo(s.keyId());
    assertThat(v.verify(MESSAGE, s.sign(MESSAGE))).isTrue();
    assertThat(Cosignature.Signer.fromSkey(skey).name()).isEqualTo(s.name());
  }
}
