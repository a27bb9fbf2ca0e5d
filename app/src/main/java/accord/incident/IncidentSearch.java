package accord.incident;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * Full-text search over the register in all four languages. Text is normalised the same way when
 * it is indexed and when it is searched: Latin case and diacritics fold ("Jalālābād" is
 * "jalalabad"), Arabic-script letter variants unify (Arabic and Persian yeh and kaf, the hehs and
 * teh marbuta, hamza carriers), harakat, tatweel and zero-width joiners go, and Eastern digits read
 * as ASCII. Each report or account is one search row (its place, actors and text); a query matches
 * a row holding every query word as a word prefix.
 */
public final class IncidentSearch {
  /** At most this many words of a query are used; more only narrows what is already narrow. */
  static final int MAX_TERMS = 8;

  private IncidentSearch() {}

  /** The normalised words of a text, in order, each once. */
  public static List<String> terms(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    Set<String> out = new LinkedHashSet<>();
    StringBuilder word = new StringBuilder();
    String folded = fold(text);
    for (int i = 0; i < folded.length(); ) {
      int cp = folded.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isLetterOrDigit(cp)) {
        word.appendCodePoint(cp);
      } else if (word.length() > 0) {
        out.add(word.toString());
        word.setLength(0);
      }
    }
    if (word.length() > 0) {
      out.add(word.toString());
    }
    return new ArrayList<>(out);
  }

  /** Case, compatibility forms and marks folded away; Arabic-script variants mapped to one letter. */
  static String fold(String s) {
    // NFKC turns Arabic presentation forms into letters; NFD then splits off every mark (Latin
    // accents, harakat, the hamza of أ ؤ ئ ۀ), which are dropped.
    String d = Normalizer.normalize(Normalizer.normalize(s, Normalizer.Form.NFKC), Normalizer.Form.NFD);
    StringBuilder b = new StringBuilder(d.length());
    for (int i = 0; i < d.length(); ) {
      int cp = d.codePointAt(i);
      i += Character.charCount(cp);
      int type = Character.getType(cp);
      if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || cp == 0x0640
          || cp == 0x200C || cp == 0x200D || cp == 0x200F || cp == 0x200E) {
        continue;
      }
      b.appendCodePoint(letter(cp));
    }
    return b.toString().toLowerCase(Locale.ROOT);
  }

  private static int letter(int cp) {
    return switch (cp) {
      case 0x064A, 0x0649, 0x06D2, 0x06D0 -> 0x06CC; // Arabic yeh, alef maksura, yeh barree, e -> Persian yeh
      case 0x0643 -> 0x06A9; // Arabic kaf -> keheh
      case 0x0629, 0x06C1, 0x06C3, 0x06D5, 0x06BE -> 0x0647; // teh marbuta, Urdu hehs, ae -> heh
      case 0x0671 -> 0x0627; // alef wasla -> alef
      case 0x06BA -> 0x0646; // Urdu noon ghunna -> noon
      default -> {
        if (cp >= 0x0660 && cp <= 0x0669) {
          yield '0' + (cp - 0x0660);
        }
        if (cp >= 0x06F0 && cp <= 0x06F9) {
          yield '0' + (cp - 0x06F0);
        }
        yield cp;
      }
    };
  }

  /** The search row's text for one report or account: its place names, actor names and text. */
  static String document(Report r) {
    List<String> parts = new ArrayList<>();
    Report.Place p = r.place();
    for (String s : new String[] {p.country(), p.admin1(), p.admin2(), p.location(), r.text()}) {
      if (s != null) {
        parts.add(s);
      }
    }
    for (Report.Actor a : r.actors()) {
      parts.add(a.name());
    }
    return String.join(" ", terms(String.join(" ", parts)));
  }

  /**
   * Stores the search row of a report or account (called by the projection, in its transaction).
   * On SQLite the row's FTS5 rowid is {@link #orderKey}, so matches stream in the list's order.
   */
  static void index(Handle h, String accord, long idx, long incident, String date, Report r) {
    if (!IncidentQuery.sqlite(h)) {
      IncidentIndex.exec(h, "INSERT INTO incident_search (accord, idx, incident, doc) VALUES (?, ?, ?, ?)",
          accord, idx, incident, document(r));
      return;
    }
    long base = orderKey(date, incident);
    long taken = ((Number) IncidentIndex.query(h, "SELECT COUNT(*) FROM incident_search WHERE rowid BETWEEN ? AND ?",
        base, base + SLOTS - 1).get(0)[0]).longValue();
    if (taken >= SLOTS) {
      throw new IllegalStateException("incident " + incident + " of " + date + " has more than " + SLOTS
          + " search rows across the node's accords");
    }
    IncidentIndex.exec(h, "INSERT INTO incident_search (rowid, accord, idx, incident, doc) VALUES (?, ?, ?, ?, ?)",
        base + taken, accord, idx, incident, document(r));
  }

  /** Search rows one incident may have on SQLite, across every accord of the node that shares its id and date. */
  static final int SLOTS = 64;

  /**
   * The first SQLite search rowid of an incident: its date (days since 1900, 17 bits), then its id
   * (40 bits), then {@link #SLOTS} slots for its report and accounts. Rowids then sort like the
   * list (date, then id), and {@code ORDER BY rowid DESC} reads the full-text matches newest
   * first without collecting them all. V14_1 gives existing rows the same keys.
   */
  static long orderKey(String date, long incident) {
    long day = java.time.LocalDate.parse(date.substring(0, 10)).toEpochDay() - EPOCH_1900;
    if (day < 0 || day >= 1L << 17 || incident < 0 || incident >= 1L << 40) {
      throw new IllegalStateException("incident " + incident + " of " + date + " is outside the search index's key range");
    }
    return day << 46 | incident << 6;
  }

  private static final long EPOCH_1900 = java.time.LocalDate.of(1900, 1, 1).toEpochDay();

  /**
   * The match expression for a query's words as {@link #match(String, boolean)} gives it, except
   * that on SQLite each word longer than the prefix indexes (2 and 3 letters) is spelt out as the
   * index's own words that begin with it (from the fts5vocab table {@code incident_search_vocab}).
   * The rows matched are the same, but FTS5 reads a word's prefix by merging the whole list of
   * every word it covers before the first row, while an OR of whole words is read lazily, in
   * rowid order, as far as a page needs. Reading the vocabulary counts each word's rows, so what
   * a word was spelt as is kept until the index next changes.
   */
  static String match(Handle h, String query) {
    if (!IncidentQuery.sqlite(h)) {
      return match(query, false);
    }
    List<String> t = terms(query);
    if (t.isEmpty()) {
      return null;
    }
    byte[] version = version(h);
    List<String> out = new ArrayList<>();
    for (String w : t.subList(0, Math.min(t.size(), MAX_TERMS))) {
      out.add(spelt(h, w, version));
    }
    return String.join(" AND ", out);
  }

  /** One query word spelt out, as the index was at {@code version}. */
  private record Spelt(byte[] version, String expression) {}

  /** The last words spelt out, by database and word (a count and a page ask for the same words). */
  private static final Map<String, Spelt> SPELT = java.util.Collections.synchronizedMap(
      new java.util.LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Spelt> e) {
          return size() > 512;
        }
      });

  private static String spelt(Handle h, String w, byte[] version) {
    String key = null;
    if (version != null) {
      try {
        key = h.getConnection().getMetaData().getURL() + "\u0000" + w;
      } catch (java.sql.SQLException e) {
        key = null;
      }
      Spelt known = key == null ? null : SPELT.get(key);
      if (known != null && java.util.Arrays.equals(known.version(), version)) {
        return known.expression();
      }
    }
    // The bound (the word then the last code point) keeps the vocabulary from reading, and
    // counting, the words after those that begin with this one. A word no indexed word begins
    // with, or a very common stem, keeps the prefix form.
    List<String> words = w.length() <= 3 ? List.of() : h.createQuery(
            "SELECT term FROM incident_search_vocab WHERE term >= :w AND term < :end ORDER BY term LIMIT :n")
        .bind("w", w).bind("end", w + "\uDBFF\uDFFF").bind("n", MAX_SPELT + 1).mapTo(String.class).list().stream()
        .filter(x -> x.startsWith(w)).toList();
    String expression = words.isEmpty() || words.size() > MAX_SPELT ? "\"" + w + "\"*"
        : "(" + String.join(" OR ", words.stream().map(x -> "\"" + x + "\"").toList()) + ")";
    if (key != null) {
      SPELT.put(key, new Spelt(version, expression));
    }
    return expression;
  }

  /**
   * The FTS5 index's structure record (row 10 of its data table), which FTS5 rewrites, with a
   * new cookie, on every change to the index: words spelt out against one version stay right
   * until it changes. Read in the caller's own snapshot. Null if it cannot be read (no caching).
   */
  private static byte[] version(Handle h) {
    try {
      return h.createQuery("SELECT block FROM incident_search_data WHERE id = 10").mapTo(byte[].class).findOne().orElse(null);
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** At most this many indexed words spell out one query word; more, and the prefix form is used. */
  static final int MAX_SPELT = 64;

  /** The engine's match expression for a query's words, or null when it has none. */
  static String match(String query, boolean sqlite) {
    List<String> t = terms(query);
    if (t.isEmpty()) {
      return null;
    }
    List<String> use = t.subList(0, Math.min(t.size(), MAX_TERMS));
    // Words hold only letters and digits, so neither syntax can be injected; the match string is
    // bound as a parameter all the same.
    return sqlite
        ? String.join(" AND ", use.stream().map(w -> "\"" + w + "\"*").toList())
        : String.join(" & ", use.stream().map(w -> w + ":*").toList());
  }

  /** The condition a search row {@code s} meets when it matches {@code :q} (PostgreSQL's GIN expression). */
  static String condition(boolean sqlite, String s) {
    if (sqlite) {
      throw new IllegalArgumentException("SQLite matches through the FTS5 table's name");
    }
    return "to_tsvector('simple', " + s + ".doc) @@ to_tsquery('simple', :q)";
  }

  /** The SQL condition an incident {@code i} meets when a row about it matches {@code :q}. */
  static String condition(boolean sqlite) {
    return sqlite
        ? "i.id IN (SELECT s.incident FROM incident_search s WHERE incident_search MATCH :q AND s.accord = :accord)"
        : "i.id IN (SELECT s.incident FROM incident_search s WHERE to_tsvector('simple', s.doc) @@ to_tsquery('simple', :q)"
            + " AND s.accord = :accord)";
  }

  /**
   * The condition an incident {@code i} meets when one of its search rows matches {@code :q},
   * tested on that incident's rows alone (PostgreSQL): what a walk over the newest incidents
   * checks. OFFSET 0 keeps the planner from turning it into a join over every match.
   */
  static String probe(boolean sqlite) {
    if (sqlite) {
      throw new IllegalArgumentException("SQLite reads matches in the list's order instead (IncidentSearch.orderKey)");
    }
    return "EXISTS (SELECT 1 FROM incident_search s WHERE s.accord = :accord AND s.incident = i.id"
        + " AND to_tsvector('simple', s.doc) @@ to_tsquery('simple', :q) OFFSET 0)";
  }
}
