package accord.bench.incident;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes N made-up events in ACLED's 31-column export layout, the same file for the same seed:
 * dates over ten years in order (as exports come), places scattered around real districts of the
 * border region, ACLED's own type names and the actors the register knows.
 */
public final class AcledGenerator {
  static final List<String> COLUMNS = List.of(
      "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
      "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
      "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
      "source", "source_scale", "notes", "fatalities", "tags", "timestamp");

  /** {country, iso, admin1, admin2, location, lat, lon} */
  static final String[][] PLACES = {
      {"Pakistan", "586", "Khyber Pakhtunkhwa", "North Waziristan", "Mir Ali", "33.0167", "70.0667"},
      {"Pakistan", "586", "Khyber Pakhtunkhwa", "South Waziristan", "Wana", "32.3000", "69.5833"},
      {"Pakistan", "586", "Khyber Pakhtunkhwa", "Kurram", "Parachinar", "33.8992", "70.1008"},
      {"Pakistan", "586", "Khyber Pakhtunkhwa", "Peshawar", "Peshawar", "34.0080", "71.5785"},
      {"Pakistan", "586", "Khyber Pakhtunkhwa", "Bajaur", "Khar", "34.7200", "71.5200"},
      {"Pakistan", "586", "Khyber Pakhtunkhwa", "Dera Ismail Khan", "Dera Ismail Khan", "31.8314", "70.9019"},
      {"Pakistan", "586", "Balochistan", "Quetta", "Quetta", "30.1798", "66.9750"},
      {"Pakistan", "586", "Balochistan", "Killa Abdullah", "Chaman", "30.9210", "66.4597"},
      {"Afghanistan", "4", "Nangarhar", "Mohmand Dara", "Torkham", "34.1105", "71.0868"},
      {"Afghanistan", "4", "Nangarhar", "Jalalabad", "Jalalabad", "34.4265", "70.4515"},
      {"Afghanistan", "4", "Kunar", "Asadabad", "Asadabad", "34.8742", "71.1528"},
      {"Afghanistan", "4", "Khost", "Khost", "Khost", "33.3395", "69.9204"},
      {"Afghanistan", "4", "Paktika", "Barmal", "Barmal", "32.6873", "69.2619"},
      {"Afghanistan", "4", "Kandahar", "Spin Boldak", "Spin Boldak", "31.0059", "66.3958"},
      {"Afghanistan", "4", "Kabul", "Kabul", "Kabul", "34.5553", "69.2075"},
  };
  /** {event_type, sub_event_type, disorder_type} as ACLED spells them. */
  static final String[][] TYPES = {
      {"Battles", "Armed clash", "Political violence"},
      {"Explosions/Remote violence", "Remote explosive/landmine/IED", "Political violence"},
      {"Explosions/Remote violence", "Suicide bomb", "Political violence"},
      {"Explosions/Remote violence", "Air/drone strike", "Political violence"},
      {"Violence against civilians", "Attack", "Political violence"},
      {"Strategic developments", "Arrests", "Strategic developments"},
      {"Protests", "Peaceful protest", "Demonstrations"},
  };
  static final String[] ACTORS = {
      "TTP: Tehreek-i-Taliban Pakistan", "Islamic State Khorasan Province (ISKP)", "Military Forces of Pakistan (2018-)",
      "Police Forces of Pakistan (2008-)", "Military Forces of Afghanistan (2021-)", "Unidentified Armed Group (Pakistan)",
      "Hafiz Gul Bahadur Group", "Protesters (Pakistan)",
  };
  static final String[] TARGETS = {"Civilians (Pakistan)", "Military Forces of Pakistan (2018-)", "Police Forces of Pakistan (2008-)", ""};
  static final String[] SOURCES = {"Dawn", "The News", "Express Tribune", "Tolo News", "Pajhwok Afghan News", "Dawn; Xinhua"};
  static final LocalDate FIRST = LocalDate.of(2015, 1, 1);
  static final int DAYS = 3650;

  private AcledGenerator() {}

  /** Writes {@code rows} events to {@code file}; returns its size in bytes. */
  public static long write(Path file, int rows, long seed) throws IOException {
    SplittableRandom rnd = new SplittableRandom(seed);
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
      p.printRecord(COLUMNS);
      for (int i = 0; i < rows; i++) {
        LocalDate date = FIRST.plusDays((long) i * DAYS / rows);
        String[] place = PLACES[rnd.nextInt(PLACES.length)];
        String[] type = TYPES[rnd.nextInt(TYPES.length)];
        String actor = ACTORS[rnd.nextInt(ACTORS.length)];
        String target = TARGETS[rnd.nextInt(TARGETS.length)];
        double lat = Double.parseDouble(place[5]) + (rnd.nextDouble() - 0.5) * 0.4;
        double lon = Double.parseDouble(place[6]) + (rnd.nextDouble() - 0.5) * 0.4;
        String id = (place[1].equals("586") ? "PAK" : "AFG") + (100000000 + i);
        p.printRecord(id, date.toString(), date.getYear(), 1 + rnd.nextInt(3), type[2], type[0], type[1],
            actor, "", 2, target, "", target.isEmpty() ? 0 : 1, 21, "", place[1], "Southern Asia", place[0], place[2],
            place[3], "", place[4], String.format(Locale.ROOT, "%.4f", lat), String.format(Locale.ROOT, "%.4f", lon),
            1 + rnd.nextInt(3), SOURCES[rnd.nextInt(SOURCES.length)], "National",
            "On " + date + ", an event of type " + type[1] + " was reported near " + place[4] + ".",
            rnd.nextInt(10) < 6 ? 0 : rnd.nextInt(30), "", 1700000000L + i);
      }
    }
    return Files.size(file);
  }
}
