package accord.tlog.witness;

import accord.tlog.Checkpoint;
import accord.tlog.FormatException;
import accord.tlog.Hash;
import accord.tlog.Note;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The body of a tlog-witness {@code POST <prefix>/add-checkpoint} request:
 *
 * <pre>
 *   old &lt;size&gt;\n
 *   &lt;base64 hash&gt;\n        zero to 63 consistency proof lines
 *   \n
 *   &lt;signed checkpoint note&gt;
 * </pre>
 *
 * <p>The header ends at the first blank line; the note has its own blank line before its
 * signatures, so it must not be split anywhere else. Parsing is strict so that one request has one
 * text: the old size is a decimal without leading zeros and every proof line is the canonical
 * base64 of 32 bytes. The note is kept byte for byte, so {@link #format} gives back exactly the
 * bytes that were parsed. Signatures are not checked here; that is the witness's decision.
 */
public final class AddCheckpointRequest {
  /** Far above any honest request (63 hashes and a checkpoint with its cosignatures). */
  public static final int MAX_BODY_SIZE = 1 << 20;

  public static final int MAX_PROOF_LINES = 63;

  private static final Pattern OLD_LINE = Pattern.compile("old (0|[1-9][0-9]{0,18})");

  private final long oldSize;
  private final List<byte[]> proof;
  private final byte[] noteBytes;
  private final Note note;
  private final Checkpoint checkpoint;

  private AddCheckpointRequest(
      long oldSize, List<byte[]> proof, byte[] noteBytes, Note note, Checkpoint checkpoint) {
    this.oldSize = oldSize;
    this.proof = List.copyOf(proof);
    this.noteBytes = noteBytes;
    this.note = note;
    this.checkpoint = checkpoint;
  }

  /** A request as a log sends it; checked by parsing its own text. */
  public static AddCheckpointRequest of(long oldSize, List<byte[]> proof, byte[] signedNote) {
    for (byte[] h : proof) {
      if (h.length != Hash.SIZE) {
        throw new IllegalArgumentException("proof hash has " + h.length + " bytes");
      }
    }
    return parse(encode(oldSize, proof, signedNote));
  }

  public static AddCheckpointRequest parse(byte[] body) {
    if (body.length > MAX_BODY_SIZE) {
      throw new FormatException(
          "add-checkpoint: body has " + body.length + " bytes, more than the " + MAX_BODY_SIZE
              + " allowed");
    }
    int blank = indexOfBlankLine(body);
    if (blank < 0) {
      throw new FormatException(
          "add-checkpoint: no blank line between the header and the checkpoint");
    }
    String[] lines = headerLines(body, blank + 1);
    if (!OLD_LINE.matcher(lines[0]).matches()) {
      throw new FormatException(
          "add-checkpoint: line 1 must be 'old <size>', a decimal without leading zeros");
    }
    long oldSize;
    try {
      oldSize = Long.parseLong(lines[0].substring(4));
    } catch (NumberFormatException e) {
      throw new FormatException("add-checkpoint: line 1: old size is too large");
    }
    if (lines.length - 1 > MAX_PROOF_LINES) {
      throw new FormatException(
          "add-checkpoint: " + (lines.length - 1) + " consistency proof lines, at most "
              + MAX_PROOF_LINES + " allowed");
    }
    List<byte[]> proof = new ArrayList<>(lines.length - 1);
    for (int i = 1; i < lines.length; i++) {
      try {
        proof.add(Hash.fromBase64(lines[i]));
      } catch (IllegalArgumentException e) {
        throw new FormatException("add-checkpoint: line " + (i + 1) + ": proof " + e.getMessage());
      }
    }
    byte[] noteBytes = Arrays.copyOfRange(body, blank + 2, body.length);
    int noteLine = lines.length + 2;
    Note note;
    Checkpoint checkpoint;
    try {
      note = Note.parse(noteBytes);
      checkpoint = Checkpoint.parse(note.text());
    } catch (FormatException e) {
      throw new FormatException(
          "add-checkpoint: the checkpoint starting on line " + noteLine + ": " + e.getMessage());
    }
    return new AddCheckpointRequest(oldSize, proof, noteBytes, note, checkpoint);
  }

  /** The first "\n\n": the end of the header's last line, then the blank line. */
  private static int indexOfBlankLine(byte[] body) {
    for (int i = 0; i + 1 < body.length; i++) {
      if (body[i] == '\n' && body[i + 1] == '\n') {
        return i;
      }
    }
    return -1;
  }

  /** The header's lines, each without its newline; only printable ASCII is allowed. */
  private static String[] headerLines(byte[] body, int end) {
    int line = 1;
    for (int i = 0; i < end; i++) {
      int b = body[i] & 0xff;
      if (b == '\n') {
        line++;
      } else if (b < 0x20 || b > 0x7e) {
        throw new FormatException(
            "add-checkpoint: line " + line + ": unexpected byte 0x" + Integer.toHexString(b));
      }
    }
    return new String(body, 0, end - 1, StandardCharsets.US_ASCII).split("\n", -1);
  }

  public long oldSize() {
    return oldSize;
  }

  /** The consistency proof hashes; callers must not change the arrays. */
  public List<byte[]> proof() {
    return proof;
  }

  /** The signed checkpoint note as it was sent. */
  public byte[] noteBytes() {
    return noteBytes.clone();
  }

  public Note note() {
    return note;
  }

  public Checkpoint checkpoint() {
    return checkpoint;
  }

  public String origin() {
    return checkpoint.origin();
  }

  /** The request body; byte for byte what {@link #parse} read. */
  public byte[] format() {
    return encode(oldSize, proof, noteBytes);
  }

  private static byte[] encode(long oldSize, List<byte[]> proof, byte[] note) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(note.length + 45 * proof.size() + 30);
    out.writeBytes(("old " + oldSize + "\n").getBytes(StandardCharsets.US_ASCII));
    for (byte[] h : proof) {
      out.writeBytes((Hash.toBase64(h) + "\n").getBytes(StandardCharsets.US_ASCII));
    }
    out.write('\n');
    out.writeBytes(note);
    return out.toByteArray();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AddCheckpointRequest r && Arrays.equals(r.format(), format());
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(format());
  }

  @Override
  public String toString() {
    return "AddCheckpointRequest[old " + oldSize + ", " + proof.size() + " proof hashes, "
        + checkpoint.origin() + " size " + checkpoint.size() + "]";
  }
}
