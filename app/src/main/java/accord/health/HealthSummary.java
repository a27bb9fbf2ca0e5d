package accord.health;

import accord.web.I18n;
import com.ibm.icu.text.ListFormatter;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one plain paragraph that says, from the figures alone, whether the accord is holding: one
 * sentence per section, each a message of the reader's language (ICU plurals and digits), joined.
 */
public final class HealthSummary {
  private HealthSummary() {}

  public static String of(HealthFigures f, I18n.Messages m) {
    List<String> sentences = new ArrayList<>();
    String from = Calendars.date(f.period().from(), m.lang());
    String to = Calendars.date(f.period().to(), m.lang());
    IncidentFigures i = f.incidents();
    if (i.incidents() == 0) {
      sentences.add(m.t("health.summary.noincidents", from, to));
    } else {
      List<String> sides = new ArrayList<>();
      for (Map.Entry<String, Long> s : i.incidentsBySide().entrySet()) {
        if (s.getValue() > 0) {
          sides.add(m.t("health.summary.side", s.getValue(), side(s.getKey(), f, m)));
        }
      }
      String list = ListFormatter.getInstance(ULocale.forLanguageTag(m.lang())).format(sides);
      sentences.add(m.t("health.summary.incidents", from, to, i.incidents(), list, i.fatalities()));
    }
    if (f.casesReceived() == 0) {
      sentences.add(m.t("health.summary.nocases"));
    } else {
      sentences.add(m.t("health.summary.cases", f.casesAcknowledgedOnTime(), f.casesReceived(),
          f.casesRespondedOnTime(), f.casesOverdueNow()));
    }
    var e = f.engagement();
    if (f.meetingsExpected() > 0 || f.meetingsHeld() > 0 || e.actionsDue() > 0) {
      sentences.add(m.t("health.summary.engagement", f.meetingsHeld(), f.meetingsExpected(), e.actionsDone(), e.actionsDue()));
    }
    if (e.rollUp().accord().scored() > 0) {
      sentences.add(m.t("health.summary.scores", e.rollUp().accord().percent() / 100.0));
    }
    return String.join(" ", sentences);
  }

  /** A percentage (0 to 100) as the reader's language writes it: "41%", "۴۱٪". */
  public static String percent(double percent, I18n.Messages m) {
    com.ibm.icu.text.NumberFormat f = com.ibm.icu.text.NumberFormat.getPercentInstance(ULocale.forLanguageTag(m.lang()));
    f.setMaximumFractionDigits(0);
    return f.format(percent / 100.0);
  }

  /** A side's name in the reader's language: a party's country, elsewhere, or an unrecorded place. */
  public static String side(String side, HealthFigures f, I18n.Messages m) {
    if (side.equals(IncidentFigures.OTHER) || side.equals(IncidentFigures.UNKNOWN)) {
      return m.t("health.side." + side);
    }
    return party(side, f, m);
  }

  /** A party's name in the reader's language where the bundles know it, else as the accord spells it. */
  public static String party(String code, HealthFigures f, I18n.Messages m) {
    String key = "health.country." + code;
    String t = m.t(key);
    return t.equals("[" + key + "]") ? f.parties().getOrDefault(code, code) : t;
  }
}
