package accord.engagement;

import accord.web.I18n;
import com.ibm.icu.text.DateFormat;
import com.ibm.icu.text.NumberFormat;
import com.ibm.icu.text.SimpleDateFormat;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Locale;

/**
 * Dates and percentages as the engagement pages show them: a meeting's date in the reader's
 * calendar (Solar Hijri, with the Gregorian date beside it, for Pashto and Dari; written day,
 * month, year as Afghan print does), and percentages with one decimal in the reader's digits.
 */
public final class Shown {
  private final I18n.Messages m;

  public Shown(I18n.Messages m) {
    this.m = m;
  }

  /** An ISO date (YYYY-MM-DD, or the start of an entry time) in the reader's calendar. */
  public String date(String iso) {
    if (iso == null || iso.length() < 10) {
      return "";
    }
    Date d = Date.from(LocalDate.parse(iso.substring(0, 10)).atStartOfDay(ZoneOffset.UTC).toInstant());
    boolean solarHijri = m.lang().equals("ps") || m.lang().equals("fa-AF");
    String primary = format(d, solarHijri ? "persian" : "gregorian");
    return solarHijri ? primary + " (" + format(d, "gregorian") + ")" : primary;
  }

  private String format(Date d, String calendar) {
    ULocale l = new ULocale(ULocale.forLocale(Locale.forLanguageTag(m.lang())).getBaseName() + "@calendar=" + calendar);
    DateFormat f = m.lang().equals("ps") ? new SimpleDateFormat("d MMMM y", l) : DateFormat.getInstanceForSkeleton("yMMMMd", l);
    f.setTimeZone(TimeZone.getTimeZone("UTC"));
    return f.format(d);
  }

  /** A body's cadence in words when it is a common one (monthly, quarterly…), else as the ISO period it is. */
  public String cadence(String iso) {
    String key = switch (iso) {
      case "P1W", "P7D" -> "engagement.cadence.weekly";
      case "P1M" -> "engagement.cadence.monthly";
      case "P3M" -> "engagement.cadence.quarterly";
      case "P6M" -> "engagement.cadence.halfyearly";
      case "P1Y", "P12M" -> "engagement.cadence.yearly";
      default -> null;
    };
    return key == null ? iso : m.t(key);
  }

  public String percent(double p) {
    NumberFormat f = NumberFormat.getPercentInstance(ULocale.forLocale(Locale.forLanguageTag(m.lang())));
    f.setMinimumFractionDigits(1);
    f.setMaximumFractionDigits(1);
    return f.format(p / 100.0);
  }

  public String number(long n) {
    return m.number(n);
  }
}
