package accord.tlog;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A tlog-checkpoint v1.0.0 body: the log's origin, tree size and root hash, then optional
 * extension lines, each ending in a newline. Signed as a note by the log and cosigned by witnesses.
 *
 * <p>Parsing is strict so that one checkpoint has one text: the size is a decimal without leading
 * zeros, the root is canonical base64 of 32 bytes, and no line is empty.
 */
public record Checkpoint(String origin, long size, byte[] root, List<String> extensions) {
  private static final Pattern SIZE = Pattern.compile("0|[1-9][0-9]{0,18}");

  public Checkpoint {
    if (origin == null || origin.isEmpty() || origin.indexOf('\n') >= 0) {
      throw new FormatException("checkpoint origin must be one non-empty line");
    }
    if (size < 0) {
      throw new FormatException("checkpoint size must not be negative");
    }
    if (root == null || root.length != Hash.SIZE) {
      throw new FormatException("checkpoint root must be " + Hash.SIZE + " bytes");
    }
    extensions = List.copyOf(extensions);
    for (String e : extensions) {
      if (e.isEmpty() || e.indexOf('\n') >= 0) {
        throw new FormatException("checkpoint extension lines must be non-empty single lines");
      }
    }
  }

  public Checkpoint(String origin, long size, byte[] root) {
    this(origin, size, root, List.of());
  }

  /** The note text: {@code origin\nsize\nbase64(root)\n[extension\n]...}. */
  public String text() {
    StringBuilder sb = new StringBuilder();
    sb.append(origin).append('\n').append(size).append('\n').append(Hash.toBase64(root)).append('\n');
    for (String e : extensions) {
      sb.append(e).append('\n');
    }
    return sb.toString();
  }

  public static Checkpoint parse(String text) {
    if (text.isEmpty() || text.charAt(text.length() - 1) != '\n') {
      throw new FormatException("checkpoint: text must end in a newline");
    }
    String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
    if (lines.length < 3) {
      throw new FormatException("checkpoint: want origin, size and root lines, got " + lines.length + " lines");
    }
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].isEmpty()) {
        throw new FormatException("checkpoint: line " + (i + 1) + " is empty");
      }
    }
    if (!SIZE.matcher(lines[1]).matches()) {
      throw new FormatException(
          "checkpoint: line 2 must be a tree size in decimal without leading zeros: "
              + Hash.abbreviate(lines[1]));
    }
    long size;
    try {
      size = Long.parseLong(lines[1]);
    } catch (NumberFormatException e) {
      throw new FormatException("checkpoint: tree size is too large: " + lines[1]);
    }
    byte[] root;
    try {
      root = Hash.fromBase64(lines[2]);
    } catch (IllegalArgumentException e) {
      throw new FormatException("checkpoint: line 3: root " + e.getMessage());
    }
    List<String> ext = new ArrayList<>();
    for (int i = 3; i < lines.length; i++) {
      ext.add(lines[i]);
    }
    return new Checkpoint(lines[0], size, root, ext);
  }

  /** Opens a signed checkpoint note, requiring a valid signature by the log's key. */
  public static Signed open(byte[] note, NoteVerifier logKey) {
    Note.Verified v = Note.open(note, NoteVerifiers.of(logKey));
    return new Signed(parse(v.note().text()), v.note());
  }

  /** A checkpoint and the signed note that carries it (log signature, maybe cosignatures). */
  public record Signed(Checkpoint checkpoint, Note note) {}

  @Override
  public boolean equals(Object o) {
    return o instanceof Checkpoint c && c.text().equals(text());
  }

  @Override
  public int hashCode() {
    return text().hashCode();
  }

  @Override
  public String toString() {
    return text();
  }
}
