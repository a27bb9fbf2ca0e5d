package accord.notify;

import static org.assertj.core.api.Assertions.assertThat;

import accord.Engines;
import accord.HandClock;
import accord.ledger.EntryCodec;
import accord.web.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The outbox end to end: a real SMTP server (GreenMail) and a webhook receiver on loopback, the
 * deliverer driven by a clock the test moves, a receiver that fails twice, one that never
 * recovers, the administrator's retry, and a rebuild that sends nothing again.
 */
class OutboxTest {
  static final OutboxRules.Policy POLICY = new OutboxRules.Policy(4, Duration.ofSeconds(30), Duration.ofMinutes(10));

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(Engines.class)
  void emailsAndSignedWebhooksAreDeliveredWithRetriesAndNeverTwice(Engines engine) throws Exception {
    GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
    smtp.start();
    try (TestServer s = new TestServer(engine, dir);
        Receiver receiver = new Receiver(Map.of("/flaky", new int[] {503, 500, 204}, "/down", new int[] {500}))) {
      String admin = s.login("admin");
      String pk = s.login("pk.liaison");
      String af = s.login("af.liaison");
      // The deliverer's clock starts at the node's time (the administrator's retry is stamped by the node).
      Instant t0 = s.node.clock().instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
      HandClock clock = new HandClock(t0);
      var settings = new Deliverer.Settings(
          new SmtpConfig("127.0.0.1", smtp.getSmtp().getPort(), "accord@node.example.org", false, null, null),
          "https://accord.example.org", Duration.ofSeconds(5), POLICY, Duration.ofSeconds(1), true);
      Deliverer deliverer = new Deliverer(s.node.db().jdbi(), clock, settings);

      subscribe(s, admin, "PK", "email", "pk-desk@example.org");
      String secret = subscribe(s, admin, "PK", "webhook", receiver.url("/flaky")).get("secret").asText();
      assertThat(secret).hasSizeGreaterThanOrEqualTo(32);
      subscribe(s, admin, "AF", "webhook", receiver.url("/down"));
      assertThat(s.postJson("/api/admin/notify/subscriptions", admin, """
          {"accord": "%s", "party": "PK", "kind": "email", "target": "pk-desk@example.org"}""".formatted(Fixture.DOHA))
          .status()).as("the same target twice").isEqualTo(409);
      var badTarget = s.postJson("/api/admin/notify/subscriptions", admin, """
          {"accord": "%s", "party": "PK", "kind": "webhook", "target": "ftp://example.org/x"}""".formatted(Fixture.DOHA));
      assertThat(badTarget.status()).isEqualTo(400);
      assertThat(badTarget.json().get("error").asText()).startsWith("target:");
      assertThat(s.postJson("/api/admin/notify/subscriptions", admin, """
          {"accord": "%s", "party": "XX", "kind": "email", "target": "a@example.org"}""".formatted(Fixture.DOHA))
          .json().get("error").asText()).startsWith("party:");
      assertThat(s.postJson("/api/admin/notify/subscriptions", pk, "{}").status()).as("admin only").isEqualTo(403);
      assertThat(s.get("/api/admin/notify/subscriptions", admin).json().toString()).doesNotContain(secret);

      long incident = Fixture.report(s, pk);
      long account = Fixture.account(s, af, incident);
      assertThat(outbox(s, admin).get("counts").get("pending").asLong()).as("Pakistan's e-mail and webhook").isEqualTo(2);

      // First pass: the e-mail goes out, the webhook's receiver answers 503.
      assertThat(deliverer.deliverDue()).isEqualTo(1);
      assertThat(smtp.waitForIncomingEmail(5000, 1)).isTrue();
      MimeMessage mail = smtp.getReceivedMessages()[0];
      assertThat(mail.getRecipients(Message.RecipientType.TO)).extracting(Object::toString).containsExactly("pk-desk@example.org");
      assertThat(mail.getFrom()[0].toString()).isEqualTo("accord@node.example.org");
      assertThat(mail.getSubject()).contains("AF filed its account of incident " + incident);
      assertThat(GreenMailUtil.getBody(mail)).contains("https://accord.example.org/accords/" + Fixture.DOHA + "/incidents/" + incident);
      JsonNode flaky = delivery(s, admin, "webhook", "PK");
      assertThat(flaky.get("status").asText()).isEqualTo("pending");
      assertThat(flaky.get("attempts").asInt()).isEqualTo(1);
      assertThat(flaky.get("last_error").asText()).contains("503");
      assertThat(flaky.get("next_attempt").asText()).isEqualTo(EntryCodec.formatTime(t0.plusSeconds(30)));

      // Not due again before its wait is over; then a second failure doubles the wait; the third try lands.
      clock.advance(Duration.ofSeconds(29));
      assertThat(deliverer.deliverDue()).isZero();
      assertThat(receiver.postsTo("/flaky")).hasSize(1);
      clock.advance(Duration.ofSeconds(1));
      assertThat(deliverer.deliverDue()).isZero();
      assertThat(delivery(s, admin, "webhook", "PK").get("next_attempt").asText())
          .isEqualTo(EntryCodec.formatTime(t0.plusSeconds(30 + 60)));
      clock.advance(Duration.ofSeconds(60));
      assertThat(deliverer.deliverDue()).isEqualTo(1);
      assertThat(receiver.postsTo("/flaky")).hasSize(3);
      assertThat(delivery(s, admin, "webhook", "PK").get("status").asText()).isEqualTo("delivered");

      // What the webhook received, and its signature checked as a receiver would.
      Receiver.Post post = receiver.postsTo("/flaky").get(2);
      assertThat(post.header("X-Accord-Signature")).isEqualTo(hmac(secret, post.body()));
      assertThat(post.header("X-Accord-Signature")).isNotEqualTo(hmac("another secret", post.body()));
      JsonNode doc = EntryCodec.JSON.readTree(post.body());
      assertThat(doc.get("accord").asText()).isEqualTo(Fixture.DOHA);
      assertThat(doc.get("index").asLong()).isEqualTo(account);
      assertThat(doc.get("party").asText()).isEqualTo("PK");
      assertThat(doc.get("key").asText()).isEqualTo("incident.notice.account");
      assertThat(doc.get("args").toString()).isEqualTo("[\"AF\",\"" + incident + "\"]");
      assertThat(doc.get("message").asText()).isEqualTo("AF filed its account of incident " + incident + ", which you reported.");
      assertThat(doc.get("link").asText()).isEqualTo("https://accord.example.org/accords/" + Fixture.DOHA + "/incidents/" + incident);

      // The finding notifies both parties: Afghanistan's receiver never recovers, so that row is given up.
      Fixture.finding(s, s.login("mediator"), incident);
      for (int i = 0; i < POLICY.maxAttempts(); i++) {
        deliverer.deliverDue();
        clock.advance(POLICY.maxWait());
      }
      JsonNode down = delivery(s, admin, "webhook", "AF");
      assertThat(down.get("status").asText()).isEqualTo("failed");
      assertThat(down.get("attempts").asInt()).isEqualTo(POLICY.maxAttempts());
      assertThat(down.get("last_error").asText()).contains("HTTP 500");
      assertThat(receiver.postsTo("/down")).hasSize(POLICY.maxAttempts());
      assertThat(smtp.getReceivedMessages()).hasSize(2);
      JsonNode counts = outbox(s, admin).get("counts");
      assertThat(counts.get("delivered").asLong()).isEqualTo(4);
      assertThat(counts.get("failed").asLong()).isEqualTo(1);

      // A rebuild replays every entry and posts every notice again, but sends nothing again.
      String digest = s.node.digest();
      assertThat(s.node.rebuild().digest()).isEqualTo(digest);
      assertThat(outbox(s, admin).get("counts")).isEqualTo(counts);
      clock.advance(Duration.ofHours(1));
      assertThat(deliverer.deliverDue()).isZero();
      assertThat(smtp.getReceivedMessages()).hasSize(2);
      assertThat(receiver.postsTo("/flaky")).hasSize(4);
      assertThat(receiver.postsTo("/down")).hasSize(POLICY.maxAttempts());

      // The administrator retries the failed row: it is due at once, and tried again.
      String id = down.get("id").asText();
      assertThat(s.postJson("/api/admin/notify/outbox/retry", pk, "{\"id\": \"" + id + "\"}").status()).isEqualTo(403);
      var retried = s.postJson("/api/admin/notify/outbox/retry", admin, "{\"id\": \"" + id + "\"}");
      assertThat(retried.status()).as(retried.text()).isEqualTo(200);
      assertThat(retried.json().get("status").asText()).isEqualTo("pending");
      assertThat(s.postJson("/api/admin/notify/outbox/retry", admin, "{\"id\": \"" + id + "\"}").status())
          .as("only a failed row is retried").isEqualTo(409);
      assertThat(s.postJson("/api/admin/notify/outbox/retry", admin, "{\"id\": \"nothing\"}").status()).isEqualTo(404);
      deliverer.deliverDue();
      assertThat(receiver.postsTo("/down")).hasSize(POLICY.maxAttempts() + 1);
    } finally {
      smtp.stop();
    }
  }

