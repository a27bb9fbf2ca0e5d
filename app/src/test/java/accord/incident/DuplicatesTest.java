package accord.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The likeness test on its own: time, place, actors and the precision of each date. */
class DuplicatesTest {
  static final LocalDate DAY = LocalDate.of(2025, 10, 12);
  // Angoor Adda, and points about 5 km and 15 km north of it (0.009° of latitude is about 1 km).
  static final double LAT = 32.3230;
  static final double LON = 69.3530;

  static Duplicates.Event at(LocalDate date, String precision, Double lat, Double lon, String admin2, String... perpetrators) {
    return new Duplicates.Event(date, precision, lat, lon, admin2, Set.of(perpetrators));
  }

  static final Duplicates.Event EXISTING = at(DAY, "day", LAT, LON, "South Waziristan", "TTP");

  @Test
  void theSameDayPlaceAndGroupIsLikelyTheSameIncident() {
    assertThat(Duplicates.likeness(at(DAY, "day", LAT, LON, null, "TTP"), EXISTING))
        .containsExactly("same day", "0.0 km apart", "same perpetrator TTP");
  }

  @Test
  void aDayEitherWayIsNearEnoughForDayPrecisionButTwoAreNot() {
    assertThat(Duplicates.likeness(at(DAY.plusDays(1), "day", LAT, LON, null, "TTP"), EXISTING)).first().isEqualTo("1 day apart (within 1)");
    assertThat(Duplicates.likeness(at(DAY.minusDays(1), "day", LAT, LON, null, "TTP"), EXISTING)).isNotEmpty();
    assertThat(Duplicates.likeness(at(DAY.plusDays(2), "day", LAT, LON, null, "TTP"), EXISTING)).isEmpty();
    assertThat(Duplicates.likeness(at(DAY.minusDays(2), "day", LAT, LON, null, "TTP"), EXISTING)).isEmpty();
  }

  @Test
  void theCoarserPrecisionOfEitherSideWidensTheWindow() {
    // A row known only to the week matches six days off; the existing one's day precision does not narrow it.
    assertThat(Duplicates.likeness(at(DAY.plusDays(6), "week", LAT, LON, null, "TTP"), EXISTING)).first().isEqualTo("6 days apart (within 7)");
    assertThat(Duplicates.likeness(at(DAY.plusDays(8), "week", LAT, LON, null, "TTP"), EXISTING)).isEmpty();
    // And the other way round: the existing incident is known only to the month.
    Duplicates.Event monthly = at(DAY, "month", LAT, LON, null, "TTP");
    assertThat(Duplicates.likeness(at(DAY.plusDays(20), "day", LAT, LON, null, "TTP"), monthly)).isNotEmpty();
    assertThat(Duplicates.likeness(at(DAY.plusDays(40), "day", LAT, LON, null, "TTP"), monthly)).isEmpty();
    assertThat(Duplicates.likeness(at(DAY.plusDays(300), "year", LAT, LON, null, "TTP"), EXISTING)).isNotEmpty();
  }

  @Test
  void tenKilometresIsTheLimit() {
    assertThat(Duplicates.likeness(at(DAY, "day", LAT + 0.045, LON, null, "TTP"), EXISTING)).contains("5.0 km apart");
    assertThat(Duplicates.likeness(at(DAY, "day", LAT + 0.0895, LON, null, "TTP"), EXISTING)).isNotEmpty();
    assertThat(Duplicates.likeness(at(DAY, "day", LAT + 0.0905, LON, null, "TTP"), EXISTING)).isEmpty();
    assertThat(Duplicates.likeness(at(DAY, "day", LAT + 0.135, LON, null, "TTP"), EXISTING)).isEmpty();
    assertThat(Duplicates.km(LAT, LON, LAT + 0.09, LON)).isBetween(9.9, 10.1);
  }

  @Test
  void withoutCoordinatesTheSameAdmin2Counts() {
    assertThat(Duplicates.likeness(at(DAY, "day", null, null, "south waziristan ", "TTP"), EXISTING))
        .contains("same admin2 South Waziristan");
    assertThat(Duplicates.likeness(at(DAY, "day", null, null, "North Waziristan", "TTP"), EXISTING)).isEmpty();
    assertThat(Duplicates.likeness(at(DAY, "day", null, null, null, "TTP"), EXISTING)).isEmpty();
    // Coordinates on both sides decide, even when the admin2 names agree.
    assertThat(Duplicates.likeness(at(DAY, "day", LAT + 1, LON, "South Waziristan", "TTP"), EXISTING)).isEmpty();
  }

  @Test
  void thePerpetratorsMustShareAGroup() {
    assertThat(Duplicates.likeness(at(DAY, "day", LAT, LON, null, "ISKP"), EXISTING)).isEmpty();
    assertThat(Duplicates.likeness(at(DAY, "day", LAT, LON, null), EXISTING)).isEmpty();
    assertThat(Duplicates.likeness(at(DAY, "day", LAT, LON, null, "ISKP", "TTP"), EXISTING)).contains("same perpetrator TTP");
  }

  @Test
  void anActorIsItsGroupOrElseItsNormalisedName() {
    assertThat(Duplicates.identity("TTP", "Tehreek-i-Taliban Pakistan")).isEqualTo("TTP");
    assertThat(Duplicates.identity(null, "  Unidentified  Armed Group (Pakistan) ")).isEqualTo("unidentified armed group (pakistan)");
  }
}
