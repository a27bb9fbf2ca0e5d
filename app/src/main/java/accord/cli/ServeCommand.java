package accord.cli;

import accord.node.Node;
import accord.user.Users;
import accord.web.Server;
import io.javalin.Javalin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true, description = "Serve an existing node over HTTP.")
final class ServeCommand implements Runnable {
  @Mixin NodeOptions node;
  @Mixin NotifyOptions notify;

  @Option(names = "--port", defaultValue = "8080", description = "port (default: ${DEFAULT-VALUE})")
  int port;

  @Option(names = "--host", defaultValue = "127.0.0.1", description = "address to listen on (default: ${DEFAULT-VALUE})")
  String host;

  @Override
  public void run() {
    Node n = node.open();
    serve(n, host, port);
    notify.start(n);
    System.out.println("Accord is serving on http://" + host + ":" + port + "/");
    block();
  }

  static Javalin serve(Node n, String host, int port) {
    Javalin app = Server.create(n, new Users(n.db().jdbi(), n.clock()));
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      app.stop();
      n.close();
    }));
    return app.start(host, port);
  }

  static void block() {
    try {
      Thread.currentThread().join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
