package accord.cli;

import accord.accord.AccordProjection;
import accord.ledger.LogAudit;
import accord.ledger.LogFiles;
import accord.ledger.LogVerifier;
import accord.node.Node;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = "Check a joint log with public keys only: checkpoint, cosignatures, tiles, every entry.")
final class VerifyCommand implements Callable<Integer> {
  static final class Source {
    @Option(names = "--url", description = "the log's prefix, e.g. http://host:8080/log/kabul-2025")
    String url;

    @Option(names = "--archive", description = "an archive written by 'accord export'")
    Path archive;

    @Option(names = "--local", description = "this node's own database (with --data/--db and --accord): also audits every stored hash")
    boolean local;
  }

  @Mixin NodeOptions node;

  @Option(names = "--accord", description = "with --local: the accord whose log to check")
  String accord;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  @Option(names = "--log-key", description = "the log's verifier key (vkey); with --local, taken from the accord's definition")
  String logKey;

  @Option(names = "--witness", description = "a witness's cosignature vkey (repeat for each)")
  List<String> witnesses = List.of();

  @Option(names = "--quorum", defaultValue = "-1", description = "cosignatures required (default: all witnesses given)")
  int quorum;

  @Option(names = "--since", description = "a checkpoint saved earlier: also prove the log only grew since")
  Path since;

  @Option(names = "--save", description = "save the verified checkpoint here, for a later --since")
  Path save;

  @Option(names = "--token", description = "bearer token (default: $ACCORD_TOKEN)")
  String token;

  @Override
  public Integer call() throws IOException {
    if (source.local) {
      return local();
    }
    if (logKey == null) {
      throw new IllegalArgumentException("--log-key is required with --url or --archive");
    }
    Function<String, byte[]> fetch = source.url != null ? http(source.url, token != null ? token : System.getenv("ACCORD_TOKEN")) : archive(source.archive);
    return report(fetch, logKey, witnesses);
  }

  /** Checks this node's stored log: the tiles as a remote verifier sees them, then every row. */
  private int local() throws IOException {
    if (accord == null) {
      throw new IllegalArgumentException("--local needs --accord ID");
    }
    try (Node n = node.open()) {
      return n.db().jdbi().withHandle(h -> {
        var def = AccordProjection.load(h, accord)
            .orElseThrow(() -> new IllegalArgumentException("no accord " + accord + " on this node"));
        String key = logKey != null ? logKey : def.logVkey();
        List<String> ws = witnesses.isEmpty() ? def.witnesses().stream().map(w -> w.vkey()).toList() : witnesses;
        int code = report(path -> LogFiles.read(h, accord, path), key, ws);
        List<String> problems = LogAudit.audit(h, accord);
        problems.forEach(p -> System.out.println("FAIL  " + p));
        if (problems.isEmpty()) {
          System.out.println("ok    every stored entry, hash and checkpoint matches");
        }
        return code == 0 && problems.isEmpty() ? 0 : 1;
      });
    }
  }

  private int report(Function<String, byte[]> fetch, String logKey, List<String> witnesses) throws IOException {
    byte[] earlier = since == null ? null : Files.readAllBytes(since);
    LogVerifier.Report r = LogVerifier.verify(fetch, logKey, witnesses, quorum, earlier);
    r.lines().forEach(l -> System.out.println("ok    " + l));
    r.failures().forEach(l -> System.out.println("FAIL  " + l));
    System.out.println(r.ok() ? "verified: " + r.size() + " entries" : "NOT verified: " + r.failures().size() + " problem(s)");
    if (r.ok() && save != null) {
      Files.write(save, fetch.apply("checkpoint"));
    }
    return r.ok() ? 0 : 1;
  }

  static Function<String, byte[]> http(String prefix, String token) {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    String base = prefix.endsWith("/") ? prefix : prefix + "/";
    return path -> {
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
      if (token != null && !token.isBlank()) {
        b.header("Authorization", "Bearer " + token);
      }
      try {
        HttpResponse<byte[]> res = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (res.statusCode() == 404) {
          return null;
        }
        if (res.statusCode() != 200) {
          throw new IllegalStateException("GET " + base + path + " answered " + res.statusCode());
        }
        return res.body();
      } catch (IOException e) {
        throw new IllegalStateException("GET " + base + path + " failed: " + e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted");
      }
    };
  }

  static Function<String, byte[]> archive(Path zip) throws IOException {
    Map<String, byte[]> files = new HashMap<>();
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        files.put(e.getName(), in.readAllBytes());
      }
    }
    return files::get;
  }
}
