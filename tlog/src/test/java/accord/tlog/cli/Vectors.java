package accord.tlog.cli;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The shared conformance vectors, read in place; tests that need them skip when they are absent. */
final class Vectors {
  private Vectors() {}

  static JsonNode json(String relative) throws IOException {
    for (Path root : new Path[] {Path.of("../../shared/vectors"), Path.of("../shared/vectors")}) {
      Path p = root.resolve(relative);
      if (Files.isRegularFile(p)) {
        return new ObjectMapper().readTree(p.toFile());
      }
    }
    assumeTrue(false, "conformance vector " + relative + " not found next to the project; skipping");
    return null;
  }
}
