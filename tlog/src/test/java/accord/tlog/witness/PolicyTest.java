package accord.tlog.witness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import accord.tlog.Cosignature;
import accord.tlog.Ed25519;
import accord.tlog.FormatException;
import accord.tlog.Note;
import accord.tlog.NoteKeys;
import accord.tlog.NoteSignature;
import accord.tlog.VerificationException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PolicyTest {
  final TestLog log = new TestLog("accord.example/joint-log", 1);
  final Cosignature.Signer pk = new Cosignature.Signer("pk.example/witness", TestLog.seed(11));
  final Cosignature.Signer af = new Cosignature.Signer("af.example/witness", TestLog.seed(12));
  final Cosignature.Signer qa = new Cosignature.Signer("qa.example/witness", TestLog.seed(13));
  final Cosignature.Signer tr = new Cosignature.Signer("tr.example/witness", TestLog.seed(14));

  /** Both states, and one of the two mediators. */
  final String accord = String.join("\n",
      "# Kabul understanding: the joint log and its witnesses",
      "log " + log.signer.vkey() + " https://log.accord.example/",
      "",
      "witness PK " + pk.vkey(),
      "witness AF " + af.vkey() + " https://af.example/witness",
      "group states all PK AF",
      "  # mediators",
      "witness QA\t" + qa.vkey(),
      "\twitness TR " + tr.vkey() + "   ",
      "group mediators any QA TR",
      "group accord all states mediators",
      "quorum accord",
      "");

  static String keyLine(String name, int seed) {
    return "witness " + name + " " + new Cosignature.Signer("w" + seed, TestLog.seed(seed)).vkey();
  }

  static Policy policy(int n, String... rest) {
    return Policy.parse(policyText(n, rest));
  }

  byte[] cosigned(long size, Map<Cosignature.Signer, Long> cosigners) {
    Note note = Note.parse(log.signed(size));
    List<NoteSignature> sigs = new ArrayList<>(note.signatures());
    cosigners.forEach((s, t) -> sigs.add(s.cosign(log.checkpoint(size), t)));
    return new Note(note.text(), sigs).bytes();
  }

  void assertRejected(String text, String... parts) {
    assertThatThrownBy(() -> Policy.parse(text))
        .isInstanceOf(FormatException.class)
        .hasMessageContainingAll(parts);
  }

  @Test
  void parsesLogsWitnessesGroupsAndQuorum() {
    Policy p = Policy.parse(accord);
    assertThat(p.logs()).extracting(Policy.Log::url).containsExactly("https://log.accord.example/");
    assertThat(p.logs().get(0).key().name()).isEqualTo(log.origin);
    assertThat(p.witnesses()).extracting(Policy.Cosigner::name).containsExactly("PK", "AF", "QA", "TR");
    assertThat(p.witnesses()).extracting(Policy.Cosigner::url)
        .containsExactly(null, "https://af.example/witness", null, null);
    assertThat(p.groups()).containsExactly(
        new Policy.Group("states", 2, List.of("PK", "AF")),
        new Policy.Group("mediators", 1, List.of("QA", "TR")),
        new Policy.Group("accord", 2, List.of("states", "mediators")));
    assertThat(p.quorum()).isEqualTo("accord");
  }

  @Test
  void nestedGroupsNeedEveryLevelSatisfied() {
    Policy p = Policy.parse(accord);
    assertThat(p.satisfiedBy(Set.of("PK", "AF", "QA"))).isTrue();
    assertThat(p.satisfiedBy(Set.of("PK", "AF", "TR"))).isTrue();
    assertThat(p.satisfiedBy(Set.of("PK", "AF", "QA", "TR"))).isTrue();
    assertThat(p.satisfiedBy(Set.of("PK", "AF"))).isFalse();
    assertThat(p.satisfiedBy(Set.of("PK", "QA", "TR"))).isFalse();
    assertThat(p.satisfiedBy(Set.of())).isFalse();
    assertThat(p.satisfiedBy(Set.of("states", "mediators"))).as("group names are not cosigners").isFalse();
  }

  @Test
  void kOfNGroups() {
    Policy two = policy(3, "group g 2 W1 W2 W3", "quorum g");
    assertThat(two.satisfiedBy(Set.of("W1"))).isFalse();
    assertThat(two.satisfiedBy(Set.of("W1", "W3"))).isTrue();
    assertThat(two.satisfiedBy(Set.of("W1", "W2", "W3"))).isTrue();
    Policy all = policy(3, "group g all W1 W2 W3", "quorum g");
    assertThat(all.groups().get(0).threshold()).isEqualTo(3);
    assertThat(all.satisfiedBy(Set.of("W1", "W2"))).isFalse();
    assertThat(all.satisfiedBy(Set.of("W1", "W2", "W3"))).isTrue();
    Policy any = policy(3, "group g any W1 W2 W3", "quorum g");
    assertThat(any.satisfiedBy(Set.of())).isFalse();
    assertThat(any.satisfiedBy(Set.of("W2"))).isTrue();
  }

  @Test
  void quorumOfOneWitnessOrNone() {
    Policy one = policy(2, "quorum W2");
    assertThat(one.satisfiedBy(Set.of("W1"))).isFalse();
    assertThat(one.satisfiedBy(Set.of("W2"))).isTrue();
    Policy none = Policy.parse("quorum none\n");
    assertThat(none.satisfiedBy(Set.of())).isTrue();
    assertThat(none.logs()).isEmpty();
  }

  @Test
  void evaluatesSignaturesAndReportsWhoCosignedWhen() {
    Policy p = Policy.parse(accord);
    Cosignature.Signer stranger = new Cosignature.Signer("stranger.example/w", TestLog.seed(20));
    byte[] note = cosigned(5, Map.of(pk, 1000L, af, 1001L, tr, 1002L, stranger, 1003L));
    Policy.Result r = p.evaluate(note);
    assertThat(r.satisfied()).isTrue();
    assertThat(r.log()).isEqualTo(log.origin);
    assertThat(r.checkpoint()).isEqualTo(log.checkpoint(5));
    assertThat(r.cosigned()).containsExactly(Map.entry("PK", 1000L), Map.entry("AF", 1001L),
        Map.entry("TR", 1002L));
    assertThat(p.check(note)).isEqualTo(r);

    byte[] short1 = cosigned(5, Map.of(pk, 1000L, tr, 1002L));
    assertThat(p.evaluate(short1).satisfied()).isFalse();
    assertThatThrownBy(() -> p.check(short1))
        .isInstanceOf(VerificationException.class)
        .hasMessageContaining("does not satisfy quorum accord");
  }

  @Test
  void invalidCosignatureByAListedWitnessRejectsTheNote() {
    Policy p = Policy.parse(accord);
    Note note = Note.parse(cosigned(5, Map.of(pk, 1000L, af, 1001L, qa, 1002L)));
    List<NoteSignature> sigs = new ArrayList<>(note.signatures());
    NoteSignature s = sigs.get(sigs.size() - 1);
    byte[] bad = s.signature().clone();
    bad[7] ^= 1; // the timestamp: the signature no longer covers it
    sigs.set(sigs.size() - 1, new NoteSignature(s.name(), s.keyId(), bad));
    byte[] tampered = new Note(note.text(), sigs).bytes();
    assertThatThrownBy(() -> p.evaluate(tampered))
        .isInstanceOf(VerificationException.class)
        .hasMessageContaining("invalid cosignature");
  }

  @Test
  void theLogMustHaveSigned() {
    Policy p = Policy.parse(accord);
    TestLog impostor = new TestLog(log.origin, 3);
    assertThatThrownBy(() -> p.evaluate(impostor.signed(5)))
        .isInstanceOf(VerificationException.class)
        .hasMessageContaining("no signature by a known key");
    TestLog other = new TestLog("other.example/log", 4);
    assertThatThrownBy(() -> p.evaluate(other.signed(5)))
        .isInstanceOf(VerificationException.class)
        .hasMessageContaining("no log for origin other.example/log");
  }

  @Test
  void quorumNoneAcceptsALogSignedCheckpoint() {
    Policy p = Policy.parse("log " + log.signer.vkey() + "\nquorum none\n");
    Policy.Result r = p.check(log.signed(3));
    assertThat(r.cosigned()).isEmpty();
    assertThat(r.satisfied()).isTrue();
  }

  @Test
  void witnessMayBeGivenByItsPlainEd25519Key() {
    String vkey01 = NoteKeys.vkey(pk.name(), NoteKeys.ALG_ED25519, Ed25519.publicKey(TestLog.seed(11)));
    Policy p = Policy.parse("log " + log.signer.vkey() + "\nwitness PK " + vkey01 + "\nquorum PK\n");
    assertThat(p.check(cosigned(3, Map.of(pk, 77L))).cosigned()).containsEntry("PK", 77L);
  }

  @Test
  void formatIsCanonicalAndParsesBack() {
    Policy p = Policy.parse(accord);
    String f = p.format();
    assertThat(f).isEqualTo(String.join("\n",
        "log " + log.signer.vkey() + " https://log.accord.example/",
        "witness PK " + pk.vkey(),
        "witness AF " + af.vkey() + " https://af.example/witness",
        "witness QA " + qa.vkey(),
        "witness TR " + tr.vkey(),
        "group states 2 PK AF",
        "group mediators 1 QA TR",
        "group accord 2 states mediators",
        "quorum accord",
        ""));
    assertThat(Policy.parse(f).format()).isEqualTo(f);
    assertThat(Policy.parse(f.getBytes(StandardCharsets.UTF_8)).groups()).isEqualTo(p.groups());
  }

  @Test
  void namesMustBeDefinedOnEarlierLines() {
    assertRejected(keyLine("W1", 41) + "\ngroup g any W1 W2\n" + keyLine("W2", 42) + "\nquorum g\n",
        "line 2", "W2 is not a witness or group defined on an earlier line");
    assertRejected("quorum W1\n" + keyLine("W1", 41) + "\n", "line 1", "quorum W1");
    assertRejected(keyLine("W1", 41) + "\ngroup g any W1 g\nquorum g\n", "line 2", "g is not");
  }

  @Test
  void namesAreUniqueAndNoneIsReserved() {
    assertRejected(keyLine("W1", 41) + "\n" + keyLine("W1", 42) + "\nquorum W1\n",
        "line 2", "W1 is already defined on line 1");
    assertRejected(keyLine("W1", 41) + "\ngroup W1 any W1\nquorum W1\n", "line 2", "already defined");
    assertRejected(keyLine("none", 41) + "\nquorum none\n", "line 1", "predefined");
    assertRejected(keyLine("W1", 41) + "\ngroup none any W1\nquorum none\n", "line 2", "predefined");
    assertRejected(keyLine("W1", 41) + "\ngroup g any W1 none\nquorum g\n", "line 2", "'none' cannot be a member");
  }

  @Test
  void keysAreUnique() {
    String w = new Cosignature.Signer("same", TestLog.seed(41)).vkey();
    assertRejected("witness A " + w + "\nwitness B " + w + "\nquorum A\n",
        "line 2", "same public key as the witness on line 1");
    String renamed = NoteKeys.vkey("other-name", NoteKeys.ALG_COSIGNATURE_V1, Ed25519.publicKey(TestLog.seed(41)));
    assertRejected("witness A " + w + "\nwitness B " + renamed + "\nquorum A\n", "line 2", "same public key");
    assertRejected("log " + log.signer.vkey() + "\nlog " + log.signer.vkey() + "\nquorum none\n",
        "line 2", "same public key as the log on line 1");
  }

  @Test
  void aNameIsAMemberOfOneGroupOnly() {
    assertRejected(keyLine("W1", 41) + "\n" + keyLine("W2", 42) + "\ngroup g 1 W1 W1\nquorum g\n",
        "line 3", "lists W1 twice");
    assertRejected(keyLine("W1", 41) + "\n" + keyLine("W2", 42)
        + "\ngroup g any W1 W2\ngroup h any W1\nquorum h\n", "line 4", "W1 is already a member of group g");
  }

  @Test
  void thresholdsAreAllAnyOrOneToN() {
    for (String k : List.of("0", "3", "01", "-1", "two", "1.0", "9999999999")) {
      assertRejected(policyText(2, "group g " + k + " W1 W2", "quorum g"), "line 3", "threshold");
    }
    assertRejected(policyText(2, "group g any", "quorum g"), "line 3", "at least one member");
    assertThat(policy(2, "group g 2 W1 W2", "quorum g").groups().get(0).threshold()).isEqualTo(2);
  }

  @Test
  void exactlyOneQuorumLine() {
    assertRejected(policyText(1, "quorum W1", "quorum none"), "line 3", "second quorum line", "line 2");
    assertRejected(policyText(1), "no quorum line");
    assertRejected("", "no quorum line");
    assertRejected("quorum\n", "line 1", "want 'quorum <name|none>'");
    assertRejected("quorum a b\n", "line 1");
  }

  @Test
  void malformedLinesSayWhichLine() {
    assertRejected("# c\n\nwitnesses W1 x\nquorum none\n", "line 3", "unknown keyword 'witnesses'");
    assertRejected("log\nquorum none\n", "line 1", "want 'log <vkey> [<url>]'");
    assertRejected("log " + log.signer.vkey() + " url extra\nquorum none\n", "line 1", "want 'log");
    assertRejected("witness W1\nquorum none\n", "line 1", "want 'witness");
    assertRejected("log not-a-key\nquorum none\n", "line 1", "log key", "malformed verifier key");
    assertRejected("log " + pk.vkey() + "\nquorum none\n", "line 1", "not an Ed25519 note key");
    assertRejected("witness W1 " + pk.vkey().replace('+', '-') + "\nquorum none\n", "line 1", "witness W1 key");
    assertRejected("quorum none\r\n", "line 1", "control character 0xd");
    assertRejected("quorum none # trailing comment\n", "line 1");
    assertThatThrownBy(() -> Policy.parse(new byte[] {'#', (byte) 0xff, '\n'}))
        .isInstanceOf(FormatException.class).hasMessageContaining("UTF-8");
  }

  @Test
  void commentsBlankLinesAndMissingFinalNewlineAreFine() {
    Policy p = Policy.parse("# comment\n   \n\t# indented comment\n \t\nquorum none");
    assertThat(p.quorum()).isEqualTo("none");
  }

  /** Witnesses W1..Wn, each with its own key, then {@code rest}. */
  static String policyText(int n, String... rest) {
    List<String> lines = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      lines.add(keyLine("W" + i, 40 + i));
    }
    lines.addAll(List.of(rest));
    return String.join("\n", lines) + "\n";
  }
}
