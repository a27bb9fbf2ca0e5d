package accord.tlog.witness;

import accord.tlog.Cosignature;
import accord.tlog.FormatException;
import accord.tlog.Hash;
import accord.tlog.NoteKeys;
import accord.tlog.NoteVerifier;
import accord.tlog.witness.Policy.Cosigner;
import accord.tlog.witness.Policy.Group;
import accord.tlog.witness.Policy.Log;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a tlog-policy line by line, checking each line against the lines before it: names are
 * defined once and before use, keys are not repeated, a name joins at most one group.
 */
final class PolicyParser {
  private static final Pattern FIELDS = Pattern.compile("[ \t]+");
  private static final Pattern THRESHOLD = Pattern.compile("[1-9][0-9]{0,8}");
  private static final String NONE = Policy.NONE;

  private final List<Log> logs = new ArrayList<>();
  private final List<Cosigner> witnesses = new ArrayList<>();
  private final List<Group> groups = new ArrayList<>();
  private final Map<String, Integer> definedOn = new HashMap<>();
  private final Map<String, String> memberOf = new HashMap<>();
  private final Map<String, Integer> logKeys = new HashMap<>();
  private final Map<String, Integer> witnessKeys = new HashMap<>();
  private String quorum;
  private int quorumLine;

  void line(int n, String raw) {
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if ((c < 0x20 && c != '\t') || c == 0x7f) {
        throw error(n, "control character 0x" + Integer.toHexString(c) + " is not allowed");
      }
    }
    String line = strip(raw);
    if (line.isEmpty() || line.startsWith("#")) {
      return;
    }
    String[] f = FIELDS.split(line);
    switch (f[0]) {
      case "log" -> log(n, f);
      case "witness" -> witness(n, f);
      case "group" -> group(n, f);
      case "quorum" -> quorum(n, f);
      default -> throw error(n, "unknown keyword '" + abbreviate(f[0])
          + "' (want log, witness, group or quorum)");
    }
  }

  private void log(int n, String[] f) {
    if (f.length < 2 || f.length > 3) {
      throw error(n, "want 'log <vkey> [<url>]'");
    }
    NoteVerifier key;
    byte[] pub;
    try {
      key = NoteKeys.verifier(f[1]);
      pub = NoteKeys.parseVkey(f[1]).key();
    } catch (FormatException e) {
      throw error(n, "log key: " + e.getMessage());
    }
    Integer dup = logKeys.putIfAbsent(Hash.toHex(pub), n);
    if (dup != null) {
      throw error(n, "log key " + key.name() + " is the same public key as the log on line " + dup);
    }
    logs.add(new Log(key, f[1], f.length == 3 ? f[2] : null));
  }

  private void witness(int n, String[] f) {
    if (f.length < 3 || f.length > 4) {
      throw error(n, "want 'witness <name> <vkey> [<url>]'");
    }
    define(n, f[1]);
    Cosignature.Verifier key;
    try {
      key = Cosignature.Verifier.of(f[2]);
    } catch (FormatException e) {
      throw error(n, "witness " + abbreviate(f[1]) + " key: " + e.getMessage());
    }
    Integer dup = witnessKeys.putIfAbsent(Hash.toHex(key.publicKey()), n);
    if (dup != null) {
      throw error(n, "witness " + abbreviate(f[1])
          + " has the same public key as the witness on line " + dup);
    }
    witnesses.add(new Cosigner(f[1], key, f[2], f.length == 4 ? f[3] : null));
  }

  private void group(int n, String[] f) {
    if (f.length < 4) {
      throw error(n, "want 'group <name> <k|all|any> <name>...' with at least one member");
    }
    String name = f[1];
    int members = f.length - 3;
    int k;
    if (f[2].equals("all")) {
      k = members;
    } else if (f[2].equals("any")) {
      k = 1;
    } else if (THRESHOLD.matcher(f[2]).matches() && Integer.parseInt(f[2]) <= members) {
      k = Integer.parseInt(f[2]);
    } else {
      throw error(n, "group " + abbreviate(name)
          + ": threshold must be all, any or a number from 1 to " + members
          + ", got '" + abbreviate(f[2]) + "'");
    }
    List<String> list = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 3; i < f.length; i++) {
      String m = f[i];
      if (m.equals(NONE)) {
        throw error(n, "group " + abbreviate(name) + ": '" + NONE + "' cannot be a member");
      }
      if (!definedOn.containsKey(m)) {
        throw error(n, "group " + abbreviate(name) + ": " + abbreviate(m)
            + " is not a witness or group defined on an earlier line");
      }
      if (!seen.add(m)) {
        throw error(n, "group " + abbreviate(name) + " lists " + abbreviate(m) + " twice");
      }
      String other = memberOf.get(m);
      if (other != null) {
        throw error(n, abbreviate(m) + " is already a member of group " + abbreviate(other)
            + "; a name may be a member of one group only");
      }
      list.add(m);
    }
    define(n, name);
    for (String m : list) {
      memberOf.put(m, name);
    }
    groups.add(new Group(name, k, list));
  }

  private void quorum(int n, String[] f) {
    if (f.length != 2) {
      throw error(n, "want 'quorum <name|none>'");
    }
    if (quorum != null) {
      throw error(n, "second quorum line; the first is on line " + quorumLine);
    }
    if (!f[1].equals(NONE) && !definedOn.containsKey(f[1])) {
      throw error(n, "quorum " + abbreviate(f[1])
          + " is not a witness or group defined on an earlier line");
    }
    quorum = f[1];
    quorumLine = n;
  }

  private void define(int n, String name) {
    if (name.equals(NONE)) {
      throw error(n, "'" + NONE + "' is predefined and cannot be redefined");
    }
    Integer earlier = definedOn.putIfAbsent(name, n);
    if (earlier != null) {
      throw error(n, "name " + abbreviate(name) + " is already defined on line " + earlier);
    }
  }

  Policy finish() {
    if (quorum == null) {
      throw new FormatException(
          "policy: no quorum line (use 'quorum none' to require no witnesses)");
    }
    return new Policy(logs, witnesses, groups, quorum);
  }

  private static String strip(String s) {
    int b = 0;
    int e = s.length();
    while (b < e && (s.charAt(b) == ' ' || s.charAt(b) == '\t')) {
      b++;
    }
    while (e > b && (s.charAt(e - 1) == ' ' || s.charAt(e - 1) == '\t')) {
      e--;
    }
    return s.substring(b, e);
  }

  private static String abbreviate(String s) {
    return s.length() <= 60 ? s : s.substring(0, 57) + "...";
  }

  private static FormatException error(int line, String message) {
    return new FormatException("policy: line " + line + ": " + message);
  }
}
