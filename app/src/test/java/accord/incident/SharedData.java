package accord.incident;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** The project's shared reference data (../shared/data), found by walking up; tests skip without it. */
final class SharedData {
  private SharedData() {}

  static Path require(String relative) {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      Path data = dir.resolve("shared").resolve("data");
      if (Files.isDirectory(data) && Files.exists(data.resolve(relative))) {
        return data.resolve(relative);
      }
      dir = dir.getParent();
    }
    Assumptions.assumeTrue(false, "skipped: shared/data/" + relative + " not found above " + Path.of("").toAbsolutePath());
    return null;
  }
}
