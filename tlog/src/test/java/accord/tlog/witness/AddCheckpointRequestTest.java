package accord.tlog.witness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import accord.tlog.FormatException;
import accord.tlog.Hash;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AddCheckpointRequestTest {
  final TestLog log = new TestLog("accord.example/joint-log", 1);
  final String note = new String(log.signed(13), StandardCharsets.UTF_8);

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  String proofLines(long old, long size) {
    StringBuilder sb = new StringBuilder();
    for (byte[] h : log.proof(old, size)) {
      sb.append(Hash.toBase64(h)).append('\n');
    }
    return sb.toString();
  }

  void assertRejected(String body, String... messageParts) {
    assertThatThrownBy(() -> AddCheckpointRequest.parse(bytes(body)))
        .isInstanceOf(FormatException.class)
        .hasMessageContainingAll(messageParts);
  }

  @Test
  void parsesOldSizeProofAndCheckpoint() {
    String body = "old 8\n" + proofLines(8, 13) + "\n" + note;
    AddCheckpointRequest r = AddCheckpointRequest.parse(bytes(body));
    assertThat(r.oldSize()).isEqualTo(8);
    assertThat(r.proof()).hasSize(log.proof(8, 13).size()).isNotEmpty();
    assertThat(r.proof().get(0)).isEqualTo(log.proof(8, 13).get(0));
    assertThat(r.origin()).isEqualTo(log.origin);
    assertThat(r.checkpoint()).isEqualTo(log.checkpoint(13));
    assertThat(r.noteBytes()).isEqualTo(log.signed(13));
    assertThat(r.format()).isEqualTo(bytes(body));
  }

  @Test
  void oldZeroWithNoProof() {
    AddCheckpointRequest r = AddCheckpointRequest.parse(bytes("old 0\n\n" + note));
    assertThat(r.oldSize()).isZero();
    assertThat(r.proof()).isEmpty();
    assertThat(r.note().signatures()).hasSize(1);
  }

  @Test
  void ofBuildsTheSameBytesAsTheWireFormat() {
    AddCheckpointRequest r = AddCheckpointRequest.of(8, log.proof(8, 13), log.signed(13));
    assertThat(r.format()).isEqualTo(bytes("old 8\n" + proofLines(8, 13) + "\n" + note));
    assertThat(AddCheckpointRequest.parse(r.format())).isEqualTo(r);
  }

  @Test
  void acceptsSixtyThreeProofLinesAndNoMore() {
    String line = Hash.toBase64(Hash.leaf(new byte[0])) + "\n";
    assertThat(AddCheckpointRequest.parse(bytes("old 1\n" + line.repeat(63) + "\n" + note)).proof())
        .hasSize(63);
    assertRejected("old 1\n" + line.repeat(64) + "\n" + note, "64 consistency proof lines", "at most 63");
  }

  @Test
  void oldLineMustBeCanonical() {
    for (String old : List.of("old 01", "old -1", "old  5", "old 5 ", "Old 5", "old", "old 0x5", "old +5", "5")) {
      assertRejected(old + "\n\n" + note, "line 1");
    }
    assertRejected("old 9223372036854775808\n\n" + note, "line 1", "too large");
    assertThat(AddCheckpointRequest.parse(bytes("old 9223372036854775807\n\n" + note)).oldSize())
        .isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void proofLinesMustBeCanonicalBase64OfThirtyTwoBytes() {
    String good = Hash.toBase64(Hash.leaf(new byte[0]));
    // The last character carries 4 bits of the hash and 2 bits that must be zero.
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    String strayBits = good.substring(0, 42) + alphabet.charAt(alphabet.indexOf(good.charAt(42)) | 1) + "=";
    List<String> bad = new ArrayList<>(List.of(
        good.substring(0, 40) + "====", // too short
        Hash.toBase64(new byte[31]),
        Hash.toBase64(new byte[33]),
        good.replace('=', ' '),
        "not base64!",
        good + " ",
        strayBits));
    for (String b : bad) {
      assertRejected("old 1\n" + good + "\n" + b + "\n\n" + note, "line 3");
    }
  }

  @Test
  void headerMustBePrintableAscii() {
    assertRejected("old 5\r\n\n" + note, "line 1", "0xd");
    assertRejected("old 5\n\tx\n\n" + note, "line 2", "0x9");
    assertRejected("old 5\n\u00e9\n\n" + note, "line 2");
  }

  @Test
  void needsABlankLineBeforeTheCheckpoint() {
    assertRejected("old 5\n", "no blank line");
    assertRejected("", "no blank line");
    assertRejected("old 5\n" + note.replace("\n\n", "\n"), "no blank line");
  }

  @Test
  void checkpointErrorsSayWhereTheCheckpointStarts() {
    String proof = proofLines(8, 13);
    int start = 2 + (int) proof.chars().filter(c -> c == '\n').count() + 1;
    assertRejected("old 8\n" + proof + "\nnot a checkpoint\n\n\u2014 x AAAAAAA=\n",
        "checkpoint starting on line " + start);
    assertRejected("old 0\n\n" + note.substring(0, note.lastIndexOf("\n\n") + 2), "line 3", "signature");
    assertRejected("old 0\n\n" + note.replace("\n13\n", "\n013\n"), "line 3", "size");
  }

  @Test
  void oversizedBodiesAreRejectedBeforeParsing() {
    byte[] body = new byte[AddCheckpointRequest.MAX_BODY_SIZE + 1];
    assertThatThrownBy(() -> AddCheckpointRequest.parse(body))
        .isInstanceOf(FormatException.class)
        .hasMessageContaining("1048577 bytes");
  }

  @Test
  void ofRefusesWhatItCouldNotParse() {
    assertThatThrownBy(() -> AddCheckpointRequest.of(-1, List.of(), log.signed(1)))
        .isInstanceOf(FormatException.class);
    assertThatThrownBy(() -> AddCheckpointRequest.of(0, List.of(new byte[31]), log.signed(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
