package accord.notify;

import java.util.List;

/** One outbox row: a notice on its way to one e-mail address or webhook, and how that is going. */
public record Delivery(String id, String accord, long index, String party, Subscription.Kind kind, String target,
    String subscription, String at, String msg, List<String> args, String link, OutboxRules.State state,
    String delivered) {

  /** When the next attempt is due, as an instant (for pages). */
  public java.time.Instant nextAttempt() {
    return java.time.Instant.ofEpochMilli(state.nextAttemptMillis());
  }
}
