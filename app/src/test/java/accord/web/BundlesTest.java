package accord.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.text.MessagePattern;
import com.ibm.icu.text.PluralRules;
import com.ibm.icu.util.ULocale;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every language has every message, really translated, with patterns that work like the English. */
class BundlesTest {
  static final Map<String, String> ROOT = load("").values();

  /** Values that are the same in every language: the product's name and the languages' own names. */
  static boolean sameEverywhere(String key) {
    return key.equals("app.name") || key.startsWith("lang.");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ur", "ps", "fa_AF"})
  void translationMatchesTheRoot(String suffix) {
    Bundle bundle = load("_" + suffix);
    Map<String, String> tr = bundle.values();
    List<String> problems = new ArrayList<>();
    bundle.twice().forEach(k -> problems.add("given twice: " + k));
    for (String key : ROOT.keySet()) {
      if (!tr.containsKey(key)) {
        problems.add("missing: " + key);
      }
    }
    for (var e : tr.entrySet()) {
      String key = e.getKey();
      String value = e.getValue();
      if (!ROOT.containsKey(key)) {
        problems.add("not in the root bundle: " + key);
        continue;
      }
      if (value.isBlank()) {
        problems.add("empty: " + key);
      } else if (value.equals(ROOT.get(key)) && !sameEverywhere(key)) {
        problems.add("same as English: " + key);
      }
      problems.addAll(patternProblems(key, ROOT.get(key), value, new ULocale(suffix)));
    }
    assertThat(problems).as("messages_%s.properties", suffix).isEmpty();
  }

  @Test
  void rootPatternsParse() {
    List<String> problems = new ArrayList<>();
    load("").twice().forEach(k -> problems.add("given twice: " + k));
    ROOT.forEach((k, v) -> problems.addAll(patternProblems(k, v, v, ULocale.ENGLISH)));
    assertThat(problems).isEmpty();
  }

  /** Catches a key that a template asks for by name but no bundle has. */
  @Test
  void everyKeyNamedInATemplateExists() throws IOException {
    Pattern call = Pattern.compile("\\.t\\(\"([a-zA-Z0-9_.-]+)\"\\s*[,)]");
    Set<String> missing = new TreeSet<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/jte"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".jte")).toList()) {
        Matcher m = call.matcher(Files.readString(f));
        while (m.find()) {
          if (!ROOT.containsKey(m.group(1))) {
            missing.add(m.group(1) + " (" + f.getFileName() + ")");
          }
        }
      }
    }
    assertThat(missing).isEmpty();
  }

  /** The pattern parses, takes the same arguments as the English, and uses this language's plurals. */
  static List<String> patternProblems(String key, String english, String value, ULocale locale) {
    List<String> problems = new ArrayList<>();
    try {
      Set<String> want = arguments(new MessagePattern(english));
      MessagePattern p = new MessagePattern(value);
      if (!arguments(p).equals(want)) {
        problems.add(key + ": arguments " + arguments(p) + ", English has " + want);
      }
      Set<String> keywords = PluralRules.forLocale(locale).getKeywords();
      for (int i = 0; i < p.countParts(); i++) {
        MessagePattern.Part part = p.getPart(i);
        if (part.getType() == MessagePattern.Part.Type.ARG_SELECTOR && inPlural(p, i)) {
          String selector = p.getSubstring(part);
          if (!selector.startsWith("=") && !keywords.contains(selector)) {
            problems.add(key + ": plural category '" + selector + "' is not used in " + locale);
          }
        }
      }
    } catch (IllegalArgumentException e) {
      problems.add(key + ": does not parse: " + e.getMessage());
    }
    return problems;
  }

  /** Whether the selector at {@code i} belongs to a plural argument (its ARG_START's type). */
  static boolean inPlural(MessagePattern p, int i) {
    int depth = 0;
    for (int j = i - 1; j >= 0; j--) {
      MessagePattern.Part part = p.getPart(j);
      if (part.getType() == MessagePattern.Part.Type.ARG_LIMIT) {
        depth++;
      } else if (part.getType() == MessagePattern.Part.Type.ARG_START) {
        if (depth == 0) {
          return part.getArgType() == MessagePattern.ArgType.PLURAL;
        }
        depth--;
      }
    }
    return false;
  }

  static Set<String> arguments(MessagePattern p) {
    Set<String> args = new TreeSet<>();
    for (int i = 0; i < p.countParts(); i++) {
      MessagePattern.Part part = p.getPart(i);
      if (part.getType() == MessagePattern.Part.Type.ARG_NUMBER || part.getType() == MessagePattern.Part.Type.ARG_NAME) {
        args.add(p.getSubstring(part));
      }
    }
    return args;
  }

  /** A bundle's keys and values, and the keys given twice (an error, not an override). */
  record Bundle(Map<String, String> values, Set<String> twice) {}

  static Bundle load(String suffix) {
    String name = "i18n/messages" + suffix + ".properties";
    Set<String> twice = new TreeSet<>();
    Properties props = new Properties() {
      @Override
      public synchronized Object put(Object key, Object value) {
        if (containsKey(key)) {
          twice.add(key.toString());
        }
        return super.put(key, value);
      }
    };
    try (InputStream in = BundlesTest.class.getClassLoader().getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      props.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    Map<String, String> values = new TreeMap<>();
    props.stringPropertyNames().forEach(k -> values.put(k, props.getProperty(k)));
    return new Bundle(values, twice);
  }
}
