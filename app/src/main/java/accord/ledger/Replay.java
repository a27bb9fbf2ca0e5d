package accord.ledger;

import accord.tlog.FormatException;
import accord.tlog.Hash;
import accord.tlog.Note;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Rebuilds the read models from the logs. Every entry is checked again as if it were new — its
 * bytes against its stored leaf hash, its canonical form, its author's key, and its feature's
 * {@code decide} — and an entry that fails is reported as a violation and not applied. All in
 * one transaction: a failed rebuild leaves the old read model in place.
 */
public final class Replay {
  private Replay() {}

  public record Violation(String accord, long index, String reason) {}

  public record Result(long entries, List<Violation> violations, String digest) {}

  public static Result rebuild(Jdbi jdbi, List<Projection> projections, AuthorKeys keys) {
    return jdbi.inTransaction(
        h -> {
          for (Projection p : projections) {
            for (String table : p.tables()) {
              h.execute("DELETE FROM " + table);
            }
          }
          List<Violation> violations = new ArrayList<>();
          long count = 0;
          for (String accord : LogStore.accords(h)) {
            long from = 0;
            while (true) {
              List<LogStore.StoredEntry> page = LogStore.entries(h, accord, from, 1000);
              if (page.isEmpty()) {
                break;
              }
              for (LogStore.StoredEntry s : page) {
                count++;
                String why = apply(h, projections, keys, accord, s);
                if (why != null) {
                  violations.add(new Violation(accord, s.index(), why));
                }
              }
              WriteBehind.flush(h);
              from = page.get(page.size() - 1).index() + 1;
            }
          }
          return new Result(count, violations, StateDigest.of(h, projections));
        });
  }

  private static String apply(
      Handle h, List<Projection> projections, AuthorKeys keys, String accord, LogStore.StoredEntry s) {
    String sp = "r" + s.index();
    h.savepoint(sp);
    try {
      byte[] leaf = h.createQuery("SELECT leaf_hash FROM log_entry WHERE accord = :a AND idx = :i")
          .bind("a", accord).bind("i", s.index()).mapTo(byte[].class).one();
      if (!Hash.equal(leaf, Hash.leaf(s.note()))) {
        throw Rejection.invalid("stored leaf hash does not match the entry's bytes");
      }
      Note note = Note.parse(s.note());
      Entry e = EntryCodec.parse(note.text());
      if (!e.accord().equals(accord)) {
        throw Rejection.invalid("entry names accord " + e.accord() + " but is in the log of " + accord);
      }
      keys.requireSigned(h, e, note);
      Projection.apply(projections, h, e, s.index());
      h.release(sp);
      return null;
    } catch (Rejection | FormatException ex) {
      h.rollbackToSavepoint(sp);
      BatchCache.clear(h);
      return ex.getMessage();
    }
  }
}
