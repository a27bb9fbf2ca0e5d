package accord.notify;

/** A way out of the node: e-mail or webhook. Throws, with a message fit for the outbox page, when not delivered. */
interface Channel {
  void send(Delivery d, Subscription s) throws Exception;
}
