package accord.notify;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webhook receiver on loopback: records every post (body and headers) and answers each with the
 * next status of its script, then with the last one for good.
 */
final class Receiver implements AutoCloseable {
  record Post(String path, byte[] body, Map<String, List<String>> headers) {
    String header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0)).findFirst().orElse(null);
    }
  }

  final List<Post> posts = new CopyOnWriteArrayList<>();
  private final HttpServer server;

  Receiver(Map<String, int[]> scripts) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    scripts.forEach((path, statuses) -> {
      AtomicInteger calls = new AtomicInteger();
      server.createContext(path, ex -> {
        byte[] body = ex.getRequestBody().readAllBytes();
        posts.add(new Post(path, body, Map.copyOf(ex.getRequestHeaders())));
        int n = calls.getAndIncrement();
        ex.sendResponseHeaders(statuses[Math.min(n, statuses.length - 1)], -1);
        ex.close();
      });
    });
    server.start();
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  List<Post> postsTo(String path) {
    return posts.stream().filter(p -> p.path().equals(path)).toList();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
