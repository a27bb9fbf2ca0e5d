package accord.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** The alias table against the shared list of real name variants (ACLED, UCDP, incident lists, aliases). */
class GroupsTest {
  /** The shared list's canonical groups that are the table's own; its ambiguous and other groups are left out. */
  static final Map<String, String> OURS = Map.of(
      "Tehrik-i-Taliban Pakistan (TTP)", "TTP",
      "Islamic State Khorasan Province (ISKP/IS-K)", "ISKP",
      "Haqqani Network", "HQN",
      "Pakistan state forces", "PK_FORCES",
      "Pakistan state", "PK_FORCES",
      "Afghanistan state (pre-2021)", "AF_FORCES",
      "Afghan Taliban / Islamic Emirate", "TALIBAN");

  @Test
  void everyVariantOfAKnownGroupResolvesToIt() throws Exception {
    Path csv = SharedData.require("actors/militant_groups_and_actor_name_variants.csv");
    Groups g = Groups.standard();
    int checked = 0;
    try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
        String want = OURS.get(rec.get("canonical_group"));
        if (want != null) {
          assertThat(g.resolve(rec.get("name_variant"))).as(rec.get("name_variant")).contains(want);
          checked++;
        }
      }
    }
    assertThat(checked).isGreaterThanOrEqualTo(50);
    assertThat(g.resolve("Forces of Ismail Khan")).isEmpty();
    assertThat(g.resolve("  tehreek-I-taliban   pakistan ")).contains("TTP");
    assertThat(g.names().keySet()).containsExactly("TTP", "ISKP", "AQIS", "HQN", "PK_FORCES", "AF_FORCES", "TALIBAN");
  }
}
