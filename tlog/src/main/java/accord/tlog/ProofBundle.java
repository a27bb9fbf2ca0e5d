package accord.tlog;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A tlog-proof v1: an offline proof that an entry is in a log, checkable with the log's key alone.
 *
 * <pre>
 *   c2sp.org/tlog-proof@v1
 *   [extra &lt;base64 of opaque data&gt;]
 *   index &lt;decimal&gt;
 *   &lt;base64 hash&gt;          zero or more: the RFC 6962 inclusion proof, leaf's sibling first
 *
 *   &lt;signed checkpoint note, verbatim, with any cosignatures&gt;
 * </pre>
 *
 * The extra data is not authenticated. Parsing is strict (canonical base64, no leading zeros, at
 * most 63 proof hashes), so a proof has one text; the checkpoint is kept byte for byte.
 */
public final class ProofBundle {
  public static final String HEADER = "c2sp.org/tlog-proof@v1";

  /** A tree of fewer than 2^63 leaves needs at most 63 hashes. */
  public static final int MAX_PROOF_HASHES = 63;

  private static final Pattern INDEX = Pattern.compile("0|[1-9][0-9]{0,18}");
  private static final Pattern BASE64 =
      Pattern.compile("(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?");

  private final byte[] extra;
  private final long index;
  private final List<byte[]> proof;
  private final String signedCheckpoint;
  private final Checkpoint checkpoint;

  /**
   * @param extra opaque data, or null for none
   * @param signedCheckpoint the checkpoint note as the log served it, with its signatures
   */
  public ProofBundle(byte[] extra, long index, List<byte[]> proof, String signedCheckpoint) {
    if (extra != null && extra.length == 0) {
      throw new FormatException("tlog-proof: extra data is empty (leave it out instead)");
    }
    if (index < 0) {
      throw new FormatException("tlog-proof: negative index " + index);
    }
    if (proof.size() > MAX_PROOF_HASHES) {
      throw new FormatException("tlog-proof: more than " + MAX_PROOF_HASHES + " proof hashes");
    }
    for (byte[] h : proof) {
      if (h.length != Hash.SIZE) {
        throw new FormatException("tlog-proof: a proof hash has " + h.length + " bytes");
      }
    }
    Note note = Note.parse(signedCheckpoint.getBytes(StandardCharsets.UTF_8));
    this.checkpoint = Checkpoint.parse(note.text());
    this.extra = extra == null ? null : extra.clone();
    this.index = index;
    this.proof = proof.stream().map(byte[]::clone).toList();
    this.signedCheckpoint = signedCheckpoint;
  }

  /** The extra data, or null. Not authenticated by anything. */
  public byte[] extra() {
    return extra == null ? null : extra.clone();
  }

  public long index() {
    return index;
  }

  public List<byte[]> proof() {
    return proof.stream().map(byte[]::clone).toList();
  }

  /** The checkpoint note, with signatures, exactly as carried. */
  public String signedCheckpoint() {
    return signedCheckpoint;
  }

  /** The checkpoint body, not yet verified. */
  public Checkpoint checkpoint() {
    return checkpoint;
  }

  public String format() {
    StringBuilder sb = new StringBuilder(HEADER).append('\n');
    if (extra != null) {
      sb.append("extra ").append(Base64.getEncoder().encodeToString(extra)).append('\n');
    }
    sb.append("index ").append(index).append('\n');
    for (byte[] h : proof) {
      sb.append(Hash.toBase64(h)).append('\n');
    }
    return sb.append('\n').append(signedCheckpoint).toString();
  }

  public byte[] bytes() {
    return format().getBytes(StandardCharsets.UTF_8);
  }

