package accord.ledger;

import accord.accord.AccordRules;
import accord.accord.AccordState;
import accord.tlog.Checkpoint;
import accord.tlog.Cosignature;
import accord.tlog.Hash;
import accord.tlog.Note;
import accord.tlog.NoteKeys;
import accord.tlog.NoteVerifier;
import accord.tlog.ProofVerifier;
import accord.tlog.VerificationException;
import accord.tlog.tiles.TileClient;
import accord.tlog.tiles.TileException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Checks a joint log from its tiles, holding only public keys: the log's signature on the
 * checkpoint, the witnesses' cosignatures against a quorum, every tile against the root, every
 * entry against its leaf hash, every entry's canonical form and its author's signature (the
 * members' keys come from the accord.define entry at index 0, which must be signed by the
 * secretariat it names), and, given an earlier checkpoint, consistency with it.
 */
public final class LogVerifier {
  /** What was checked and what failed; {@code ok()} only when nothing failed. */
  public record Report(long size, List<String> lines, List<String> failures) {
    public boolean ok() {
      return failures.isEmpty();
    }
  }

  private LogVerifier() {}

  public static Report verify(
      Function<String, byte[]> fetch,
      String logVkey,
      List<String> witnessVkeys,
      int quorum,
      byte[] earlierCheckpoint) {
    List<String> lines = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    NoteVerifier logKey;
    try {
      logKey = NoteKeys.verifier(logVkey);
    } catch (RuntimeException e) {
      failures.add("log key: " + e.getMessage());
      return new Report(-1, lines, failures);
    }
    TileClient client;
    try {
      client = TileClient.open(fetch, logKey.name(), logKey, s -> true);
    } catch (TileException e) {
      failures.add("checkpoint: " + e.getMessage());
      return new Report(-1, lines, failures);
    }
    Checkpoint cp = client.checkpoint().checkpoint();
    Note note = client.checkpoint().note();
    lines.add("checkpoint: " + cp.origin() + " size " + cp.size() + " root " + Hash.toBase64(cp.root()) + ", signed by the log");

    int cosigned = 0;
    for (String vkey : witnessVkeys) {
      try {
        Cosignature.Verifier w = Cosignature.Verifier.of(vkey);
        long t = w.timestamp(note);
        if (t >= 0) {
          cosigned++;
          lines.add("cosigned by " + w.name() + " at " + java.time.Instant.ofEpochSecond(t));
        } else {
          lines.add("no cosignature by " + w.name());
        }
      } catch (RuntimeException e) {
        failures.add("witness " + vkey + ": " + e.getMessage());
      }
    }
    int need = quorum < 0 ? witnessVkeys.size() : quorum;
    if (cosigned < need) {
      failures.add("cosignatures: " + cosigned + " of the " + need + " required witnesses");
    }

    Map<String, NoteVerifier> authors = new HashMap<>();
    long[] entries = {0};
    try {
      client.audit((index, bytes) -> {
        entries[0]++;
        String why = checkEntry(index, bytes, authors);
        if (why != null) {
          failures.add("entry " + index + ": " + why);
        }
      });
      lines.add("tiles: every hash and entry bundle matches the checkpoint root (" + entries[0] + " entries)");
    } catch (TileException e) {
      failures.add(e.getMessage());
    } catch (VerificationException e) {
      failures.add("tiles: " + e.getMessage());
    }

    if (earlierCheckpoint != null) {
      try {
        Checkpoint old = Checkpoint.open(earlierCheckpoint, logKey).checkpoint();
        if (!old.origin().equals(cp.origin())) {
          throw new VerificationException("the earlier checkpoint is of another log, " + old.origin());
        }
        if (old.size() > cp.size()) {
          throw new VerificationException("the log shrank from " + old.size() + " to " + cp.size() + " entries");
        }
        if (old.size() > 0) {
          ProofVerifier.verifyConsistency(old.size(), cp.size(), client.consistencyProof(old.size()), old.root(), cp.root());
        }
        lines.add("consistent with the earlier checkpoint of size " + old.size());
      } catch (RuntimeException e) {
        failures.add("consistency with the earlier checkpoint: " + e.getMessage());
      }
    }
    return new Report(cp.size(), lines, failures);
  }

  /** Canonical form and author signature of one entry; null when it checks out. */
  private static String checkEntry(long index, byte[] bytes, Map<String, NoteVerifier> authors) {
    try {
      Note n = Note.parse(bytes);
      Entry e = EntryCodec.parse(n.text());
      if (index == 0) {
        if (!e.type().equals(AccordRules.DEFINE)) {
          return "the first entry must define the accord";
        }
        AccordState s = AccordRules.definition(e);
        for (AccordState.Member m : s.members()) {
          authors.put(m.code(), NoteKeys.verifier(m.vkey()));
        }
      }
      NoteVerifier key = authors.get(e.party());
      if (key == null) {
        return "author " + e.party() + " is not a member of the accord";
      }
      Note.open(bytes, accord.tlog.NoteVerifiers.of(key));
      return null;
    } catch (RuntimeException ex) {
      return ex.getMessage();
    }
  }
}
