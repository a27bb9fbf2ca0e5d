package accord.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Backoff and giving up, as pure functions. */
class OutboxRulesTest {
  static final OutboxRules.Policy P = new OutboxRules.Policy(5, Duration.ofSeconds(30), Duration.ofMinutes(3));
  static final Instant NOW = Instant.parse("2025-10-13T06:00:00Z");

  @Test
  void waitsDoubleUpToTheCap() {
    assertThat(OutboxRules.wait(1, P)).isEqualTo(Duration.ofSeconds(30));
    assertThat(OutboxRules.wait(2, P)).isEqualTo(Duration.ofSeconds(60));
    assertThat(OutboxRules.wait(3, P)).isEqualTo(Duration.ofSeconds(120));
    assertThat(OutboxRules.wait(4, P)).isEqualTo(Duration.ofMinutes(3));
    assertThat(OutboxRules.wait(60, P)).isEqualTo(Duration.ofMinutes(3));
  }

  @Test
  void aFailureIsRetriedUntilTheLastAttemptThenFailed() {
    var s = new OutboxRules.State(Outbox.PENDING, 0, 0, null);
    for (int i = 1; i < P.maxAttempts(); i++) {
      s = OutboxRules.afterAttempt(s, NOW, "HTTP 500", P);
      assertThat(s.status()).isEqualTo(Outbox.PENDING);
      assertThat(s.attempts()).isEqualTo(i);
      assertThat(s.nextAttemptMillis()).isEqualTo(NOW.plus(OutboxRules.wait(i, P)).toEpochMilli());
    }
    s = OutboxRules.afterAttempt(s, NOW, "HTTP 500", P);
    assertThat(s.status()).isEqualTo(Outbox.FAILED);
    assertThat(s.lastError()).isEqualTo("HTTP 500");
    var again = OutboxRules.retried(s, NOW);
    assertThat(again).isEqualTo(new OutboxRules.State(Outbox.PENDING, 0, NOW.toEpochMilli(), "HTTP 500"));
    assertThatThrownBy(() -> OutboxRules.retried(again, NOW)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aSuccessIsDeliveredAndClearsTheError() {
    var s = OutboxRules.afterAttempt(new OutboxRules.State(Outbox.PENDING, 2, 5, "timeout"), NOW, null, P);
    assertThat(s.status()).isEqualTo(Outbox.DELIVERED);
    assertThat(s.attempts()).isEqualTo(3);
    assertThat(s.lastError()).isNull();
  }
}
