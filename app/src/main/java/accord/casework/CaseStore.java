package accord.casework;

import accord.accord.AccordState;
import accord.ledger.EntryCodec;
import accord.ledger.LogStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The rows of case_file: a {@link CaseState} stored, and read back. */
public final class CaseStore {
  static final String COLUMNS = "accord, id, notifying, notified, state, level, level_no, filed_at, updated_at,"
      + " allegation_text, request_text, lang, incidents, provisions, ack_at, responded_at, planned_at, action_at,"
      + " last_response_at, answered_at, closed_at, ack_due, respond_due, ack_secs, respond_secs, actions_taken,"
      + " disputes, escalations, owes, next_due";

  private CaseStore() {}

  public static Optional<CaseState> load(Handle h, String accord, long id) {
    return h.createQuery("SELECT " + COLUMNS + " FROM case_file WHERE accord = :a AND id = :i")
        .bind("a", accord).bind("i", id)
        .map((rs, ctx) -> read(rs)).findOne();
  }

  /** Stores a case after an entry: a new row for case.file, the same row updated after. */
  static void store(Handle h, CaseState c, AccordState a, boolean created) {
    Instant ackDue = c.filedAt().plus(a.clocks().get("acknowledge"));
    Instant respondDue = c.filedAt().plus(a.clocks().get("respond"));
    Object[] v = {
      c.notifying(), c.notified(), c.state(), a.ladder().get(Math.min(c.levelNo(), a.ladder().size() - 1)), c.levelNo(),
      t(c.filedAt()), t(c.updatedAt()), c.allegationText(), c.requestText(), c.lang(), list(c.incidents()),
      list(c.provisions()), t(c.ackAt()), t(c.respondedAt()), t(c.plannedAt()), t(c.actionAt()),
      t(c.lastResponseAt()), t(c.answeredAt()), t(c.closedAt()), t(ackDue), t(respondDue),
      secs(c.filedAt(), c.ackAt()), secs(c.filedAt(), c.respondedAt()), c.actionsTaken(), c.disputes(),
      c.escalations(), CaseClocks.owes(c, a), t(CaseClocks.nextDue(c, a)), c.accord(), c.id()
    };
    PreparedStatement ps = created
        ? LogStore.prepared(h, "INSERT INTO case_file (notifying, notified, state, level, level_no, filed_at, updated_at,"
            + " allegation_text, request_text, lang, incidents, provisions, ack_at, responded_at, planned_at, action_at,"
            + " last_response_at, answered_at, closed_at, ack_due, respond_due, ack_secs, respond_secs, actions_taken,"
            + " disputes, escalations, owes, next_due, accord, id)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        : LogStore.prepared(h, "UPDATE case_file SET notifying = ?, notified = ?, state = ?, level = ?, level_no = ?,"
            + " filed_at = ?, updated_at = ?, allegation_text = ?, request_text = ?, lang = ?, incidents = ?, provisions = ?,"
            + " ack_at = ?, responded_at = ?, planned_at = ?, action_at = ?, last_response_at = ?, answered_at = ?,"
            + " closed_at = ?, ack_due = ?, respond_due = ?, ack_secs = ?, respond_secs = ?, actions_taken = ?,"
            + " disputes = ?, escalations = ?, owes = ?, next_due = ? WHERE accord = ? AND id = ?");
    LogStore.exec(ps, v);
  }

  static CaseState read(ResultSet rs) throws SQLException {
    return new CaseState(rs.getString("accord"), rs.getLong("id"), rs.getString("notifying"), rs.getString("notified"),
        rs.getString("state"), rs.getInt("level_no"), i(rs.getString("filed_at")), i(rs.getString("updated_at")),
        rs.getString("allegation_text"), rs.getString("request_text"), rs.getString("lang"),
        split(rs.getString("incidents")).stream().map(Long::parseLong).toList(), split(rs.getString("provisions")),
        i(rs.getString("ack_at")), i(rs.getString("responded_at")), i(rs.getString("planned_at")),
        i(rs.getString("action_at")), i(rs.getString("last_response_at")), i(rs.getString("answered_at")),
        i(rs.getString("closed_at")), rs.getInt("actions_taken"), rs.getInt("disputes"), rs.getInt("escalations"));
  }

  static String t(Instant t) {
    return t == null ? null : EntryCodec.formatTime(t);
  }

  static Instant i(String s) {
    return s == null ? null : Instant.parse(s);
  }

  private static Long secs(Instant from, Instant to) {
    return to == null ? null : java.time.Duration.between(from, to).toSeconds();
  }

  /** A list as ",a,b," so one element can be matched with LIKE '%,a,%'. */
  static String list(List<?> items) {
    return items.isEmpty() ? "" : "," + String.join(",", items.stream().map(String::valueOf).toList()) + ",";
  }

  static List<String> split(String s) {
    if (s == null || s.isEmpty()) {
      return List.of();
    }
    return new ArrayList<>(Arrays.stream(s.split(",")).filter(x -> !x.isEmpty()).toList());
  }

}
