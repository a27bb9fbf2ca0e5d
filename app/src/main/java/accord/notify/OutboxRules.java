package accord.notify;

import java.time.Duration;
import java.time.Instant;

/**
 * When a delivery is tried again, as pure functions. A failed attempt waits {@code firstWait},
 * then twice as long after each further failure (capped at {@code maxWait}), so a receiver that
 * is down for a while is not hammered; after {@code maxAttempts} failures the row is marked failed
 * and waits for an administrator to retry it.
 */
public final class OutboxRules {
  private OutboxRules() {}

  public record Policy(int maxAttempts, Duration firstWait, Duration maxWait) {
    public static final Policy DEFAULT = new Policy(8, Duration.ofSeconds(30), Duration.ofHours(2));

    public Policy {
      if (maxAttempts < 1 || firstWait.isNegative() || maxWait.compareTo(firstWait) < 0) {
        throw new IllegalArgumentException("retry policy: want at least one attempt and 0 <= first wait <= longest wait");
      }
    }
  }

  /** A row's delivery state. */
  public record State(String status, int attempts, long nextAttemptMillis, String lastError) {}

  /** The state after one attempt made at {@code now}; {@code error} null means it was delivered. */
  public static State afterAttempt(State s, Instant now, String error, Policy p) {
    int attempts = s.attempts() + 1;
    if (error == null) {
      return new State(Outbox.DELIVERED, attempts, s.nextAttemptMillis(), null);
    }
    if (attempts >= p.maxAttempts()) {
      return new State(Outbox.FAILED, attempts, s.nextAttemptMillis(), error);
    }
    return new State(Outbox.PENDING, attempts, now.plus(wait(attempts, p)).toEpochMilli(), error);
  }

  /** The wait after the {@code failures}-th failure in a row: firstWait × 2^(failures − 1), capped. */
  public static Duration wait(int failures, Policy p) {
    Duration d = p.firstWait();
    for (int i = 1; i < failures && d.compareTo(p.maxWait()) < 0; i++) {
      d = d.multipliedBy(2);
    }
    return d.compareTo(p.maxWait()) > 0 ? p.maxWait() : d;
  }

  /** An administrator's retry: a failed row is due again at once, with a fresh count of attempts. */
  public static State retried(State s, Instant now) {
    if (!Outbox.FAILED.equals(s.status())) {
      throw new IllegalStateException("only a failed delivery can be retried; this one is " + s.status());
    }
    return new State(Outbox.PENDING, 0, now.toEpochMilli(), s.lastError());
  }
}
