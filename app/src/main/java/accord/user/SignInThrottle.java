package accord.user;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing: after {@link #MAX_FAILURES} failures for one key (address and
 * username) within {@link #WINDOW}, further attempts are refused until the window has passed.
 */
public final class SignInThrottle {
  public static final int MAX_FAILURES = 5;
  public static final Duration WINDOW = Duration.ofMinutes(5);

  private record Failures(int count, Instant since) {}

  private final ConcurrentHashMap<String, Failures> failures = new ConcurrentHashMap<>();
  private final Clock clock;

  public SignInThrottle(Clock clock) {
    this.clock = clock;
  }

  public boolean allowed(String key) {
    Failures f = failures.get(key);
    if (f == null) {
      return true;
    }
    if (f.since().plus(WINDOW).isBefore(clock.instant())) {
      failures.remove(key, f);
      return true;
    }
    return f.count() < MAX_FAILURES;
  }

  public void failed(String key) {
    Instant now = clock.instant();
    failures.merge(key, new Failures(1, now), (a, b) ->
        a.since().plus(WINDOW).isBefore(now) ? b : new Failures(a.count() + 1, a.since()));
    if (failures.size() > 100_000) {
      failures.clear(); // bound memory under a flood of distinct keys
    }
  }

  public void succeeded(String key) {
    failures.remove(key);
  }
}
