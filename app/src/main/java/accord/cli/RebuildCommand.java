package accord.cli;

import accord.ledger.Replay;
import accord.node.Node;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
    name = "rebuild",
    mixinStandardHelpOptions = true,
    description = "Drop the read models, replay every log, and compare the state digest with the one before.")
final class RebuildCommand implements Callable<Integer> {
  @Mixin NodeOptions node;

  @Override
  public Integer call() {
    try (Node n = node.open()) {
      String before = n.digest();
      Replay.Result r = n.rebuild();
      System.out.println("replayed " + r.entries() + " entries");
      r.violations().forEach(v -> System.out.println("violation: " + v.accord() + " entry " + v.index() + ": " + v.reason()));
      System.out.println("digest before: " + before);
      System.out.println("digest after:  " + r.digest());
      boolean same = before.equals(r.digest());
      System.out.println(same ? "the rebuilt state is identical" : "the rebuilt state DIFFERS");
      return same && r.violations().isEmpty() ? 0 : 1;
    }
  }
}
