package accord.cli;

import accord.accord.AccordProjection;
import accord.accord.AccordState;
import accord.node.Demo;
import accord.node.Node;
import accord.user.Users;
import java.nio.file.Path;
import java.time.Clock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "Run a node with the default accords, demo users and a short history.")
final class DemoCommand implements Runnable {
  @Option(names = "--data", defaultValue = "accord-demo", description = "data folder (default: ${DEFAULT-VALUE})")
  Path data;

  @Option(names = "--port", defaultValue = "8080", description = "port (default: ${DEFAULT-VALUE})")
  int port;

  @Override
  public void run() {
    Node node = Node.open(data, null, Clock.systemUTC());
    Users users = new Users(node.db().jdbi(), node.clock());
    boolean fresh = Demo.loadIfEmpty(node, users);
    ServeCommand.serve(node, "127.0.0.1", port);
    new NotifyOptions().start(node);
    String base = "http://127.0.0.1:" + port;
    StringBuilder out = new StringBuilder();
    out.append(fresh ? "Created the demo in " : "Using the demo in ").append(data.toAbsolutePath()).append('\n');
    out.append("Accord is serving on ").append(base).append("/\n\n");
    out.append("  Open:        ").append(base).append("/login  (English, اردو, پښتو, دری)\n");
    out.append("  API:         ").append(base).append("/api/openapi.json\n");
    out.append("  Kabul log:   ").append(base).append("/log/kabul-2025/checkpoint\n\n");
    out.append("Sign in (in the browser, or POST /api/session) as any of these, password ").append(Demo.PASSWORD).append(":\n");
    for (Demo.Login l : Demo.LOGINS) {
      out.append(String.format("  %-12s %s%n", l.username(), l.description()));
    }
    AccordState kabul = node.db().jdbi().withHandle(h -> AccordProjection.load(h, "kabul-2025")).orElseThrow();
    out.append("\nCheck the Kabul log yourself (with a token from POST /api/session):\n  ./accord verify --url ")
        .append(base).append("/log/kabul-2025 --log-key ").append(kabul.logVkey());
    kabul.witnesses().forEach(w -> out.append(" \\\n      --witness ").append(w.vkey()));
    out.append(" \\\n      --token TOKEN\n");
    System.out.print(out);
    ServeCommand.block();
  }
}
