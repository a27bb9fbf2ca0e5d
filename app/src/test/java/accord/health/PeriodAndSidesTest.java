package accord.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pure parts: periods, sides, and the Arabic-script forms the PDF draws. */
class PeriodAndSidesTest {
  static final Clock NOW = Clock.fixed(Instant.parse("2026-11-26T13:00:00Z"), ZoneOffset.UTC);
  static final Map<String, String> PARTIES = new LinkedHashMap<>(Map.of("PK", "Pakistan"));

  static {
    PARTIES.put("AF", "Afghanistan");
  }

  @Test
  void periodsDefaultToTwelveCalendarMonthsAndRefuseNonsense() {
    Period p = Period.of(null, "", NOW);
    assertThat(p).isEqualTo(new Period(LocalDate.parse("2025-12-01"), LocalDate.parse("2026-11-26")));
    assertThat(p.months()).hasSize(12).startsWith(YearMonth.parse("2025-12")).endsWith(YearMonth.parse("2026-11"));
    assertThat(Period.of("2026-01-15", null, NOW).to()).isEqualTo(LocalDate.parse("2026-11-26"));
    assertThat(Period.of("2025-01-15", null, NOW).to()).isEqualTo(LocalDate.parse("2026-01-14"));
    assertThat(Period.of(null, "2026-03-10", NOW).from()).isEqualTo(LocalDate.parse("2025-04-01"));
    assertThatThrownBy(() -> Period.of("2026-02-30", null, NOW)).hasMessageContaining("'from'");
    assertThatThrownBy(() -> Period.of(null, "26-1-1", NOW)).hasMessageContaining("'to'");
    assertThatThrownBy(() -> Period.of("2026-05-02", "2026-05-01", NOW)).hasMessageContaining("after");
    assertThat(Period.of("2016-01-01", "2025-12-31", NOW).months()).hasSize(120);
    assertThatThrownBy(() -> Period.of("2015-12-31", "2025-12-31", NOW)).hasMessageContaining("120 months");
    // Clocks are judged at the end of a finished period, and now for one still running.
    assertThat(Period.of("2026-05-01", "2026-10-31", NOW).asOf(NOW)).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
    assertThat(Period.of("2026-05-01", "2026-12-31", NOW).asOf(NOW)).isEqualTo(NOW.instant());
  }

  @Test
  void anIncidentsSideIsTheTerritoryItHappenedOn() {
    assertThat(IncidentFigures.side("Pakistan", PARTIES)).isEqualTo("PK");
    assertThat(IncidentFigures.side(" afghanistan ", PARTIES)).isEqualTo("AF");
    assertThat(IncidentFigures.side("AF", PARTIES)).isEqualTo("AF");
    assertThat(IncidentFigures.side("Iran", PARTIES)).isEqualTo(IncidentFigures.OTHER);
    assertThat(IncidentFigures.side(null, PARTIES)).isEqualTo(IncidentFigures.UNKNOWN);
    Period may = new Period(LocalDate.parse("2026-05-01"), LocalDate.parse("2026-05-31"));
    IncidentFigures f = IncidentFigures.of(List.of(
        new IncidentFigures.Row(LocalDate.parse("2026-04-30"), "Pakistan", "PK", 9L),
        new IncidentFigures.Row(LocalDate.parse("2026-05-01"), "Iran", "AF", null),
        new IncidentFigures.Row(LocalDate.parse("2026-05-31"), "Pakistan", "AF", 2L)), may, PARTIES);
    assertThat(f.incidents()).isEqualTo(2);
    assertThat(f.fatalities()).isEqualTo(2);
    assertThat(f.sides()).containsExactly("PK", "AF", "other");
    assertThat(f.reportedBy()).containsExactly(Map.entry("AF", 2L));
    assertThat(f.cell(YearMonth.parse("2026-05"), "AF").incidents()).isZero();
  }

  @Test
  void urduAndPashtoLettersTakeTheirJoiningForms() {
    // کیا: kaf initial, farsi yeh medial, alef final; ہے: heh goal initial, yeh barree final.
    assertThat(ArabicForms.shape("کیا")).isEqualTo("\uFB90\uFBFF\uFE8E");
    assertThat(ArabicForms.shape("ہے")).isEqualTo("\uFBA8\uFBAF");
    // Lam and alef make one ligature; a letter alone keeps its isolated form; Latin is untouched.
    assertThat(ArabicForms.shape("لا")).isEqualTo("\uFEFB");
    assertThat(ArabicForms.shape("ں")).isEqualTo("\uFB9E");
    assertThat(ArabicForms.shape("SHA-256")).isEqualTo("SHA-256");
    // Pashto's ټ has no presentation forms: it is drawn alone, and so is its neighbour.
    assertThat(ArabicForms.shape("ټو")).isEqualTo("\u067C\uFEED");
    assertThat(ArabicForms.shape("بټ")).isEqualTo("\uFE8F\u067C");
  }
}
