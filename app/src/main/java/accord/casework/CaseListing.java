package accord.casework;

import accord.accord.AccordProjection;
import accord.accord.AccordState;
import accord.ledger.EntryCodec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** The command line's table of open (or overdue) cases: one line per case, columns aligned. */
public final class CaseListing {
  private CaseListing() {}

  /** The table's lines, a header first; throws IllegalArgumentException for an unknown accord or party. */
  public static List<String> lines(Handle h, String accord, String party, boolean overdueOnly, Instant now, int limit) {
    AccordState a = AccordProjection.load(h, accord).orElseThrow(() -> new IllegalArgumentException("no accord " + accord));
    if (party != null && a.parties().stream().noneMatch(m -> m.code().equals(party))) {
      throw new IllegalArgumentException("accord " + accord + " has no party " + party + " (want one of "
          + a.parties().stream().map(AccordState.Member::code).toList() + ")");
    }
    CaseQuery.Filter f = new CaseQuery.Filter(party, true, overdueOnly, null);
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"ID", "PARTIES", "STATE", "LEVEL", "OWES", "NEXT DUE / OVERDUE SINCE"});
    for (CaseState c : CaseQuery.list(h, accord, f, now, limit, 0)) {
      CaseClocks.View v = CaseClocks.of(c, a, now);
      String when = v.overdueSince() != null ? "overdue since " + EntryCodec.formatTime(v.overdueSince())
          : v.nextDue() != null ? "due " + EntryCodec.formatTime(v.nextDue()) : "-";
      rows.add(new String[] {Long.toString(c.id()), c.notifying() + " -> " + c.notified(), c.state(), v.level(),
          v.owes().isEmpty() ? "-" : v.owes(), when});
    }
    int[] width = new int[rows.get(0).length];
    for (String[] r : rows) {
      for (int i = 0; i < r.length; i++) {
        width[i] = Math.max(width[i], r[i].length());
      }
    }
    List<String> out = new ArrayList<>();
    for (String[] r : rows) {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < r.length; i++) {
        b.append(i == r.length - 1 ? r[i] : String.format("%-" + (width[i] + 2) + "s", r[i]));
      }
      out.add(b.toString().stripTrailing());
    }
    return out;
  }
}
