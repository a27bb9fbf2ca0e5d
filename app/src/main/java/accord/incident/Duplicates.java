package accord.incident;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whether an imported row is likely an incident the register already holds, as a pure function:
 * near in time (the same day, give or take the coarser of the two date precisions), near in place
 * (at most {@link #MAX_KM} apart, or the same admin2 when either lacks coordinates), and naming a
 * perpetrator in common. A likely duplicate is held for review rather than added a second time.
 */
public final class Duplicates {
  public static final double MAX_KM = 10.0;
  private static final double EARTH_KM = 6371.0088;

  /** What the likeness test reads of a row or an existing incident. */
  public record Event(LocalDate date, String datePrecision, Double lat, Double lon, String admin2, Set<String> perpetrators) {}

  private Duplicates() {}

  /** The reasons {@code row} looks like {@code existing}, or an empty list when it does not. */
  public static List<String> likeness(Event row, Event existing) {
    long window = Math.max(1, Math.max(slack(row.datePrecision()), slack(existing.datePrecision())));
    long apart = Math.abs(ChronoUnit.DAYS.between(row.date(), existing.date()));
    if (apart > window) {
      return List.of();
    }
    String place;
    if (row.lat() != null && existing.lat() != null) {
      double km = km(row.lat(), row.lon(), existing.lat(), existing.lon());
      if (km > MAX_KM) {
        return List.of();
      }
      place = String.format(Locale.ROOT, "%.1f km apart", km);
    } else if (row.admin2() != null && existing.admin2() != null
        && row.admin2().trim().equalsIgnoreCase(existing.admin2().trim())) {
      place = "same admin2 " + existing.admin2().trim();
    } else {
      return List.of();
    }
    Set<String> shared = new TreeSet<>(row.perpetrators());
    shared.retainAll(existing.perpetrators());
    if (shared.isEmpty()) {
      return List.of();
    }
    List<String> reasons = new ArrayList<>();
    reasons.add(apart == 0 ? "same day" : apart + (apart == 1 ? " day apart" : " days apart") + " (within " + window + ")");
    reasons.add(place);
    reasons.add("same perpetrator " + String.join(", ", shared));
    return reasons;
  }

  /** How many days either way a date of this precision may stand for. */
  static long slack(String precision) {
    if (precision == null) {
      return 1;
    }
    return switch (precision) {
      case "week" -> 7;
      case "month" -> 31;
      case "year" -> 366;
      default -> 1;
    };
  }

  /** The widest window any precision gives: how far around a date candidates are looked up. */
  static final long MAX_SLACK = 366;

  /** Great-circle distance (haversine), enough at the 10 km scale. */
  static double km(double lat1, double lon1, double lat2, double lon2) {
    double p1 = Math.toRadians(lat1);
    double p2 = Math.toRadians(lat2);
    double dp = p2 - p1;
    double dl = Math.toRadians(lon2 - lon1);
    double a = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
    return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(a)));
  }

  /** Who an actor is for the comparison: its known group, else its name as normalised. */
  static String identity(String group, String name) {
    return group != null ? group : Groups.normalise(name);
  }
}
