package accord.cli;

import accord.node.Node;
import accord.notify.Subscription;
import accord.notify.Subscriptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "notify", mixinStandardHelpOptions = true,
    description = "Send a party's notices to e-mail addresses and webhooks.",
    subcommands = {NotifyCommand.AddEmail.class, NotifyCommand.AddWebhook.class, NotifyCommand.ListSubscriptions.class,
        NotifyCommand.Remove.class})
final class NotifyCommand implements Runnable {
  @Override
  public void run() {
    throw new IllegalArgumentException("say 'accord notify add-email', 'add-webhook', 'list' or 'remove'");
  }

  /** What both add commands take. */
  abstract static class Add implements Runnable {
    @Mixin NodeOptions node;

    @Option(names = "--accord", required = true, description = "accord id, e.g. kabul-2025")
    String accord;

    @Option(names = "--party", required = true, description = "member code whose notices are sent, e.g. PK")
    String party;

    abstract Subscription.Kind kind();

    abstract String target();

    @Override
    public void run() {
      Subscription s;
      try (Node n = node.open()) {
        s = new Subscriptions(n.db().jdbi(), n.clock()).add(accord, party, kind(), target());
      }
      System.out.println("Added " + s.id() + ": notices of " + s.party() + " in " + s.accord() + " go to " + s.target()
          + " (from entry " + s.fromIndex() + " on)");
      if (s.secret() != null) {
        System.out.println("Signing secret (shown once; the receiver checks X-Accord-Signature: sha256=HMAC of the body): "
            + s.secret());
      }
    }
  }

  @Command(name = "add-email", mixinStandardHelpOptions = true, description = "Send a party's notices to an e-mail address.")
  static final class AddEmail extends Add {
    @Parameters(index = "0", description = "e-mail address")
    String address;

    @Override
    Subscription.Kind kind() {
      return Subscription.Kind.EMAIL;
    }

    @Override
    String target() {
      return address;
    }
  }

  @Command(name = "add-webhook", mixinStandardHelpOptions = true, description = "POST a party's notices to a URL as signed JSON.")
  static final class AddWebhook extends Add {
    @Parameters(index = "0", description = "http:// or https:// URL")
    String url;

    @Override
    Subscription.Kind kind() {
      return Subscription.Kind.WEBHOOK;
    }

    @Override
    String target() {
      return url;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List the subscriptions.")
  static final class ListSubscriptions implements Runnable {
    @Mixin NodeOptions node;

    @Override
    public void run() {
      try (Node n = node.open()) {
        for (Subscription s : new Subscriptions(n.db().jdbi(), n.clock()).all()) {
          System.out.printf("%-14s %-14s %-4s %-8s %s%n", s.id(), s.accord(), s.party(), s.kind().code(), s.target());
        }
      }
    }
  }

  @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a subscription (its waiting deliveries too).")
  static final class Remove implements Runnable {
    @Mixin NodeOptions node;

    @Parameters(index = "0", description = "subscription id, as 'accord notify list' shows it")
    String id;

    @Override
    public void run() {
      try (Node n = node.open()) {
        if (!new Subscriptions(n.db().jdbi(), n.clock()).remove(id)) {
          throw new IllegalArgumentException("no subscription " + id);
        }
      }
      System.out.println("Removed " + id);
    }
  }
}
