package accord.tlog.tiles;

import accord.tlog.FormatException;

/**
 * tlog-tiles resource paths, relative to the log's prefix.
 *
 * <pre>
 *   tile/&lt;L&gt;/&lt;N&gt;[.p/&lt;W&gt;]        hash tile
 *   tile/entries/&lt;N&gt;[.p/&lt;W&gt;]    entry bundle
 * </pre>
 *
 * L is 0..63 in decimal without leading zeros. N is written in 3-digit groups, every group but
 * the last prefixed with {@code x} (1234067 is {@code x001/x234/067}, 5 is {@code 005}), so a
 * file system can hold the tiles without a name being both a file and a directory. {@code .p/W}
 * marks a partial tile of width 1..255; full tiles have no suffix.
 *
 * <p>Parsing accepts exactly the paths {@link #format} writes, so every tile has one path.
 */
public final class TilePath {
  private static final String PREFIX = "tile/";
  private static final String ENTRIES = "entries/";
  private static final String PARTIAL = ".p/";

  private TilePath() {}

  public static String format(Tile t) {
    StringBuilder sb = new StringBuilder(PREFIX);
    if (t.isEntries()) {
      sb.append(ENTRIES);
    } else {
      sb.append(t.level()).append('/');
    }
    sb.append(formatIndex(t.index()));
    if (!t.isFull()) {
      sb.append(PARTIAL).append(t.width());
    }
    return sb.toString();
  }

  /** N in x-prefixed 3-digit groups. */
  static String formatIndex(long n) {
    String digits = Long.toString(n);
    int groups = (digits.length() + 2) / 3;
    digits = "0".repeat(groups * 3 - digits.length()) + digits;
    StringBuilder sb = new StringBuilder();
    for (int g = 0; g < groups; g++) {
      if (g < groups - 1) {
        sb.append('x');
      }
      sb.append(digits, g * 3, g * 3 + 3);
      if (g < groups - 1) {
        sb.append('/');
      }
    }
    return sb.toString();
  }

  public static Tile parse(String path) {
    if (!path.startsWith(PREFIX)) {
      throw bad(path, "does not start with " + PREFIX);
    }
    String rest = path.substring(PREFIX.length());
    int level;
    if (rest.startsWith(ENTRIES)) {
      level = Tile.ENTRIES;
      rest = rest.substring(ENTRIES.length());
    } else {
      int slash = rest.indexOf('/');
      if (slash < 0) {
        throw bad(path, "has no tile index");
      }
      level = parseLevel(path, rest.substring(0, slash));
      rest = rest.substring(slash + 1);
    }
    int width = Tile.FULL_WIDTH;
    int p = rest.indexOf(PARTIAL);
    if (p >= 0) {
      width = parseWidth(path, rest.substring(p + PARTIAL.length()));
      rest = rest.substring(0, p);
    }
    return new Tile(level, parseIndex(path, rest), width);
  }

  private static int parseLevel(String path, String s) {
    if (s.isEmpty() || s.length() > 2 || !digits(s) || (s.length() > 1 && s.charAt(0) == '0')) {
      throw bad(path, "level must be a decimal 0 to " + Tile.MAX_LEVEL + " without leading zeros");
    }
    int level = Integer.parseInt(s);
    if (level > Tile.MAX_LEVEL) {
      throw bad(path, "level " + level + " is above " + Tile.MAX_LEVEL);
    }
    return level;
  }

  private static int parseWidth(String path, String s) {
    if (s.isEmpty() || s.length() > 3 || !digits(s) || s.charAt(0) == '0') {
      throw bad(path, "partial width must be a decimal 1 to 255 without leading zeros");
    }
    int w = Integer.parseInt(s);
    if (w >= Tile.FULL_WIDTH) {
      throw bad(path, "partial width " + w + " is not below " + Tile.FULL_WIDTH
          + " (a full tile has no .p/ suffix)");
    }
    return w;
  }

  private static long parseIndex(String path, String s) {
    String[] groups = s.split("/", -1);
    long n = 0;
    for (int g = 0; g < groups.length; g++) {
      String group = groups[g];
      boolean last = g == groups.length - 1;
      if (!last) {
        if (!group.startsWith("x")) {
          throw bad(path, "index group " + (g + 1) + " must start with x");
        }
        group = group.substring(1);
      }
      if (group.length() != 3 || !digits(group)) {
        throw bad(path, "index group " + (g + 1) + " must be exactly 3 decimal digits");
      }
      if (g == 0 && !last && group.equals("000")) {
        throw bad(path, "index has a leading x000 group");
      }
      try {
        n = Math.addExact(Math.multiplyExact(n, 1000), Integer.parseInt(group));
      } catch (ArithmeticException e) {
        throw bad(path, "index does not fit in 63 bits");
      }
    }
    return n;
  }

  private static boolean digits(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static FormatException bad(String path, String problem) {
    String shown = path.length() <= 80 ? path : path.substring(0, 77) + "...";
    return new FormatException("tile path \"" + shown + "\": " + problem);
  }
}
