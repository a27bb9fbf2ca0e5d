package accord.incident;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The known groups and state forces, and the names each goes by (the resource groups.tsv). An
 * actor's name is resolved once, when its entry is written, so the record keeps what was meant.
 */
public final class Groups {
  private static final Groups DEFAULT = load();

  private final Map<String, String> names; // code -> display name
  private final Map<String, String> exact; // normalised alias -> code
  private final List<String[]> prefixes; // {normalised prefix, code}

  private Groups(Map<String, String> names, Map<String, String> exact, List<String[]> prefixes) {
    this.names = names;
    this.exact = exact;
    this.prefixes = prefixes;
  }

  public static Groups standard() {
    return DEFAULT;
  }

  public boolean known(String code) {
    return names.containsKey(code);
  }

  public Map<String, String> names() {
    return names;
  }

  /** The group code a name stands for, if it is one this table knows. */
  public Optional<String> resolve(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String n = normalise(name);
    String code = exact.get(n);
    if (code != null) {
      return Optional.of(code);
    }
    for (String[] p : prefixes) {
      if (n.startsWith(p[0])) {
        return Optional.of(p[1]);
      }
    }
    return Optional.empty();
  }

  /** Case, dash style, spacing and a "(suspected)" qualifier do not change who is named. */
  static String normalise(String s) {
    String n = s.toLowerCase(Locale.ROOT).replaceAll("[\u2010-\u2015]", "-").replaceAll("\\s+", " ").trim();
    if (n.endsWith("(suspected)")) {
      n = n.substring(0, n.length() - "(suspected)".length()).trim();
    }
    return n;
  }

  private static Groups load() {
    try (InputStream in = Groups.class.getResourceAsStream("/accord/incident/groups.tsv")) {
      if (in == null) {
        throw new IllegalStateException("the resource accord/incident/groups.tsv is missing");
      }
      Map<String, String> names = new LinkedHashMap<>();
      Map<String, String> exact = new HashMap<>();
      List<String[]> prefixes = new ArrayList<>();
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line; (line = r.readLine()) != null; ) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t");
        names.put(f[0], f[1]);
        for (String alias : f[2].split("\\|")) {
          if (alias.endsWith("*")) {
            prefixes.add(new String[] {normalise(alias.substring(0, alias.length() - 1)), f[0]});
          } else if (exact.putIfAbsent(normalise(alias), f[0]) != null) {
            throw new IllegalStateException("groups.tsv names '" + alias + "' twice");
          }
        }
        exact.putIfAbsent(normalise(f[0]), f[0]);
      }
      return new Groups(names, exact, prefixes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
