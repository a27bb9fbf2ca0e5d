package accord.casework;

import static org.assertj.core.api.Assertions.assertThat;

import accord.Engines;
import accord.accord.AccordProjection;
import accord.accord.AccordState;
import accord.ledger.EntryCodec;
import accord.ledger.Replay;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The tallies the projection keeps (case_tally, case_day, case_rung) against what the pages
 * computed from case_file before them, after a scripted run of cases and moves, on both engines:
 * list totals, queue membership at and around every rung boundary, the accountability figures,
 * and the same rows from a rebuild and from the migration's fill.
 */
class CaseTalliesTest {
  static final String KABUL = "kabul-2025";

  @TempDir Path dir;

  /** Files cases both ways and makes a seeded mix of moves over three weeks; some are refused, as they would be. */
  static void script(CaseServer s) {
    Random rnd = new Random(20251012L);
    List<Long> ids = new ArrayList<>();
    String[][] moves = {
      {"af.liaison", "acknowledge", "{\"text\": \"Received.\"}"},
      {"af.liaison", "investigate", "{\"text\": \"Looking into it.\"}"},
      {"af.liaison", "respond", "{\"text\": \"Done.\", \"actions\": [{\"kind\": \"arrest\", \"status\": \"taken\", \"date\": \"2026-01-12\"}]}"},
      {"af.liaison", "respond", "{\"text\": \"We will act.\", \"actions\": [{\"kind\": \"raid\", \"status\": \"planned\"}]}"},
      {"af.liaison", "reject", "{\"text\": \"Outside the accord.\"}"},
      {"pk.liaison", "acknowledge", "{\"text\": \"Received.\"}"},
      {"pk.liaison", "respond", "{\"text\": \"Nothing found.\"}"},
      {"pk.liaison", "verify", "{\"text\": \"Confirmed.\"}"},
      {"pk.liaison", "dispute", "{\"text\": \"Look again.\"}"},
      {"pk.liaison", "escalate", "{\"text\": \"No answer.\"}"},
      {"af.liaison", "verify", "{\"text\": \"Confirmed.\"}"},
      {"af.liaison", "dispute", "{\"text\": \"Look again.\"}"},
      {"af.liaison", "escalate", "{\"text\": \"No answer.\"}"},
      {"mediator", "finding", "{\"text\": \"No violation found.\", \"violation\": false}"},
    };
    Duration sinceLogin = Duration.ZERO;
    for (int step = 0; step < 70; step++) {
      if (step % 4 == 0) {
        boolean fromAf = rnd.nextInt(3) == 0;
        var r = s.post(fromAf ? "af.liaison" : "pk.liaison", "/api/accords/" + KABUL + "/cases",
            "{\"notified_party\": \"" + (fromAf ? "PK" : "AF") + "\", \"allegation\": {\"text\": \"Attack number " + step
                + ".\"}, \"request\": \"Arrest those responsible.\"}");
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        ids.add(r.json().get("id").asLong());
      } else {
        String[] m = moves[rnd.nextInt(moves.length)];
        s.post(m[0], "/api/accords/" + KABUL + "/cases/" + ids.get(rnd.nextInt(ids.size())) + "/" + m[1], m[2]);
      }
      Duration d = Duration.ofMinutes(30 + rnd.nextInt(14 * 60));
      s.clock.advance(d);
      sinceLogin = sinceLogin.plus(d);
      if (sinceLogin.compareTo(Duration.ofHours(6)) > 0) {
        // only the users the script acts as: signing everyone in again each step is slow
        for (String u : List.of("af.liaison", "pk.liaison", "mediator")) {
          s.tokens.put(u, s.login(u));
        }
        sinceLogin = Duration.ZERO;
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Engines.class)
  void listTotalsAreTheCountsOfTheCasesTheyFilter(Engines engine) {
    try (CaseServer s = new CaseServer(engine, dir)) {
      script(s);
      Random rnd = new Random(7);
      s.node.db().jdbi().useHandle(h -> {
        for (Instant now : List.of(s.clock.instant(), s.clock.instant().minus(Duration.ofDays(9)), s.clock.instant().plus(Duration.ofDays(30)))) {
          for (String party : new String[] {null, "AF", "PK", "QA"}) {
            for (int show = 0; show < 3; show++) {
              Integer level = rnd.nextInt(3) == 0 ? null : rnd.nextInt(3);
              for (Integer lv : new Integer[] {null, level}) {
                CaseQuery.Filter f = new CaseQuery.Filter(party, show == 1, show == 2, lv);
                assertThat(CaseQuery.count(h, KABUL, f, now)).as(f + " at " + now).isEqualTo(oldCount(h, f, now));
                assertThat(CaseQuery.list(h, KABUL, f, now, 7, 2).stream().map(CaseState::id).toList())
                    .as("page of " + f).isEqualTo(oldList(h, f, now, 7, 2));
              }
            }
          }
        }
        long all = CaseQuery.count(h, KABUL, CaseQuery.Filter.ANY, s.clock.instant());
        assertThat(all).as("the script filed cases").isGreaterThan(15);
      });
    }
  }

  @ParameterizedTest
  @EnumSource(Engines.class)
  void queuesHoldTheOpenCasesStandingOnEachRungAtAndAroundEveryBoundary(Engines engine) {
    try (CaseServer s = new CaseServer(engine, dir)) {
      script(s);
      s.node.db().jdbi().useHandle(h -> {
        AccordState a = AccordProjection.load(h, KABUL).orElseThrow();
        List<CaseState> open = h.createQuery("SELECT " + CaseStore.COLUMNS + " FROM case_file WHERE accord = :a"
                + " AND state NOT IN ('verified', 'decided')").bind("a", KABUL).map((rs, ctx) -> CaseStore.read(rs)).list();
        assertThat(open).hasSizeGreaterThan(5);
        Set<Instant> times = new TreeSet<>();
        times.add(s.clock.instant().truncatedTo(ChronoUnit.MILLIS));
        h.createQuery("SELECT since FROM case_rung WHERE since IS NOT NULL UNION SELECT until FROM case_rung WHERE until IS NOT NULL")
            .mapTo(String.class).forEach(t -> {
              Instant b = Instant.parse(t);
              times.addAll(List.of(b.minusMillis(1), b, b.plusMillis(1)));
            });
        assertThat(times).as("boundaries to test at").hasSizeGreaterThan(30);
        Set<Integer> seen = new HashSet<>();
        for (Instant now : times) {
          for (int i = 0; i < a.ladder().size(); i++) {
            Set<Long> want = new TreeSet<>();
            for (CaseState c : open) {
              if (CaseClocks.of(c, a, now).levelNo() == i) {
                want.add(c.id());
              }
            }
            Set<Long> got = new TreeSet<>();
            CaseQuery.queue(h, KABUL, i, now, 10_000).forEach(c -> got.add(c.id()));
            assertThat(got).as("rung " + i + " at " + now).isEqualTo(want);
            assertThat(CaseQuery.queueSizes(h, KABUL, a.ladder().size(), now)[i]).isEqualTo(want.size());
            if (!want.isEmpty()) {
              seen.add(i);
            }
          }
        }
        assertThat(seen).as("cases climb the ladder in the script").hasSizeGreaterThanOrEqualTo(3);
        Instant now = s.clock.instant().truncatedTo(ChronoUnit.MILLIS);
        for (int i = 0; i < a.ladder().size(); i++) {
          List<CaseState> all = CaseQuery.queue(h, KABUL, i, now, 10_000);
          assertThat(CaseQuery.queue(h, KABUL, i, now, 2)).as("the first of the same order").isEqualTo(all.subList(0, Math.min(2, all.size())));
        }
      });
    }
  }

  @ParameterizedTest
  @EnumSource(Engines.class)
  void accountabilityFiguresAreThoseTheCasesGive(Engines engine) {
    try (CaseServer s = new CaseServer(engine, dir)) {
      script(s);
      Instant now = s.clock.instant();
      s.node.db().jdbi().useHandle(h -> {
        List<LocalDate[]> ranges = new ArrayList<>();
        ranges.add(new LocalDate[] {null, null});
        ranges.add(new LocalDate[] {LocalDate.parse("2026-01-12"), null});
        ranges.add(new LocalDate[] {null, LocalDate.parse("2026-01-20")});
        ranges.add(new LocalDate[] {LocalDate.parse("2026-01-14"), LocalDate.parse("2026-01-14")});
        ranges.add(new LocalDate[] {LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-31")});
        for (LocalDate[] r : ranges) {
          for (Instant at : List.of(now, now.minus(Duration.ofDays(5)))) {
            assertThat(CaseFigures.of(h, KABUL, r[0], r[1], at)).as(r[0] + " to " + r[1] + " at " + at)
                .isEqualTo(OldFigures.of(h, KABUL, r[0], r[1], at));
          }
        }
      });
    }
  }

  @ParameterizedTest
  @EnumSource(Engines.class)
  void aRebuildAndTheMigrationsFillGiveTheSameTallies(Engines engine) {
    try (CaseServer s = new CaseServer(engine, dir)) {
      script(s);
      Map<String, List<String>> before = rows(s);
      assertThat(before.values()).allSatisfy(r -> assertThat(r).isNotEmpty());
      String digest = s.node.digest();
      Replay.Result r = s.node.rebuild();
      assertThat(r.violations()).isEmpty();
      assertThat(r.digest()).isEqualTo(digest);
      assertThat(rows(s)).isEqualTo(before);
      s.node.db().jdbi().useTransaction(h -> {
        for (String t : before.keySet()) {
          h.execute("DELETE FROM " + t);
        }
        CaseTallies.fill(h);
      });
      assertThat(rows(s)).as("filled from case_file as the migration does").isEqualTo(before);
      assertThat(s.node.digest()).isEqualTo(digest);
    }
  }

  private static Map<String, List<String>> rows(CaseServer s) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    s.node.db().jdbi().useHandle(h -> {
      for (String t : List.of("case_tally", "case_day", "case_rung")) {
        out.put(t, h.createQuery("SELECT * FROM " + t).map((rs, ctx) -> {
          StringBuilder b = new StringBuilder();
          for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
            b.append(rs.getString(i)).append('|');
          }
          return b.toString();
        }).list().stream().sorted().toList());
      }
    });
    return out;
  }

  /** The lists' filters as they were, over case_file alone. */
  private static String oldWhere(CaseQuery.Filter f) {
    StringBuilder sql = new StringBuilder(" FROM case_file WHERE accord = :a");
    if (f.party() != null) {
      sql.append(" AND (notifying = :party OR notified = :party)");
    }
    if (f.openOnly() || f.overdueOnly()) {
      sql.append(" AND state NOT IN ('verified', 'decided')");
    }
    if (f.overdueOnly()) {
      sql.append(" AND next_due < :now");
    }
    if (f.levelNo() != null) {
      sql.append(" AND level_no = :level");
    }
    return sql.toString();
  }

  private static org.jdbi.v3.core.statement.Query bound(Handle h, String sql, CaseQuery.Filter f, Instant now) {
    var q = h.createQuery(sql).bind("a", KABUL);
    if (f.overdueOnly()) {
      q.bind("now", EntryCodec.formatTime(now));
    }
    if (f.party() != null) {
      q.bind("party", f.party());
    }
    if (f.levelNo() != null) {
      q.bind("level", f.levelNo());
    }
    return q;
  }

  private static long oldCount(Handle h, CaseQuery.Filter f, Instant now) {
    return bound(h, "SELECT COUNT(*)" + oldWhere(f), f, now).mapTo(Long.class).one();
  }

  private static List<Long> oldList(Handle h, CaseQuery.Filter f, Instant now, int limit, long offset) {
    return bound(h, "SELECT id" + oldWhere(f) + " ORDER BY id DESC LIMIT :l OFFSET :o", f, now)
        .bind("l", limit).bind("o", offset).mapTo(Long.class).list();
  }

  /** The accountability figures as CaseFigures computed them before case_day: every case, per request. */
  static final class OldFigures {
    static CaseFigures.Figures of(Handle h, String accord, LocalDate from, LocalDate to, Instant now) {
      AccordState a = AccordProjection.load(h, accord).orElseThrow();
      String range = (from == null ? "" : " AND filed_at >= :from") + (to == null ? "" : " AND filed_at < :to");
      Map<String, long[]> counts = new LinkedHashMap<>();
      bind(h.createQuery("SELECT notified, COUNT(*),"
              + " SUM(CASE WHEN ack_at IS NOT NULL AND ack_at <= ack_due THEN 1 ELSE 0 END),"
              + " SUM(CASE WHEN responded_at IS NOT NULL AND responded_at <= respond_due THEN 1 ELSE 0 END),"
              + " SUM(actions_taken),"
              + " SUM(CASE WHEN state = 'verified' THEN 1 ELSE 0 END),"
              + " SUM(CASE WHEN disputes > 0 THEN 1 ELSE 0 END),"
              + " SUM(CASE WHEN level_no > 0 THEN 1 ELSE 0 END),"
              + " SUM(CASE WHEN state NOT IN ('verified', 'decided') AND next_due < :now THEN 1 ELSE 0 END)"
              + " FROM case_file WHERE accord = :a" + range + " GROUP BY notified"), accord, from, to)
          .bind("now", EntryCodec.formatTime(now))
          .map((rs, ctx) -> {
            long[] v = new long[8];
            for (int i = 0; i < 8; i++) {
              v[i] = rs.getLong(i + 2);
            }
            return Map.entry(rs.getString(1), v);
          })
          .forEach(e -> counts.put(e.getKey(), e.getValue()));
      List<CaseFigures.Party> parties = new ArrayList<>();
      for (AccordState.Member m : a.parties()) {
        long[] v = counts.getOrDefault(m.code(), new long[8]);
        parties.add(new CaseFigures.Party(m.code(), v[0], v[1], median(h, accord, m.code(), "ack_secs", range, from, to),
            median(h, accord, m.code(), "respond_secs", range, from, to), v[2], v[3], v[4], v[5], v[6], v[7]));
      }
      List<CaseFigures.Month> months = bind(h.createQuery("SELECT SUBSTR(filed_at, 1, 7) AS month, notified, COUNT(*),"
              + " SUM(CASE WHEN ack_at IS NOT NULL AND ack_at <= ack_due THEN 1 ELSE 0 END)"
              + " FROM case_file WHERE accord = :a" + range + " GROUP BY SUBSTR(filed_at, 1, 7), notified ORDER BY 1, 2"),
          accord, from, to)
          .map((rs, ctx) -> new CaseFigures.Month(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4))).list();
      return new CaseFigures.Figures(parties, months);
    }

    private static Double median(Handle h, String accord, String party, String column, String range, LocalDate from, LocalDate to) {
      String where = " FROM case_file WHERE accord = :a AND notified = :p AND " + column + " IS NOT NULL" + range;
      long n = bind(h.createQuery("SELECT COUNT(*)" + where), accord, from, to).bind("p", party).mapTo(Long.class).one();
      if (n == 0) {
        return null;
      }
      List<Long> mid = bind(h.createQuery("SELECT " + column + where + " ORDER BY " + column + " LIMIT :l OFFSET :o"),
          accord, from, to).bind("p", party).bind("l", n % 2 == 0 ? 2 : 1).bind("o", (n - 1) / 2).mapTo(Long.class).list();
      return mid.stream().mapToLong(Long::longValue).average().orElseThrow() / 3600.0;
    }

    private static org.jdbi.v3.core.statement.Query bind(org.jdbi.v3.core.statement.Query q, String accord, LocalDate from, LocalDate to) {
      q.bind("a", accord);
      if (from != null) {
        q.bind("from", from.toString());
      }
      if (to != null) {
        q.bind("to", to.plusDays(1).toString());
      }
      return q;
    }
  }
}
