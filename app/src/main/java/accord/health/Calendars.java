package accord.health;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.text.SimpleDateFormat;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Date;

/**
 * Days and months in the reader's calendar, as the pages show dates: Gregorian for English and
 * Urdu, Solar Hijri (Afghanistan's civil calendar) for Pashto and Dari. A Solar Hijri month does
 * not line up with a Gregorian one, so a month of the figures is named by the Gregorian month with
 * the Solar Hijri days it spans beside it only where a full date is shown.
 */
public final class Calendars {
  private Calendars() {}

  static boolean solarHijri(String lang) {
    return lang.equals("ps") || lang.equals("fa-AF");
  }

  /** "1 May 2026"; Pashto and Dari: "۱۱ ثور ۱۴۰۵". */
  public static String date(LocalDate d, String lang) {
    ULocale base = ULocale.forLanguageTag(lang);
    ULocale l = new ULocale(base.getBaseName() + "@calendar=" + (solarHijri(lang) ? "persian" : "gregorian"));
    DateFormat f = lang.equals("ps")
        // ICU's Pashto pattern puts the era first and the day last; Afghan print writes day, month, year.
        ? new SimpleDateFormat("d MMMM y", l)
        : DateFormat.getInstanceForSkeleton("yMMMMd", l);
    f.setTimeZone(TimeZone.getTimeZone("UTC"));
    return f.format(Date.from(d.atStartOfDay(ZoneOffset.UTC).toInstant()));
  }

  /** A Gregorian month, "May 2026" / "مئی ۲۰۲۶", the unit the monthly figures are counted in. */
  public static String month(YearMonth m, String lang) {
    ULocale l = new ULocale(ULocale.forLanguageTag(lang).getBaseName() + "@calendar=gregorian");
    DateFormat f = lang.equals("ps") ? new SimpleDateFormat("MMMM y", l) : DateFormat.getInstanceForSkeleton("yMMMM", l);
    f.setTimeZone(TimeZone.getTimeZone("UTC"));
    return f.format(Date.from(m.atDay(15).atStartOfDay(ZoneOffset.UTC).toInstant()));
  }
}
