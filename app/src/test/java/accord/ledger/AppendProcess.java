package accord.ledger;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@link AppendUnderLoad} running in its own JVM, seen from the test: the ACK lines it printed,
 * and a SIGKILL. Its stderr goes to a file that failures quote.
 */
final class AppendProcess implements AutoCloseable {
  /** An acknowledged entry: its index and the SHA-256 of its note text, in hex. */
  record Ack(long index, String textHash) {}

  /** How a JVM reports a child that died of SIGKILL: 128 + 9. */
  static final int KILLED = 137;

  private static final Pattern ACK = Pattern.compile("ACK (\\d+) ([0-9a-f]{64})");

  private final Process process;
  private final Path log;
  private final List<Ack> acks = new ArrayList<>();
  private final List<String> junk = new ArrayList<>();
  private final CountDownLatch firstAck = new CountDownLatch(1);
  private final Thread reader;

  AppendProcess(Path dataDir, String dbUrl, String run, int threads, int inFlight, Path log) throws IOException {
    this.log = log;
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> cmd = List.of(
        java,
        // A short-lived JVM: C1 only and the class-data archive start it faster.
        "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-Xmx256m",
        "-cp", System.getProperty("java.class.path"),
        AppendUnderLoad.class.getName(),
        dataDir.toString(), dbUrl == null ? "-" : dbUrl, run, Integer.toString(threads), Integer.toString(inFlight));
    this.process = new ProcessBuilder(cmd)
        .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .start();
    this.reader = new Thread(this::read, "ack-reader");
    reader.setDaemon(true);
    reader.start();
  }

  private void read() {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII))) {
      for (String line; (line = r.readLine()) != null; ) {
        Matcher m = ACK.matcher(line);
        synchronized (acks) {
          if (m.matches()) {
            acks.add(new Ack(Long.parseLong(m.group(1)), m.group(2)));
            firstAck.countDown();
          } else {
            junk.add(line);
          }
        }
      }
    } catch (IOException e) {
      // close() shut the stream on a child that was not killed the normal way: nothing more to read
    }
  }

  /** Waits for the first acknowledged entry; false if the child died or took too long. */
  boolean awaitFirstAck(long seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline) {
      if (firstAck.await(50, TimeUnit.MILLISECONDS)) {
        return true;
      }
      if (!process.isAlive()) {
        return false;
      }
    }
    return false;
  }

  /**
   * Sends SIGKILL, waits for the child to die and its output to end; returns the exit code.
   * Through the process handle: {@code Process.destroyForcibly()} also closes our end of the
   * child's stdout, which would drop the ACK lines still in the pipe.
   */
  int kill() throws InterruptedException {
    process.toHandle().destroyForcibly();
    int code = process.waitFor();
    reader.join(10_000);
    if (reader.isAlive()) {
      throw new IllegalStateException("the killed child's stdout did not end; its ACKs may be incomplete");
    }
    return code;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  List<Ack> acks() {
    synchronized (acks) {
      return List.copyOf(acks);
    }
  }

  /** Lines on stdout that were not ACKs: there should be none. */
  List<String> junk() {
    synchronized (acks) {
      return List.copyOf(junk);
    }
  }

  /** The end of the child's stderr, for failure messages. */
  String logTail() {
    try {
      String s = Files.exists(log) ? Files.readString(log) : "";
      return s.length() > 4000 ? s.substring(s.length() - 4000) : s;
    } catch (IOException e) {
      return "(cannot read " + log + ": " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }
}
