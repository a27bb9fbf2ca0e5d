package accord.casework;

import accord.engagement.Agenda;
import accord.engagement.EscalatedCases;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * The cases a body takes up at its next meeting: those still open (not verified, not decided)
 * that were escalated to the body's rung of the ladder.
 */
public final class CaseAgenda implements EscalatedCases {
  @Override
  public List<Agenda.CarriedCase> open(Handle h, String accord, String level) {
    return h.createQuery("SELECT id, level, allegation_text FROM case_file WHERE accord = :a AND level = :l"
            + " AND level_no > 0 AND state NOT IN ('verified', 'decided') ORDER BY id")
        .bind("a", accord).bind("l", level)
        .map((rs, ctx) -> new Agenda.CarriedCase(rs.getLong(1), rs.getString(2), rs.getString(3)))
        .list();
  }
}
