package accord.web;

import static org.assertj.core.api.Assertions.assertThat;

import accord.Engines;
import accord.accord.AccordProjection;
import accord.accord.AccordState;
import accord.accord.DefaultInstance;
import accord.ledger.LogStore;
import accord.ledger.LogVerifier;
import accord.tlog.Checkpoint;
import accord.tlog.Note;
import accord.tlog.NoteKeys;
import accord.tlog.Proofs;
import accord.tlog.witness.AddCheckpointRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Anyone holding only the public keys catches a changed byte anywhere in the stored log, and
 * the witnesses refuse to go back in time.
 */
class TamperTest {
  @TempDir Path dir;

  static Function<String, byte[]> fetcher(TestServer s, String token) {
    HttpClient c = HttpClient.newHttpClient();
    return path -> {
      try {
        var res = c.send(HttpRequest.newBuilder(URI.create(s.base + "/log/" + DefaultInstance.KABUL + "/" + path))
            .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
        return res.statusCode() == 200 ? res.body() : null;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    };
  }

  static LogVerifier.Report verify(TestServer s, String token) {
    AccordState a = s.node.db().jdbi().withHandle(h -> AccordProjection.load(h, DefaultInstance.KABUL)).orElseThrow();
    return LogVerifier.verify(fetcher(s, token), a.logVkey(), a.witnesses().stream().map(AccordState.Witness::vkey).toList(), -1, null);
  }

  static List<String> audit(TestServer s) {
    return s.node.db().jdbi().withHandle(h -> accord.ledger.LogAudit.audit(h, DefaultInstance.KABUL));
  }

  /** Flips one bit of one stored value, given by a SQL query and update on the same row. */
  static void flip(TestServer s, String select, String update, int offset) {
    s.node.db().jdbi().useHandle(h -> {
      byte[] b = h.createQuery(select).mapTo(byte[].class).one();
      b[offset % b.length] ^= 0x01;
      h.createUpdate(update).bind("v", b).execute();
    });
  }

  @ParameterizedTest
  @EnumSource(Engines.class)
  void aFlippedBitInAnEntryATreeHashOrTheCheckpointIsReported(Engines engine) {
    try (TestServer s = new TestServer(engine, dir)) {
      String token = s.login("mediator");
      // Grow the log past one full tile so that the stored higher-level hashes are read too.
      String pk = s.login("pk.liaison");
      for (int i = 0; i < 300; i++) {
        assertThat(s.postJson("/api/accords/kabul-2025/entries", pk, "{\"type\":\"accord.statement\",\"body\":{\"text\":\"statement " + i + "\"}}").status()).isEqualTo(201);
      }
      assertThat(verify(s, token).ok()).as(verify(s, token).failures().toString()).isTrue();

      // An entry's signed bytes.
      flip(s, "SELECT note FROM log_entry WHERE accord = 'kabul-2025' AND idx = 7",
          "UPDATE log_entry SET note = :v WHERE accord = 'kabul-2025' AND idx = 7", 40);
      LogVerifier.Report r = verify(s, token);
      assertThat(r.ok()).isFalse();
      assertThat(String.join("\n", r.failures())).contains("entry 7");
      flip(s, "SELECT note FROM log_entry WHERE accord = 'kabul-2025' AND idx = 7",
          "UPDATE log_entry SET note = :v WHERE accord = 'kabul-2025' AND idx = 7", 40);
      assertThat(verify(s, token).ok()).isTrue();

      // Stored hashes: those the tiles serve are caught by anyone; every level by the node's own audit.
      assertThat(audit(s)).isEmpty();
      for (String where : List.of("level = 0 AND idx = 100", "level = 8 AND idx = 0", "level = 3 AND idx = 5")) {
        flip(s, "SELECT hash FROM log_hash WHERE accord = 'kabul-2025' AND " + where,
            "UPDATE log_hash SET hash = :v WHERE accord = 'kabul-2025' AND " + where, 3);
        if (!where.startsWith("level = 3")) {
          r = verify(s, token);
          assertThat(r.ok()).as("tampered hash at " + where).isFalse();
          assertThat(String.join("\n", r.failures())).as("tampered hash at " + where).contains("tile/");
        }
        String level = where.substring(8, 9);
        assertThat(audit(s)).as("audit after tampering " + where).anyMatch(p -> p.startsWith("log_hash kabul-2025 level " + level));
        flip(s, "SELECT hash FROM log_hash WHERE accord = 'kabul-2025' AND " + where,
            "UPDATE log_hash SET hash = :v WHERE accord = 'kabul-2025' AND " + where, 3);
      }
      assertThat(verify(s, token).ok()).isTrue();
      assertThat(audit(s)).isEmpty();

      // The checkpoint: its root, and a cosignature.
      String latest = "SELECT note FROM log_checkpoint WHERE accord = 'kabul-2025' ORDER BY size DESC LIMIT 1";
      String size = s.node.db().jdbi().withHandle(h -> h.createQuery("SELECT MAX(size) FROM log_checkpoint WHERE accord = 'kabul-2025'").mapTo(String.class).one());
      String put = "UPDATE log_checkpoint SET note = :v WHERE accord = 'kabul-2025' AND size = " + size;
      flip(s, latest, put, 30);
      r = verify(s, token);
      assertThat(r.ok()).isFalse();
      assertThat(String.join("\n", r.failures())).contains("checkpoint");
      flip(s, latest, put, 30);
      byte[] note = s.node.db().jdbi().withHandle(h -> h.createQuery(latest).mapTo(byte[].class).one());
      flip(s, latest, put, note.length - 5);
      r = verify(s, token);
      assertThat(r.ok()).isFalse();
      // Either the line no longer decodes, or it decodes to a cosignature that does not verify.
      assertThat(String.join("\n", r.failures())).containsPattern("cosignature|signature line 3");
    }
  }

  @ParameterizedTest
  @EnumSource(Engines.class)
  void aWitnessRefusesARollbackAndKeepsTheConflictingCheckpoint(Engines engine) {
    try (TestServer s = new TestServer(engine, dir)) {
      String pk = s.login("pk.liaison");
      s.postJson("/api/accords/kabul-2025/entries", pk, "{\"type\":\"accord.statement\",\"body\":{\"text\":\"one\"}}");
      // The log key signs a checkpoint of an older, smaller tree: what a log rewriting history would show.
      var logKey = s.node.keyring().find("accord/" + DefaultInstance.KABUL).orElseThrow();
      byte[] old = s.node.db().jdbi().withHandle(h -> {
        byte[] root = Proofs.treeHash(2, LogStore.hashReader(h, DefaultInstance.KABUL));
        return Note.of(new Checkpoint("accord/kabul-2025", 2, root).text()).sign(logKey).bytes();
      });
      long current = s.node.db().jdbi().withHandle(h -> LogStore.size(h, DefaultInstance.KABUL));
      byte[] body = AddCheckpointRequest.of(current, List.of(), old).format();
      var r = s.send("POST", "/witness/PK/add-checkpoint", null, "text/plain", body);
      assertThat(r.status()).isEqualTo(400);

      // A fork: same size as the witness's, another root.
      byte[] fork = Note.of(new Checkpoint("accord/kabul-2025", current, new byte[32]).text()).sign(logKey).bytes();
      r = s.send("POST", "/witness/PK/add-checkpoint", null, "text/plain", AddCheckpointRequest.of(current, List.of(), fork).format());
      assertThat(r.status()).isIn(409, 422);
      List<String> reasons = s.node.db().jdbi().withHandle(h -> h.createQuery(
          "SELECT reason FROM witness_evidence WHERE witness = 'witness/PK'").mapTo(String.class).list());
      assertThat(reasons).isNotEmpty();
      // A checkpoint signed by anyone but the log is refused outright.
      var stranger = NoteKeys.signer(NoteKeys.generate("accord/kabul-2025")[0]);
      byte[] bogus = Note.of(new Checkpoint("accord/kabul-2025", current + 5, new byte[32]).text()).sign(stranger).bytes();
      assertThat(s.send("POST", "/witness/PK/add-checkpoint", null, "text/plain", AddCheckpointRequest.of(current, List.of(), bogus).format()).status()).isEqualTo(403);
    }
  }
}