  @ParameterizedTest
  @EnumSource(value = Engines.class, names = "SQLITE")
  void aSubscriptionGetsOnlyNoticesOfEntriesAfterItAndRemovingItDropsWhatWaits(Engines engine) throws Exception {
    try (TestServer s = new TestServer(engine, dir)) {
      String admin = s.login("admin");
      String pk = s.login("pk.liaison");
      String af = s.login("af.liaison");
      long incident = Fixture.report(s, pk);
      Fixture.account(s, af, incident);
      JsonNode sub = subscribe(s, admin, "PK", "email", "late@example.org");
      assertThat(outbox(s, admin).get("deliveries")).as("the earlier notice is not sent to a later subscription").isEmpty();
      s.node.rebuild();
      assertThat(outbox(s, admin).get("deliveries")).as("nor after a rebuild").isEmpty();
      Fixture.account(s, af, incident);
      assertThat(outbox(s, admin).get("counts").get("pending").asLong()).isEqualTo(1);
      var removed = s.postJson("/api/admin/notify/subscriptions/remove", admin, "{\"id\": \"" + sub.get("id").asText() + "\"}");
      assertThat(removed.status()).as(removed.text()).isEqualTo(200);
      assertThat(outbox(s, admin).get("counts").get("pending").asLong()).isZero();
      assertThat(s.get("/api/admin/notify/subscriptions", admin).json().get("subscriptions")).isEmpty();
      assertThat(s.postJson("/api/admin/notify/subscriptions/remove", admin, "{\"id\": \"" + sub.get("id").asText() + "\"}")
          .status()).isEqualTo(404);
      assertThat(s.get("/api/admin/notify/outbox?status=lost", admin).status()).isEqualTo(400);
    }
  }