  public static ProofBundle parse(byte[] bytes) {
    String s;
    try {
      s = Note.decodeUtf8(bytes);
    } catch (FormatException e) {
      throw new FormatException("tlog-proof: not valid UTF-8");
    }
    int pos = 0;
    int lineNo = 0;
    List<String> head = new ArrayList<>();
    while (true) {
      int nl = s.indexOf('\n', pos);
      lineNo++;
      if (nl < 0) {
        throw new FormatException("tlog-proof: line " + lineNo + ": no blank line before the checkpoint");
      }
      String line = s.substring(pos, nl);
      pos = nl + 1;
      if (line.isEmpty()) {
        break;
      }
      head.add(line);
    }
    if (head.isEmpty() || !head.get(0).equals(HEADER)) {
      throw new FormatException("tlog-proof: line 1 must be " + HEADER);
    }
    int i = 1;
    byte[] extra = null;
    if (i < head.size() && head.get(i).startsWith("extra ")) {
      String b64 = head.get(i).substring("extra ".length());
      if (b64.isEmpty() || !BASE64.matcher(b64).matches()) {
        throw new FormatException("tlog-proof: line " + (i + 1) + ": extra data is not base64");
      }
      extra = Base64.getDecoder().decode(b64);
      if (!Base64.getEncoder().encodeToString(extra).equals(b64)) {
        throw new FormatException("tlog-proof: line " + (i + 1) + ": extra data is not canonical base64");
      }
      i++;
    }
    if (i >= head.size() || !head.get(i).startsWith("index ")) {
      throw new FormatException("tlog-proof: line " + (i + 1) + " must be \"index <N>\"");
    }
    long index = parseIndex(head.get(i).substring("index ".length()), i + 1);
    i++;
    List<byte[]> proof = new ArrayList<>();
    for (; i < head.size(); i++) {
      if (proof.size() == MAX_PROOF_HASHES) {
        throw new FormatException("tlog-proof: more than " + MAX_PROOF_HASHES + " proof hashes");
      }
      try {
        proof.add(Hash.fromBase64(head.get(i)));
      } catch (IllegalArgumentException e) {
        throw new FormatException("tlog-proof: line " + (i + 1) + ": proof " + e.getMessage());
      }
    }
    try {
      return new ProofBundle(extra, index, proof, s.substring(pos));
    } catch (FormatException e) {
      throw new FormatException("tlog-proof: checkpoint from line " + (head.size() + 2) + ": " + e.getMessage());
    }
  }

  public static ProofBundle parse(String text) {
    return parse(text.getBytes(StandardCharsets.UTF_8));
  }

  private static long parseIndex(String s, int lineNo) {
    if (!INDEX.matcher(s).matches()) {
      throw new FormatException(
          "tlog-proof: line " + lineNo + ": index must be a decimal without leading zeros");
    }
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw new FormatException("tlog-proof: line " + lineNo + ": index is too large");
    }
  }

  /**
   * Verifies the proof for {@code entry}: the checkpoint must be signed by {@code logKey} for
   * {@code origin}, and the inclusion proof must lead from the entry's leaf hash to its root.
   * Returns the verified checkpoint, whose note carries any cosignatures for a witness policy.
   */
  public Checkpoint.Signed verify(byte[] entry, String origin, NoteVerifier logKey) {
    return verifyLeafHash(Hash.leaf(entry), origin, logKey);
  }

  /** As {@link #verify}, given the RFC 6962 leaf hash instead of the entry. */
  public Checkpoint.Signed verifyLeafHash(byte[] leafHash, String origin, NoteVerifier logKey) {
    Checkpoint.Signed signed = Checkpoint.open(signedCheckpoint.getBytes(StandardCharsets.UTF_8), logKey);
    if (!signed.checkpoint().origin().equals(origin)) {
      throw new VerificationException(
          "tlog-proof: checkpoint origin is " + signed.checkpoint().origin() + ", want " + origin);
    }
    ProofVerifier.verifyInclusion(leafHash, index, signed.checkpoint().size(), proof, signed.checkpoint().root());
    return signed;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ProofBundle p && p.format().equals(format());
  }

  @Override
  public int hashCode() {
    return format().hashCode();
  }

  @Override
  public String toString() {
    return format();
  }
}
