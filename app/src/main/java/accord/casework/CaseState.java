package accord.casework;

import java.time.Instant;
import java.util.List;

/**
 * One case as its entries so far make it: who notified whom, the step it has reached, how far up
 * the ladder it was escalated, and the times its clocks start and stop from. Nothing here depends
 * on the time of reading; {@link CaseClocks} adds that.
 */
public record CaseState(
    String accord,
    long id,
    String notifying,
    String notified,
    String state,
    int levelNo,
    Instant filedAt,
    Instant updatedAt,
    String allegationText,
    String requestText,
    String lang,
    List<Long> incidents,
    List<String> provisions,
    Instant ackAt,
    Instant respondedAt,
    Instant plannedAt,
    Instant actionAt,
    Instant lastResponseAt,
    Instant answeredAt,
    Instant closedAt,
    int actionsTaken,
    int disputes,
    int escalations) {

  public static final String FILED = "filed";
  public static final String ACKNOWLEDGED = "acknowledged";
  public static final String INVESTIGATING = "investigating";
  public static final String RESPONDED = "responded";
  public static final String REJECTED = "rejected";
  public static final String VERIFIED = "verified";
  public static final String DISPUTED = "disputed";
  public static final String ESCALATED = "escalated";
  public static final String DECIDED = "decided";
  public static final List<String> STATES =
      List.of(FILED, ACKNOWLEDGED, INVESTIGATING, RESPONDED, REJECTED, VERIFIED, DISPUTED, ESCALATED, DECIDED);

  public CaseState {
    incidents = List.copyOf(incidents);
    provisions = List.copyOf(provisions);
  }

  public boolean open() {
    return !state.equals(VERIFIED) && !state.equals(DECIDED);
  }

  /** Whether {@code party} is the notifying or the notified party. */
  public boolean party(String code) {
    return notifying.equals(code) || notified.equals(code);
  }

  /** The other party of the case. */
  public String other(String code) {
    return notifying.equals(code) ? notified : notifying;
  }

  CaseState with(String newState, Instant at) {
    return new CaseState(accord, id, notifying, notified, newState, levelNo, filedAt, at, allegationText,
        requestText, lang, incidents, provisions, ackAt, respondedAt, plannedAt, actionAt, lastResponseAt,
        answeredAt, closedAt, actionsTaken, disputes, escalations);
  }
}