  /** A node that was not told it may post to internal addresses refuses its loopback receiver. */
  @org.junit.jupiter.api.Test
  void webhooksToInternalAddressesAreRefusedUnlessAllowed() throws Exception {
    try (TestServer s = new TestServer(Engines.SQLITE, dir); Receiver receiver = new Receiver(Map.of())) {
      String admin = s.login("admin");
      subscribe(s, admin, "PK", "webhook", receiver.url("/hook"));
      Fixture.account(s, s.login("af.liaison"), Fixture.report(s, s.login("pk.liaison")));
      var settings = new Deliverer.Settings(null, null, Duration.ofSeconds(2), POLICY, Duration.ofSeconds(1), false);
      assertThat(new Deliverer(s.node.db().jdbi(), s.node.clock(), settings).deliverDue()).isZero();
      JsonNode refused = delivery(s, admin, "webhook", "PK");
      assertThat(refused.get("last_error").asText()).contains("refused: the webhook host 127.0.0.1 is a loopback address");
      assertThat(receiver.postsTo("/hook")).isEmpty();

      for (String a : new String[] {"10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "::1", "fd00::1", "fe80::1"}) {
        assertThat(WebhookHosts.internal(java.net.InetAddress.getByName(a))).as(a).isNotNull();
      }
      for (String a : new String[] {"8.8.8.8", "203.0.113.7", "100.128.0.1", "2001:db8::1"}) {
        assertThat(WebhookHosts.internal(java.net.InetAddress.getByName(a))).as(a).isNull();
      }
    }
  }

  static JsonNode subscribe(TestServer s, String admin, String party, String kind, String target) {
    var r = s.postJson("/api/admin/notify/subscriptions", admin, """
        {"accord": "%s", "party": "%s", "kind": "%s", "target": "%s"}""".formatted(Fixture.DOHA, party, kind, target));
    assertThat(r.status()).as(r.text()).isEqualTo(201);
    return r.json();
  }

  static JsonNode outbox(TestServer s, String admin) {
    var r = s.get("/api/admin/notify/outbox", admin);
    assertThat(r.status()).as(r.text()).isEqualTo(200);
    return r.json();
  }

  /** The one delivery of this kind to this party that is not yet delivered, else the latest. */
  static JsonNode delivery(TestServer s, String admin, String kind, String party) {
    JsonNode found = null;
    for (JsonNode d : outbox(s, admin).get("deliveries")) {
      if (d.get("kind").asText().equals(kind) && d.get("party").asText().equals(party)) {
        if (!d.get("status").asText().equals("delivered")) {
          return d;
        }
        found = found == null ? d : found;
      }
    }
    assertThat(found).as(kind + " to " + party).isNotNull();
    return found;
  }

  static String hmac(String secret, byte[] body) throws Exception {
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return "sha256=" + java.util.HexFormat.of().formatHex(mac.doFinal(body));
  }
}
