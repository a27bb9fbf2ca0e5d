package accord.cli;

import accord.accord.AccordProjection;
import accord.accord.AccordState;
import accord.node.Node;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "keys", mixinStandardHelpOptions = true,
    description = "Print every accord's public keys, marking those whose private key this node holds.")
final class KeysCommand implements Runnable {
  @Mixin NodeOptions node;

  @Override
  public void run() {
    try (Node n = node.open()) {
      n.db().jdbi().useHandle(h -> {
        for (String id : AccordProjection.ids(h)) {
          AccordState s = AccordProjection.load(h, id).orElseThrow();
          System.out.println(id + " (" + s.title() + ")");
          line(n, "log", s.origin(), s.logVkey());
          for (AccordState.Member m : s.members()) {
            line(n, m.kind().name().toLowerCase() + " " + m.code(), id + "/" + m.code(), m.vkey());
          }
          for (AccordState.Witness w : s.witnesses()) {
            line(n, "witness", w.name(), w.vkey());
          }
        }
      });
    }
  }

  private static void line(Node n, String what, String keyName, String vkey) {
    boolean held = n.keyring().skey(keyName).isPresent();
    System.out.printf("  %-16s %s%s%n", what, vkey, held ? "  (held here)" : "");
  }
}
