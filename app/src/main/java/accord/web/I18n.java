package accord.web;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.text.NumberFormat;
import com.ibm.icu.text.SimpleDateFormat;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The four languages of the node. Every user-facing string comes from the bundles
 * {@code i18n/messages*.properties} (UTF-8); Urdu, Pashto and Dari are written right to left;
 * Pashto and Dari users see dates in the Solar Hijri calendar, Afghanistan's civil calendar, with
 * the Gregorian date beside it.
 */
public final class I18n {
  /*
   * ICU formats are costly to build (a page shows dozens of dates) and not thread-safe: one
   * prototype per language and pattern is built once, and each use formats with a clone of it.
   */
  private static final java.util.Map<String, DateFormat> DATE_FORMATS = new java.util.concurrent.ConcurrentHashMap<>();
  private static final java.util.Map<String, NumberFormat> NUMBER_FORMATS = new java.util.concurrent.ConcurrentHashMap<>();
  private static final java.util.Map<String, MessageFormat> MESSAGE_FORMATS = new java.util.concurrent.ConcurrentHashMap<>();

  public static final List<String> LANGUAGES = List.of("en", "ur", "ps", "fa-AF");
  public static final String DEFAULT = "en";

  private I18n() {}

  /** The language for a request: {@code ?lang=}, else the cookie, else Accept-Language, else English. */
  public static String resolve(String param, String cookie, String acceptLanguage) {
    for (String candidate : new String[] {param, cookie}) {
      String l = match(candidate);
      if (l != null) {
        return l;
      }
    }
    if (acceptLanguage != null) {
      try {
        for (Locale.LanguageRange r : Locale.LanguageRange.parse(acceptLanguage)) {
          String l = match(r.getRange());
          if (l != null) {
            return l;
          }
        }
      } catch (IllegalArgumentException malformed) {
        // a malformed header is treated as absent
      }
    }
    return DEFAULT;
  }

  /** One of the supported tags for a requested tag, or null; "fa" and "prs" mean Dari here. */
  static String match(String tag) {
    if (tag == null || tag.isBlank()) {
      return null;
    }
    String t = tag.trim().toLowerCase(Locale.ROOT);
    if (t.equals("fa-af") || t.equals("fa") || t.startsWith("fa-") || t.equals("prs") || t.startsWith("prs-")) {
      return "fa-AF";
    }
    String primary = t.split("[-_]")[0];
    return switch (primary) {
      case "en", "ur", "ps" -> primary;
      default -> null;
    };
  }

  public static Messages messages(String lang) {
    return new Messages(match(lang) == null ? DEFAULT : match(lang));
  }

  /** The strings, numbers and dates of one language. */
  public static final class Messages {
    private final String lang;
    private final Locale locale;
    private final ResourceBundle bundle;

    Messages(String lang) {
      this.lang = lang;
      this.locale = Locale.forLanguageTag(lang);
      this.bundle = ResourceBundle.getBundle("i18n.messages", locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public String lang() {
      return lang;
    }

    public String dir() {
      return lang.equals("en") ? "ltr" : "rtl";
    }

    public boolean rtl() {
      return dir().equals("rtl");
    }

    /** The message for {@code key}, formatted with ICU MessageFormat (plurals, numbers). */
    public String t(String key, Object... args) {
      String pattern;
      try {
        pattern = bundle.getString(key);
      } catch (MissingResourceException e) {
        return "[" + key + "]"; // visible, and caught by the bundle tests
      }
      if (args.length == 0) {
        return pattern;
      }
      MessageFormat proto = MESSAGE_FORMATS.computeIfAbsent(lang + "\u0000" + pattern,
          k -> new MessageFormat(pattern, ULocale.forLocale(locale)));
      return ((MessageFormat) proto.clone()).format(args);
    }

    public String number(long n) {
      NumberFormat proto = NUMBER_FORMATS.computeIfAbsent(lang, k -> NumberFormat.getInstance(ULocale.forLocale(locale)));
      return ((NumberFormat) proto.clone()).format(n);
    }

    /**
     * A date and time (UTC) in the user's calendar, month spelled out: "April 19, 2025 at 09:00
     * UTC"; Pashto and Dari show the Solar Hijri date with the Gregorian date beside it,
     * "۳۰ حمل ۱۴۰۴ ساعت ۹:۰۰ UTC (۱۹ اپریل ۲۰۲۵)".
     */
    public String dateTime(Instant t) {
      Date d = Date.from(t);
      String primary = format(d, calendar(solarHijri() ? "persian" : "gregorian"), true) + " UTC";
      if (solarHijri()) {
        return primary + " (" + format(d, calendar("gregorian"), false) + ")";
      }
      return primary;
    }

    private boolean solarHijri() {
      return lang.equals("ps") || lang.equals("fa-AF");
    }

    private ULocale calendar(String name) {
      return new ULocale(ULocale.forLocale(locale).getBaseName() + "@calendar=" + name);
    }

    private String format(Date d, ULocale l, boolean withTime) {
      DateFormat proto = DATE_FORMATS.computeIfAbsent(l + (withTime ? "+time" : ""), k -> dateFormat(l, withTime));
      return ((DateFormat) proto.clone()).format(d);
    }

    private DateFormat dateFormat(ULocale l, boolean withTime) {
      DateFormat f;
      if (lang.equals("ps")) {
        // ICU's Pashto patterns put the era first and the day last ("AP ۱۴۰۴ وری ۳۰"); Afghan
        // print writes day, month, year, as Dari does.
        f = new SimpleDateFormat(withTime ? "d MMMM y، H:mm" : "d MMMM y", l);
      } else {
        f = DateFormat.getInstanceForSkeleton(withTime ? "yMMMMdHHmm" : "yMMMMd", l);
      }
      f.setTimeZone(TimeZone.getTimeZone("UTC"));
      return f;
    }
  }
}
