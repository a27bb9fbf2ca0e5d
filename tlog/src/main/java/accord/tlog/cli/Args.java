package accord.tlog.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The options and operands of one command. Options take a value, as {@code --opt value} or
 * {@code --opt=value}; {@code --} ends the options. Anything unknown is a usage error.
 */
final class Args {
  private final String command;
  private final Map<String, List<String>> options = new HashMap<>();
  private final List<String> operands = new ArrayList<>();

  private Args(String command) {
    this.command = command;
  }

  static Args parse(String command, List<String> raw, Set<String> once, Set<String> repeatable) {
    Args a = new Args(command);
    boolean optionsEnded = false;
    for (int i = 0; i < raw.size(); i++) {
      String s = raw.get(i);
      if (optionsEnded || !s.startsWith("-") || s.equals("-")) {
        a.operands.add(s);
        continue;
      }
      if (s.equals("--")) {
        optionsEnded = true;
        continue;
      }
      String name = s;
      String value = null;
      int eq = s.indexOf('=');
      if (s.startsWith("--") && eq > 0) {
        name = s.substring(0, eq);
        value = s.substring(eq + 1);
      }
      if (!once.contains(name) && !repeatable.contains(name)) {
        throw CliException.usage("unknown option " + name + " for " + command);
      }
      if (value == null) {
        // An option right after another one is a forgotten value, not a file named "--x".
        if (i + 1 >= raw.size() || raw.get(i + 1).startsWith("--")) {
          throw CliException.usage("option " + name + " needs a value");
        }
        value = raw.get(++i);
      }
      List<String> values = a.options.computeIfAbsent(name, k -> new ArrayList<>());
      if (!values.isEmpty() && once.contains(name)) {
        throw CliException.usage("option " + name + " is given twice");
      }
      values.add(value);
    }
    return a;
  }

  /** The value of a required option. */
  String required(String name) {
    List<String> v = options.get(name);
    if (v == null) {
      throw CliException.usage(command + " needs " + name);
    }
    return v.get(0);
  }

  /** Every value of a repeatable option, at least one. */
  List<String> all(String name) {
    required(name);
    return List.copyOf(options.get(name));
  }

  boolean has(String name) {
    return options.containsKey(name);
  }

  /** A non-negative decimal option value. */
  long number(String name) {
    String s = required(name);
    try {
      long n = Long.parseLong(s);
      if (n >= 0 && s.equals(Long.toString(n))) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw CliException.usage(name + " must be a non-negative decimal number, got '" + s + "'");
  }

  /** Exactly the operands named, in order. */
  List<String> operands(String... names) {
    if (operands.size() < names.length) {
      throw CliException.usage(command + " needs " + names[operands.size()]);
    }
    if (operands.size() > names.length) {
      throw CliException.usage("unexpected argument '" + operands.get(names.length) + "' for " + command);
    }
    return List.copyOf(operands);
  }
}
