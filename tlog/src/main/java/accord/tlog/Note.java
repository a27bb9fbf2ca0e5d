package accord.tlog;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A C2SP signed note (signed-note v1.0.0): a text ending in a newline, a blank line, then one or
 * more signature lines {@code — <key name> <base64(keyID || signature)>}.
 *
 * <p>{@link #parse} checks the structure only; {@link #open} also verifies the signatures against
 * known keys. Parsing follows golang.org/x/mod/sumdb/note: valid UTF-8, no control characters
 * other than newline, text and signatures split at the last blank line, at most 100 signatures.
 */
public final class Note {
  /** Go's note.Open stops here; C2SP asks verifiers to accept at least 16. */
  public static final int MAX_SIGNATURES = 100;

  private static final String SIG_PREFIX = "\u2014 ";

  private final String text;
  private final List<NoteSignature> signatures;

  public Note(String text, List<NoteSignature> signatures) {
    checkText(text);
    for (NoteSignature s : signatures) {
      if (!validKeyName(s.name()) || s.signature().length == 0) {
        throw new FormatException("malformed note: invalid signature by key " + s.name());
      }
    }
    this.text = text;
    this.signatures = List.copyOf(signatures);
  }

  /** An unsigned note; sign it with {@link #sign}. */
  public static Note of(String text) {
    return new Note(text, List.of());
  }

  public String text() {
    return text;
  }

  public byte[] textBytes() {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  public List<NoteSignature> signatures() {
    return signatures;
  }

  /** The note as sent: text, blank line, signature lines. */
  public String format() {
    StringBuilder sb = new StringBuilder(text.length() + 100 * signatures.size());
    sb.append(text).append('\n');
    for (NoteSignature s : signatures) {
      sb.append(s.line()).append('\n');
    }
    return sb.toString();
  }

  public byte[] bytes() {
    return format().getBytes(StandardCharsets.UTF_8);
  }

  /** This note with a signature added by each signer; a signer's earlier signature is replaced. */
  public Note sign(NoteSigner... signers) {
    byte[] msg = textBytes();
    List<NoteSignature> out = new ArrayList<>();
    Set<String> added = new HashSet<>();
    List<NoteSignature> fresh = new ArrayList<>();
    for (NoteSigner s : signers) {
      if (!validKeyName(s.name())) {
        throw new IllegalArgumentException("invalid key name: " + s.name());
      }
      fresh.add(new NoteSignature(s.name(), s.keyId(), s.sign(msg)));
      added.add(s.name() + "+" + s.keyId());
    }
    for (NoteSignature old : signatures) {
      if (!added.contains(old.name() + "+" + old.keyId())) {
        out.add(old);
      }
    }
    out.addAll(fresh);
    return new Note(text, out);
  }

  /** Parses the structure of a note without checking any signature. */
  public static Note parse(byte[] msg) {
    String s = decodeUtf8(msg);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 && c != '\n') {
        throw new FormatException(
            "malformed note: control character 0x" + Integer.toHexString(c) + " at offset " + i);
      }
    }
    int split = s.lastIndexOf("\n\n");
    if (split < 0) {
      throw new FormatException("malformed note: no blank line before the signatures");
    }
    String text = s.substring(0, split + 1);
    String sigs = s.substring(split + 2);
    if (sigs.isEmpty() || sigs.charAt(sigs.length() - 1) != '\n') {
      throw new FormatException("malformed note: signature block does not end in a newline");
    }
    List<NoteSignature> out = new ArrayList<>();
    int lineNo = 0;
    for (String line : sigs.substring(0, sigs.length() - 1).split("\n", -1)) {
      lineNo++;
      if (out.size() == MAX_SIGNATURES) {
        throw new FormatException("malformed note: more than " + MAX_SIGNATURES + " signatures");
      }
      out.add(parseSignatureLine(line, lineNo));
    }
    return new Note(text, out);
  }

  public static Note parse(String msg) {
    return parse(msg.getBytes(StandardCharsets.UTF_8));
  }

  static NoteSignature parseSignatureLine(String line, int lineNo) {
    if (!line.startsWith(SIG_PREFIX)) {
      throw new FormatException("malformed note: signature line " + lineNo + " does not start with '— '");
    }
    String rest = line.substring(SIG_PREFIX.length());
    int sp = rest.indexOf(' ');
    String name = sp < 0 ? rest : rest.substring(0, sp);
    String b64 = sp < 0 ? "" : rest.substring(sp + 1);
    if (!validKeyName(name)) {
      throw new FormatException("malformed note: invalid key name on signature line " + lineNo);
    }
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode(b64);
    } catch (IllegalArgumentException e) {
      raw = null;
    }
    // Canonical, padded base64 only, so a signed note has exactly one byte form.
    if (b64.isEmpty() || raw == null || !Base64.getEncoder().encodeToString(raw).equals(b64)) {
      throw new FormatException("malformed note: signature line " + lineNo + " is not base64");
    }
    if (raw.length < 5) {
      throw new FormatException("malformed note: signature on line " + lineNo + " is too short");
    }
    int id = ByteBuffer.wrap(raw, 0, 4).getInt();
    byte[] sig = new byte[raw.length - 4];
    System.arraycopy(raw, 4, sig, 0, sig.length);
    return new NoteSignature(name, id, sig);
  }

  /**
   * Parses and verifies a note. Signatures by unknown keys are ignored; every signature by a known
   * key is checked, and one that fails rejects the whole note (signed-note: "verifiers MUST verify
   * the signature"; Go instead skips repeats by a key it already saw); at least one known key must
   * have signed. A key that signed more than once is listed once.
   */
  public static Verified open(byte[] msg, NoteVerifiers known) {
    Note n = parse(msg);
    byte[] text = n.textBytes();
    List<NoteSignature> verified = new ArrayList<>();
    List<NoteSignature> unverified = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (NoteSignature s : n.signatures) {
      NoteVerifier v = known.find(s.name(), s.keyId());
      if (v == null) {
        unverified.add(s);
        continue;
      }
      if (!v.verify(text, s.signature())) {
        throw new VerificationException("invalid signature by known key " + s.name());
      }
      if (seen.add(s.name() + "+" + s.keyId())) {
        verified.add(s);
      }
    }
    if (verified.isEmpty()) {
      throw new VerificationException("note has no signature by a known key");
    }
    return new Verified(n, verified, unverified);
  }

  /** A note whose {@code verified} signatures were checked against known keys. */
  public record Verified(Note note, List<NoteSignature> verified, List<NoteSignature> unverified) {
    public boolean signedBy(String name, int keyId) {
      for (NoteSignature s : verified) {
        if (s.name().equals(name) && s.keyId() == keyId) {
          return true;
        }
      }
      return false;
    }
  }

  /** signed-note key names: non-empty, no Unicode white space, no '+'. */
  public static boolean validKeyName(String name) {
    if (name == null || name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); ) {
      int cp = name.codePointAt(i);
      if (cp == '+' || isSpace(cp) || (cp >= 0xd800 && cp <= 0xdfff)) {
        return false;
      }
      i += Character.charCount(cp);
    }
    return true;
  }

  /** Unicode White_Space, as Go's unicode.IsSpace. */
  private static boolean isSpace(int cp) {
    return (cp >= 0x09 && cp <= 0x0d) || cp == 0x85 || Character.isSpaceChar(cp);
  }

  private static void checkText(String text) {
    if (text.isEmpty() || text.charAt(text.length() - 1) != '\n') {
      throw new FormatException("malformed note: text must end in a newline");
    }
    // What parse would refuse must not be signed: nobody could open the result.
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 && c != '\n') {
        throw new FormatException(
            "malformed note: control character 0x" + Integer.toHexString(c) + " at offset " + i);
      }
    }
  }

  static String decodeUtf8(byte[] msg) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(msg))
          .toString();
    } catch (CharacterCodingException e) {
      throw new FormatException("malformed note: not valid UTF-8");
    }
  }
}
