package accord.incident;

import static org.assertj.core.api.Assertions.assertThat;

import accord.Engines;
import accord.cli.Cli;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/** {@code accord import ucdp}: dry run, import, re-import, bad rows by line, all or nothing. */
class ImportCliTest {
  @TempDir Path dir;


  static Cli.Run run(List<String> args) {
    return Cli.run("", args.toArray(String[]::new));
  }

  @ParameterizedTest
  @EnumSource(Engines.class)
  void importUcdp(Engines engine) throws Exception {
    Path sample = SharedData.require(UcdpImportTest.SAMPLE);
    List<String> node = new ArrayList<>(List.of("--data", dir.resolve("node").toString()));
    String db = engine.newDatabase(dir);
    if (db != null) {
      node.addAll(List.of("--db", db));
    }
    assertThat(run(cat(List.of("init"), node)).code()).isZero();

    Cli.Run dry = run(cat(List.of("import", "ucdp", sample.toString(), "--accord", "kabul-2025", "--dry-run"), node));
    assertThat(dry.code()).as(dry.err()).isZero();
    assertThat(dry.out()).contains("would add 310 incidents; 0 already in the register; 0 bad rows");
    assertThat(dry.err()).contains("310 rows read");

    Cli.Run first = run(cat(List.of("import", "ucdp", sample.toString(), "--accord", "kabul-2025"), node));
    assertThat(first.out()).as(first.err()).contains("added 310 incidents");
    Cli.Run again = run(cat(List.of("import", "ucdp", sample.toString(), "--accord", "kabul-2025"), node));
    assertThat(again.out()).contains("added 0 incidents; 310 already in the register");

    Path bad = UcdpImportTest.badFile(dir);
    Cli.Run none = run(cat(List.of("import", "ucdp", bad.toString(), "--accord", "kabul-2025", "--all-or-nothing"), node));
    assertThat(none.code()).isEqualTo(1);
    assertThat(none.out()).contains("line 4: date_start '2015-02-30' is not a real date", "wrote nothing: 5 bad rows");
    Cli.Run some = run(cat(List.of("import", "ucdp", bad.toString(), "--accord", "kabul-2025"), node));
    assertThat(some.out()).contains("line 5: latitude 123 is outside -90..90", "added 3 incidents");

    // Two accord definitions, the Kabul accord's four bodies, 310 + 3 reports.
    Cli.Run rebuild = run(cat(List.of("rebuild"), node));
    assertThat(rebuild.out()).as(rebuild.err()).contains("replayed 319 entries", "the rebuilt state is identical");

    assertThat(run(cat(List.of("import", "ucdp", sample.toString(), "--accord", "nowhere"), node)).err()).contains("no accord nowhere");
    assertThat(run(cat(List.of("import", "ucdp", "missing.csv", "--accord", "kabul-2025"), node)).err()).contains("no file missing.csv");
  }

  static List<String> cat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}
