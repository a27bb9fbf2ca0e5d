package accord.tlog;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The third-party conformance vectors, which live outside the repository in {@code
 * shared/vectors}. They are found by walking up from the working directory (Maven runs tests in
 * the module directory), or taken from the system property {@code accord.vectors}. Tests that need
 * them are skipped, not failed, when they are absent.
 */
public final class SharedVectors {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path ROOT = find();

  private SharedVectors() {}

  private static Path find() {
    String prop = System.getProperty("accord.vectors");
    if (prop != null && Files.isDirectory(Paths.get(prop))) {
      return Paths.get(prop).toAbsolutePath();
    }
    for (Path p = Paths.get("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path v = p.resolve("shared").resolve("vectors");
      if (Files.isDirectory(v)) {
        return v;
      }
    }
    return null;
  }

  /** Whether the vectors folder was found. */
  public static boolean present() {
    return ROOT != null;
  }

  /** The path of {@code relative} inside the vectors folder; skips the test if it is missing. */
  public static Path path(String relative) {
    assumeTrue(ROOT != null, "conformance vectors not found: no shared/vectors above "
        + Paths.get("").toAbsolutePath() + " (set -Daccord.vectors=...); skipping");
    Path p = ROOT.resolve(relative);
    assumeTrue(Files.exists(p), "conformance vector " + p + " is missing; skipping");
    return p;
  }

  public static JsonNode json(String relative) {
    return readJson(path(relative));
  }

  public static JsonNode readJson(Path p) {
    try {
      return JSON.readTree(p.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static byte[] bytes(String relative) {
    try {
      return Files.readAllBytes(path(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Standard base64, as the vectors write bytes; JSON null reads as null. */
  public static byte[] b64(JsonNode n) {
    return n == null || n.isNull() ? null : Base64.getDecoder().decode(n.asText());
  }

  public static byte[] hex(String s) {
    return HexFormat.of().parseHex(s);
  }
}
