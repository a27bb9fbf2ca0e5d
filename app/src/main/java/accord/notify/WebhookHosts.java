package accord.notify;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * Which hosts a webhook may be posted to. A subscription is an administrator's setting, but the
 * node usually sits inside a party's network: a target that resolves to this machine or to a
 * private, link-local or shared address would let the outbox probe services nobody meant to
 * expose (the cloud metadata address 169.254.169.254 among them). Such targets are refused unless
 * the node is started with internal webhooks allowed. The check runs at each delivery, on every
 * address the name resolves to then, since a name may point elsewhere tomorrow.
 */
final class WebhookHosts {
  private WebhookHosts() {}

  /** Throws, saying which address and why, when the URL's host may not be posted to. */
  static void check(String url, boolean allowInternal) throws UnknownHostException {
    if (allowInternal) {
      return;
    }
    String host = URI.create(url).getHost();
    for (InetAddress a : InetAddress.getAllByName(host)) {
      String why = internal(a);
      if (why != null) {
        String at = a.getHostAddress().equals(host) ? "" : " (" + a.getHostAddress() + ")";
        throw new IllegalStateException("refused: the webhook host " + host + at + " is " + why
            + "; start the node with --webhooks-internal to allow it");
      }
    }
  }

  /** Why an address is internal, or null when it is a public one. */
  static String internal(InetAddress a) {
    if (a.isLoopbackAddress()) {
      return "a loopback address";
    }
    if (a.isAnyLocalAddress()) {
      return "the unspecified address";
    }
    if (a.isLinkLocalAddress()) {
      return "a link-local address";
    }
    if (a.isSiteLocalAddress()) {
      return "a private address";
    }
    if (a.isMulticastAddress()) {
      return "a multicast address";
    }
    byte[] b = a.getAddress();
    if (a instanceof Inet6Address) {
      if ((b[0] & 0xfe) == 0xfc) {
        return "a unique local address";
      }
      return null;
    }
    int first = b[0] & 0xff;
    int second = b[1] & 0xff;
    if (first == 0) {
      return "an address of this network";
    }
    if (first == 100 && second >= 64 && second < 128) {
      return "a shared (carrier-grade NAT) address";
    }
    return null;
  }
}
