package accord.health;

import accord.accord.AccordProjection;
import accord.ledger.Entry;
import accord.ledger.EntryCodec;
import accord.ledger.Projection;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** The read model of joint-report signatures: who signed which report of which period, and when. */
public final class ReportProjection implements Projection {
  /** One signature as the health page lists it. */
  public record Signed(long index, String party, String author, Instant at, String lang, String sha256) {}

  @Override
  public boolean handles(String type) {
    return type.startsWith("report.");
  }

  @Override
  public void decide(Handle h, Entry e) {
    boolean already = false;
    if (e.body().path("sha256").isTextual()) {
      already = h.createQuery("SELECT COUNT(*) FROM report_signature WHERE accord = :a AND party = :p AND sha256 = :s"
              + " AND from_date = :f AND to_date = :t AND lang = :l")
          .bind("a", e.accord()).bind("p", e.party()).bind("s", e.body().get("sha256").asText())
          .bind("f", e.body().path("from").asText()).bind("t", e.body().path("to").asText())
          .bind("l", e.body().path("lang").asText())
          .mapTo(Long.class).one() > 0;
    }
    ReportRules.decide(AccordProjection.load(h, e.accord()), already, e);
  }

  @Override
  public void evolve(Handle h, Entry e, long index) {
    ReportRules.Signature s = ReportRules.evolve(e);
    h.createUpdate("INSERT INTO report_signature (accord, idx, party, author, at, from_date, to_date, lang, sha256)"
            + " VALUES (:a, :i, :p, :u, :at, :f, :t, :l, :s)")
        .bind("a", e.accord()).bind("i", index).bind("p", e.party()).bind("u", e.user())
        .bind("at", EntryCodec.formatTime(e.time())).bind("f", s.from().toString()).bind("t", s.to().toString())
        .bind("l", s.lang()).bind("s", s.sha256())
        .execute();
  }

  @Override
  public List<String> tables() {
    return List.of("report_signature");
  }

  /** Whether every party has signed one and the same report (same language, same digest). */
  public static boolean jointlySigned(List<Signed> signed, java.util.Collection<String> parties) {
    java.util.Map<String, java.util.Set<String>> byReport = new java.util.HashMap<>();
    for (Signed s : signed) {
      byReport.computeIfAbsent(s.lang() + " " + s.sha256(), k -> new java.util.HashSet<>()).add(s.party());
    }
    return !parties.isEmpty() && byReport.values().stream().anyMatch(p -> p.containsAll(parties));
  }

  /** The signatures of the reports of exactly this period, oldest first. */
  public static List<Signed> of(Handle h, String accord, Period p) {
    return h.createQuery("SELECT idx, party, author, at, lang, sha256 FROM report_signature"
            + " WHERE accord = :a AND from_date = :f AND to_date = :t ORDER BY idx")
        .bind("a", accord).bind("f", p.from().toString()).bind("t", p.to().toString())
        .map((rs, ctx) -> new Signed(rs.getLong("idx"), rs.getString("party"), rs.getString("author"),
            Instant.parse(rs.getString("at")), rs.getString("lang"), rs.getString("sha256")))
        .list();
  }
}
