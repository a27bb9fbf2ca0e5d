package accord.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import accord.Engines;
import accord.accord.AccordRegistry;
import accord.accord.AccordRules;
import accord.accord.DefaultInstance;
import accord.node.Node;
import accord.tlog.Checkpoint;
import accord.tlog.Cosignature;
import accord.tlog.Hash;
import accord.tlog.Note;
import accord.tlog.NoteKeys;
import accord.tlog.ProofVerifier;
import accord.tlog.Proofs;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LedgerTest {
  static final Instant T0 = Instant.parse("2025-04-20T09:00:00Z");
  final Clock clock = Clock.fixed(T0, ZoneOffset.UTC);

  @TempDir Path dir;

  Node open(Engines engine) {
    return Node.open(dir, engine.newDatabase(dir), clock);
  }

  static Entry statement(String party, String text) {
    var body = EntryCodec.JSON.createObjectNode().put("text", text);
    return new Entry(AccordRules.STATEMENT, DefaultInstance.KABUL, party, party.toLowerCase() + ".liaison", T0, List.of(), "en", body);
  }

  @ParameterizedTest
  @EnumSource(Engines.class)
  void concurrentAppendsAreDurableCosignedAndProvable(Engines engine) throws Exception {
    try (Node node = open(engine)) {
      Appended genesis = node.append(DefaultInstance.kabul(node.keyring(), T0)).join();
      assertThat(genesis.index()).isZero();

      ExecutorService pool = Executors.newFixedThreadPool(16);
      List<CompletableFuture<Appended>> all = new ArrayList<>();
      for (int i = 0; i < 300; i++) {
        String party = i % 2 == 0 ? "PK" : "AF";
        int n = i;
        all.add(CompletableFuture.supplyAsync(() -> node.append(statement(party, "statement " + n)), pool)
            .thenCompose(f -> f));
      }
      CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
      pool.shutdown();

      assertThat(all).extracting(f -> f.join().index()).doesNotHaveDuplicates().allMatch(i -> i >= 1 && i <= 300);

      node.db().jdbi().useHandle(h -> {
        assertThat(LogStore.size(h, DefaultInstance.KABUL)).isEqualTo(301);
        byte[] cpNote = LogStore.latestCheckpoint(h, DefaultInstance.KABUL).orElseThrow();
        String logVkey = node.keyring().find("accord/" + DefaultInstance.KABUL).orElseThrow().vkey();
        Checkpoint cp = Checkpoint.open(cpNote, NoteKeys.verifier(logVkey)).checkpoint();
        assertThat(cp.size()).isEqualTo(301);
        Note note = Note.parse(cpNote);
        for (String member : List.of("PK", "AF")) {
          String name = AccordRegistry.witnessKeyName(member);
          var v = Cosignature.Verifier.of(Cosignature.Signer.fromSkey(node.keyring().skey(name).orElseThrow()).vkey());
          assertThat(v.timestamp(note)).as("cosignature by " + name).isEqualTo(T0.getEpochSecond());
        }
        var reader = LogStore.hashReader(h, DefaultInstance.KABUL);
        assertThat(Proofs.treeHash(301, reader)).isEqualTo(cp.root());
        for (LogStore.StoredEntry s : LogStore.entries(h, DefaultInstance.KABUL, 0, 1000)) {
          ProofVerifier.verifyInclusion(Hash.leaf(s.note()), s.index(), 301, Proofs.inclusion(s.index(), 301, reader), cp.root());
        }
      });

      String before = node.digest();
      Replay.Result r = node.rebuild();
      assertThat(r.violations()).isEmpty();
      assertThat(r.entries()).isEqualTo(301);
      assertThat(r.digest()).isEqualTo(before);
    }
  }

  @ParameterizedTest
  @EnumSource(Engines.class)
  void forgedAndInvalidEntriesAreRefusedAndNothingIsWritten(Engines engine) {
    try (Node node = open(engine)) {
      node.append(DefaultInstance.kabul(node.keyring(), T0)).join();
      String digest = node.digest();

      // Afghanistan's entry signed with Pakistan's key.
      Entry e = statement("AF", "signed by the wrong party");
      Note forged = EntryCodec.sign(e, node.keyring().find(AccordRegistry.memberKeyName(DefaultInstance.KABUL, "PK")).orElseThrow());
      assertRejected(node.appendSigned(forged), Rejection.Kind.FORBIDDEN);
      // A party that is not a member of the accord.
      assertRejected(node.append(statement("QA", "not a member")), Rejection.Kind.FORBIDDEN);
      // An empty statement, an unknown type, a second definition.
      assertRejected(node.append(statement("PK", " ")), Rejection.Kind.INVALID);
      Entry unknown = new Entry("accord.unknown", DefaultInstance.KABUL, "PK", "pk", T0, List.of(), "en", EntryCodec.JSON.createObjectNode());
      assertRejected(node.append(unknown), Rejection.Kind.INVALID);
      assertRejected(node.append(DefaultInstance.kabul(node.keyring(), T0)), Rejection.Kind.CONFLICT);

      node.db().jdbi().useHandle(h -> assertThat(LogStore.size(h, DefaultInstance.KABUL)).isEqualTo(1));
      assertThat(node.digest()).isEqualTo(digest);
      // A good entry after the refusals still goes through.
      assertThat(node.append(statement("PK", "on the record")).join().index()).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @EnumSource(Engines.class)
  void rebuildReportsATamperedEntryInsteadOfApplyingIt(Engines engine) {
    try (Node node = open(engine)) {
      node.append(DefaultInstance.kabul(node.keyring(), T0)).join();
      node.append(statement("PK", "first")).join();
      node.append(statement("AF", "second")).join();
      node.db().jdbi().useHandle(h -> {
        byte[] note = h.createQuery("SELECT note FROM log_entry WHERE idx = 2").mapTo(byte[].class).one();
        String text = new String(note, java.nio.charset.StandardCharsets.UTF_8).replace("second", "sec0nd");
        h.createUpdate("UPDATE log_entry SET note = :n WHERE idx = 2").bind("n", text.getBytes(java.nio.charset.StandardCharsets.UTF_8)).execute();
      });
      Replay.Result r = node.rebuild();
      assertThat(r.violations()).singleElement().satisfies(v -> {
        assertThat(v.index()).isEqualTo(2);
        assertThat(v.reason()).contains("leaf hash");
      });
    }
  }

  static void assertRejected(CompletableFuture<Appended> f, Rejection.Kind kind) {
    assertThatThrownBy(f::join)
        .isInstanceOf(CompletionException.class)
        .cause()
        .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.kind()).isEqualTo(kind));
  }
}
