package accord.ledger;

import accord.accord.AccordRules;
import accord.accord.DefaultInstance;
import accord.node.Node;
import accord.tlog.Hash;
import accord.tlog.Note;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Semaphore;

/**
 * A node appending statements to the Kabul log from several threads, as fast as it can, until it
 * is killed. For every acknowledged entry (its future completed) it writes {@code ACK <index>
 * <sha256 of the note text>} to stdout in one write, so a kill never leaves half a line.
 *
 * <p>Arguments: data folder, JDBC URL or {@code -} for SQLite, a run tag that keeps statement
 * texts unique across runs, the number of appending threads, and how many entries may wait for
 * their answer at once (which bounds the ledger's batch sizes). It stops by itself when its stdin
 * closes, so it never outlives the process that started it.
 */
public final class AppendUnderLoad {
  private static final FileOutputStream OUT = new FileOutputStream(FileDescriptor.out);

  private AppendUnderLoad() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    String dbUrl = args[1].equals("-") ? null : args[1];
    String run = args[2];
    int threads = Integer.parseInt(args[3]);
    int inFlight = Integer.parseInt(args[4]);
    exitWhenStdinCloses();

    Clock clock = Clock.systemUTC();
    Node node = Node.open(dir, dbUrl, clock);
    long size = node.db().jdbi().withHandle(h -> LogStore.size(h, DefaultInstance.KABUL));
    if (size == 0) {
      ack(node.append(DefaultInstance.kabul(node.keyring(), clock.instant())).join());
    }

    Semaphore window = new Semaphore(inFlight);
    for (int t = 0; t < threads; t++) {
      String party = t % 2 == 0 ? "PK" : "AF";
      String prefix = "crash run " + run + " thread " + t + " statement ";
      Thread th = new Thread(() -> {
        for (long n = 0; ; n++) {
          window.acquireUninterruptibly();
          node.append(statement(party, prefix + n, clock)).whenComplete((a, err) -> {
            window.release();
            if (err != null) {
              // A refused entry is a bug in this test or the ledger: say so and keep going.
              System.err.println("append failed: " + err);
            } else {
              ack(a);
            }
          });
        }
      }, "append-" + t);
      th.start();
    }
  }

  private static Entry statement(String party, String text, Clock clock) {
    var body = EntryCodec.JSON.createObjectNode().put("text", text);
    return new Entry(AccordRules.STATEMENT, DefaultInstance.KABUL, party, party.toLowerCase() + ".liaison",
        clock.instant(), List.of(), "en", body);
  }

  private static void ack(Appended a) {
    String hex = Hash.toHex(Hash.sha256(Note.parse(a.note()).textBytes()));
    byte[] line = ("ACK " + a.index() + " " + hex + "\n").getBytes(StandardCharsets.US_ASCII);
    synchronized (OUT) {
      try {
        OUT.write(line);
      } catch (IOException e) {
        Runtime.getRuntime().halt(3); // nobody is listening any more
      }
    }
  }

  private static void exitWhenStdinCloses() {
    Thread t = new Thread(() -> {
      try {
        while (System.in.read() >= 0) {
          // the parent never writes; we only wait for end of file
        }
      } catch (IOException ignored) {
        // treated as closed
      }
      Runtime.getRuntime().halt(2);
    }, "stdin-watch");
    t.setDaemon(true);
    t.start();
  }
}
