package accord.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the outbox: every poll it takes the pending rows that are due by the injected clock, tries
 * each once, and stores the outcome ({@link OutboxRules} decides when to try again). One thread,
 * started with the server and stopped when the node closes; tests call {@link #deliverDue()}.
 */
public final class Deliverer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Deliverer.class);
  private static final int BATCH = 50;
  private static final int MAX_ERROR = 500;

  /**
   * How the node reaches the outside: SMTP (null: no e-mail), the public URL for links, timeouts,
   * retries, and whether webhooks may go to loopback and private addresses ({@link WebhookHosts}).
   */
  public record Settings(SmtpConfig smtp, String publicUrl, Duration timeout, OutboxRules.Policy policy,
      Duration poll, boolean internalWebhooks) {
    public static Settings of(SmtpConfig smtp, String publicUrl, boolean internalWebhooks) {
      return new Settings(smtp, publicUrl, Duration.ofSeconds(10), OutboxRules.Policy.DEFAULT, Duration.ofSeconds(2),
          internalWebhooks);
    }
  }

  private final Outbox outbox;
  private final Subscriptions subscriptions;
  private final Clock clock;
  private final Settings settings;
  private final Channel mail;
  private final Channel webhooks;
  private ScheduledExecutorService thread;

  public Deliverer(Jdbi jdbi, Clock clock, Settings settings) {
    this.outbox = new Outbox(jdbi);
    this.subscriptions = new Subscriptions(jdbi, clock);
    this.clock = clock;
    this.settings = settings;
    int timeout = (int) settings.timeout().toMillis();
    this.mail = settings.smtp() == null ? null : new Mailer(settings.smtp(), settings.publicUrl(), timeout);
    this.webhooks = new Webhooks(settings.timeout(), settings.publicUrl(), settings.internalWebhooks());
  }

  /** Starts polling in the background. */
  public synchronized Deliverer start() {
    if (thread == null) {
      thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "accord-deliverer");
        t.setDaemon(true);
        return t;
      });
      long every = settings.poll().toMillis();
      thread.scheduleWithFixedDelay(this::pollQuietly, 0, every, TimeUnit.MILLISECONDS);
      LOG.info("delivering notices every {} ms; mail: {}", every, settings.smtp() == null ? "not configured" : settings.smtp());
    }
    return this;
  }

  private void pollQuietly() {
    try {
      deliverDue();
    } catch (RuntimeException e) {
      LOG.warn("delivery pass failed: {}", e.getMessage());
    }
  }

  /** One pass: tries every row due now, once. Returns how many were delivered. */
  public int deliverDue() {
    int delivered = 0;
    while (true) {
      Instant now = clock.instant();
      List<Delivery> due = outbox.due(now, BATCH);
      for (Delivery d : due) {
        String error = attempt(d);
        OutboxRules.State next = OutboxRules.afterAttempt(d.state(), clock.instant(), error, settings.policy());
        outbox.record(d, next, clock.instant());
        if (error == null) {
          delivered++;
        } else {
          LOG.warn("delivery {} ({} to {}) attempt {}: {}", d.id(), d.kind().code(), d.target(), next.attempts(), error);
        }
      }
      if (due.size() < BATCH) {
        return delivered;
      }
    }
  }

  /** Sends one row; null when delivered, else why not. */
  private String attempt(Delivery d) {
    Optional<Subscription> s = subscriptions.find(d.subscription());
    if (s.isEmpty()) {
      return "the subscription was removed";
    }
    Channel c = d.kind() == Subscription.Kind.EMAIL ? mail : webhooks;
    if (c == null) {
      return "no SMTP server is configured (accord serve --smtp-host, or ACCORD_SMTP_HOST)";
    }
    try {
      c.send(d, s.get());
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    } catch (Exception e) {
      String why = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
      return why.length() > MAX_ERROR ? why.substring(0, MAX_ERROR) : why;
    }
  }

  @Override
  public synchronized void close() {
    if (thread != null) {
      thread.shutdownNow();
      try {
        thread.awaitTermination(15, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      thread = null;
    }
  }
}
