package accord.notify;

import accord.ledger.EntryCodec;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Posts a notice as a JSON document to a webhook. The receiver checks the {@value #SIGNATURE}
 * header, {@code sha256=} and the hex HMAC-SHA256 of the exact body under the subscription's
 * secret, to know the post came from this node. Any 2xx answer means delivered.
 */
final class Webhooks implements Channel {
  static final String SIGNATURE = "X-Accord-Signature";
  private final HttpClient client;
  private final Duration timeout;
  private final String publicUrl;
  private final boolean allowInternal;

  Webhooks(Duration timeout, String publicUrl, boolean allowInternal) {
    this.timeout = timeout;
    this.publicUrl = publicUrl;
    this.allowInternal = allowInternal;
    this.client = HttpClient.newBuilder().connectTimeout(timeout)
        .followRedirects(HttpClient.Redirect.NEVER).build();
  }

  @Override
  public void send(Delivery d, Subscription s) throws Exception {
    WebhookHosts.check(d.target(), allowInternal);
    byte[] body = body(d, publicUrl);
    HttpRequest req = HttpRequest.newBuilder(URI.create(d.target()))
        .timeout(timeout)
        .header("Content-Type", "application/json")
        .header("User-Agent", "accord-notify")
        .header("X-Accord-Delivery", d.id())
        .header(SIGNATURE, signature(s.secret(), body))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
    HttpResponse<Void> res = client.send(req, HttpResponse.BodyHandlers.discarding());
    if (res.statusCode() / 100 != 2) {
      throw new IllegalStateException("the receiver answered HTTP " + res.statusCode());
    }
  }

  /** The document a webhook receives. */
  static byte[] body(Delivery d, String publicUrl) {
    Rendered r = Rendered.of(d, publicUrl);
    ObjectNode o = EntryCodec.JSON.createObjectNode();
    o.put("accord", d.accord()).put("index", d.index()).put("party", d.party()).put("at", d.at())
        .put("message", r.message()).put("key", d.msg());
    d.args().forEach(o.putArray("args")::add);
    o.put("link", r.link());
    return EntryCodec.canonical(o).getBytes(StandardCharsets.UTF_8);
  }

  static String signature(String secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }
}
