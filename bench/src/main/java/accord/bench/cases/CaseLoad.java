package accord.bench.cases;

import accord.accord.DefaultInstance;
import accord.casework.CaseRules;
import accord.ledger.Appended;
import accord.ledger.Entry;
import accord.ledger.EntryCodec;
import accord.node.Demo;
import accord.node.Node;
import accord.user.Users;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fills a demo node with cases for the page benchmarks, through the real ledger (every entry signed,
 * decided, applied, hashed into the tree and cosigned): N cases of ten entries each in the Kabul
 * understanding, filed over the two years before now, in the mix of outcomes a working mechanism
 * has (six in ten verified, three in ten answered again after a dispute and escalation, one in ten
 * escalated twice). Each submitting thread files a chunk of cases, then sends each step for the
 * whole chunk without waiting; the ledger's queue keeps one thread's entries in order.
 *
 * <p>Usage: {@code CaseLoad DATA_DIR CASES THREADS}. Writes {@code DATA_DIR/case-ids.txt} and prints
 * one line: cases, entries, seconds.
 */
public final class CaseLoad {
  static final int CHUNK = 500;

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int cases = Integer.parseInt(args[1]);
    int threads = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    Instant now = Instant.now();
    Instant start = now.minus(Duration.ofDays(730));
    long t0 = System.nanoTime();
    AtomicLong entries = new AtomicLong();
    List<Long> ids = java.util.Collections.synchronizedList(new ArrayList<>());
    try (Node node = Node.open(dir, null, Clock.systemUTC())) {
      Demo.loadIfEmpty(node, new Users(node.db().jdbi(), node.clock()));
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      List<Future<?>> work = new ArrayList<>();
      for (int from = 0; from < cases; from += CHUNK) {
        int first = from;
        int last = Math.min(cases, from + CHUNK);
        work.add(pool.submit(() -> {
          chunk(node, first, last, cases, start, entries, ids);
          return null;
        }));
      }
      for (Future<?> f : work) {
        f.get();
      }
      pool.shutdown();
    }
    try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(dir.resolve("case-ids.txt")))) {
      ids.forEach(w::println);
    }
    System.out.printf("%d cases, %d entries, %.0f s%n", ids.size(), entries.get(), (System.nanoTime() - t0) / 1e9);
  }

  static void chunk(Node node, int first, int last, int cases, Instant start, AtomicLong entries, List<Long> ids) {
    long spanMinutes = Duration.ofDays(720).toMinutes();
    int n = last - first;
    long[] id = new long[n];
    Instant[] filed = new Instant[n];
    List<CompletableFuture<Appended>> files = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      int i = first + k;
      filed[k] = start.plus(Duration.ofMinutes(spanMinutes * i / cases));
      ObjectNode b = EntryCodec.JSON.createObjectNode().put("notified_party", notified(i))
          .put("request", "Arrest those responsible for attack " + i + " and close their camp.");
      b.putObject("allegation").put("text", "Armed men crossed the border and attacked post " + i + ".")
          .putArray("groups").add(i % 3 == 0 ? "ISKP" : "TTP");
      b.putArray("provisions").add("P1").add("P2");
      files.add(node.append(new Entry(CaseRules.FILE, DefaultInstance.KABUL, notifying(i), user(notifying(i)), filed[k],
          List.of(), "en", b)));
    }
    for (int k = 0; k < n; k++) {
      id[k] = files.get(k).join().index();
      ids.add(id[k]);
    }
    entries.addAndGet(n);
    List<CompletableFuture<Appended>> pending = new ArrayList<>();
    for (int step = 1; step < 10; step++) {
      for (int k = 0; k < n; k++) {
        int i = first + k;
        Step s = step(i, step, filed[k]);
        ObjectNode b = EntryCodec.JSON.createObjectNode().put("case", id[k]).put("text", s.text + " (case " + id[k] + ")");
        if (s.type.equals(CaseRules.RESPOND)) {
          b.putArray("actions").addObject().put("kind", "arrest").put("status", "taken").put("date", "2025-01-01")
              .put("place", "Kunar");
        }
        String party = s.byNotified ? notified(i) : notifying(i);
        pending.add(node.append(new Entry(s.type, DefaultInstance.KABUL, party, user(party), s.at, List.of(id[k]), "en", b)));
      }
    }
    for (CompletableFuture<Appended> f : pending) {
      f.join();
    }
    entries.addAndGet(pending.size());
  }

  record Step(String type, boolean byNotified, Instant at, String text) {}

  /** The k-th entry after filing of case i: the same first five steps, then one of three endings. */
  static Step step(int i, int k, Instant filed) {
    Duration respond = Duration.ofDays(3 + i % 6);
    Instant r = filed.plus(respond);
    switch (k) {
      case 1: return new Step(CaseRules.ACKNOWLEDGE, true, filed.plus(Duration.ofHours(1 + i % 30)), "Received");
      case 2: return new Step(CaseRules.INVESTIGATE, true, filed.plus(Duration.ofHours(31)), "Investigating");
      case 3: return new Step(CaseRules.INFORM, true, filed.plus(Duration.ofHours(40)), "A first finding");
      case 4: return new Step(CaseRules.INFORM, false, filed.plus(Duration.ofHours(44)), "More detail on the attackers");
      case 5: return new Step(CaseRules.RESPOND, true, r, "Arrests made");
      default: break;
    }
    int ending = i % 10;
    if (ending < 6) {
      return switch (k) {
        case 6 -> new Step(CaseRules.VERIFY, false, r.plus(Duration.ofDays(2)), "Verified");
        case 7 -> new Step(CaseRules.INFORM, false, r.plus(Duration.ofDays(3)), "Thanks");
        case 8 -> new Step(CaseRules.INFORM, true, r.plus(Duration.ofDays(4)), "Trial set");
        default -> new Step(CaseRules.INFORM, true, r.plus(Duration.ofDays(5)), "Sentenced");
      };
    }
    if (ending < 9) {
      return switch (k) {
        case 6 -> new Step(CaseRules.DISPUTE, false, r.plus(Duration.ofDays(3)), "Not enough");
        case 7 -> new Step(CaseRules.ESCALATE, false, r.plus(Duration.ofDays(4)), "To the working group");
        case 8 -> new Step(CaseRules.RESPOND, true, r.plus(Duration.ofDays(6)), "More arrests");
        default -> new Step(CaseRules.INFORM, true, r.plus(Duration.ofDays(7)), "Names of those held");
      };
    }
    return switch (k) {
      case 6 -> new Step(CaseRules.DISPUTE, false, r.plus(Duration.ofDays(3)), "Not enough");
      case 7 -> new Step(CaseRules.ESCALATE, false, r.plus(Duration.ofDays(4)), "To the working group");
      case 8 -> new Step(CaseRules.ESCALATE, true, r.plus(Duration.ofDays(20)), "To the joint coordination committee");
      default -> new Step(CaseRules.INFORM, false, r.plus(Duration.ofDays(21)), "Papers for the committee");
    };
  }

  static String notifying(int i) {
    return i % 2 == 0 ? "PK" : "AF";
  }

  static String notified(int i) {
    return i % 2 == 0 ? "AF" : "PK";
  }

  static String user(String party) {
    return party.toLowerCase() + ".liaison";
  }
}
