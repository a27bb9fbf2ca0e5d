package accord.tlog.witness;

import accord.tlog.Checkpoint;
import accord.tlog.Cosignature;
import accord.tlog.FormatException;
import accord.tlog.Note;
import accord.tlog.NoteVerifier;
import accord.tlog.NoteVerifiers;
import accord.tlog.VerificationException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tlog-policy: the logs whose checkpoints a reader accepts and the witness cosignatures it
 * requires. The text has one item per line, separated by spaces or tabs:
 *
 * <pre>
 *   log &lt;vkey&gt; [&lt;url&gt;]
 *   witness &lt;name&gt; &lt;vkey&gt; [&lt;url&gt;]
 *   group &lt;name&gt; &lt;k|all|any&gt; &lt;name&gt;...
 *   quorum &lt;name|none&gt;
 * </pre>
 *
 * Blank lines and lines starting with {@code #} are ignored. A checkpoint is valid when one of the
 * logs signed it (the log key's name is its origin) and the quorum is satisfied: a witness is
 * satisfied when it cosigned, a group when at least k of its members are ({@code any} is k = 1,
 * {@code all} is k = n), and {@code none} always is.
 *
 * <p>Groups and the quorum may only name witnesses and groups from earlier lines, so there are no
 * cycles and one pass in file order evaluates everything. Each name may be a member of one group
 * only, so no witness counts twice toward the quorum. Two logs, or two witnesses, may not share a
 * public key. The spec treats non-ASCII bytes as opaque; Accord requires the file to be UTF-8,
 * under which names compare byte for byte just the same.
 */
public final class Policy {
  public static final int MAX_SIZE = 1 << 20;
  public static final String NONE = "none";

  /** A log; {@code url} is null when absent. */
  public record Log(NoteVerifier key, String vkey, String url) {}

  /** A witness under its policy name; {@code url} is null when absent. */
  public record Cosigner(String name, Cosignature.Verifier key, String vkey, String url) {}

  /** Satisfied when at least {@code threshold} of {@code members} are. */
  public record Group(String name, int threshold, List<String> members) {
    public Group {
      members = List.copyOf(members);
    }
  }

  private final List<Log> logs;
  private final List<Cosigner> witnesses;
  private final List<Group> groups;
  private final String quorum;

  Policy(List<Log> logs, List<Cosigner> witnesses, List<Group> groups, String quorum) {
    this.logs = List.copyOf(logs);
    this.witnesses = List.copyOf(witnesses);
    this.groups = List.copyOf(groups);
    this.quorum = quorum;
  }

  public List<Log> logs() {
    return logs;
  }

  public List<Cosigner> witnesses() {
    return witnesses;
  }

  public List<Group> groups() {
    return groups;
  }

  /** The name of the witness or group that must be satisfied, or {@link #NONE}. */
  public String quorum() {
    return quorum;
  }

  public static Policy parse(byte[] text) {
    if (text.length > MAX_SIZE) {
      throw new FormatException("policy: larger than " + MAX_SIZE + " bytes");
    }
    try {
      return parse(StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(text))
          .toString());
    } catch (CharacterCodingException e) {
      throw new FormatException("policy: not valid UTF-8");
    }
  }

  public static Policy parse(String text) {
    if (text.length() > MAX_SIZE) {
      throw new FormatException("policy: larger than " + MAX_SIZE + " characters");
    }
    PolicyParser p = new PolicyParser();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      p.line(i + 1, lines[i]);
    }
    return p.finish();
  }

  /** The canonical text: logs, witnesses, groups in their order, then the quorum. */
  public String format() {
    StringBuilder sb = new StringBuilder();
    for (Log l : logs) {
      sb.append("log ").append(l.vkey()).append(l.url() == null ? "" : " " + l.url()).append('\n');
    }
    for (Cosigner w : witnesses) {
      sb.append("witness ").append(w.name()).append(' ').append(w.vkey())
          .append(w.url() == null ? "" : " " + w.url()).append('\n');
    }
    for (Group g : groups) {
      sb.append("group ").append(g.name()).append(' ').append(g.threshold());
      for (String m : g.members()) {
        sb.append(' ').append(m);
      }
      sb.append('\n');
    }
    return sb.append("quorum ").append(quorum).append('\n').toString();
  }

  /** Whether the quorum holds when exactly the witnesses named in {@code cosigners} cosigned. */
  public boolean satisfiedBy(Collection<String> cosigners) {
    if (quorum.equals(NONE)) {
      return true;
    }
    Map<String, Boolean> ok = new HashMap<>();
    for (Cosigner w : witnesses) {
      ok.put(w.name(), cosigners.contains(w.name()));
    }
    for (Group g : groups) {
      int n = 0;
      for (String m : g.members()) {
        n += ok.get(m) ? 1 : 0;
      }
      ok.put(g.name(), n >= g.threshold());
    }
    return ok.get(quorum);
  }

  /**
   * What the policy makes of a signed checkpoint. {@code cosigned} maps the policy name of each
   * witness that cosigned to its cosignature's time (seconds since the epoch).
   */
  public record Result(
      Checkpoint checkpoint, String log, Map<String, Long> cosigned, boolean satisfied) {}

  /**
   * Verifies the log's signature and every listed witness's cosignature on {@code signedNote}, and
   * reports whether the quorum is satisfied. A note no listed log signed, or with an invalid
   * signature or cosignature by a listed key, throws {@link VerificationException}; signatures by
   * unknown keys are ignored.
   */
  public Result evaluate(byte[] signedNote) {
    Note note = Note.parse(signedNote);
    Checkpoint cp = Checkpoint.parse(note.text());
    List<NoteVerifier> keys = new ArrayList<>();
    for (Log l : logs) {
      if (l.key().name().equals(cp.origin())) {
        keys.add(l.key());
      }
    }
    if (keys.isEmpty()) {
      throw new VerificationException("policy lists no log for origin " + cp.origin());
    }
    Note.Verified verified = Note.open(signedNote, new NoteVerifiers(keys));
    Map<String, Long> cosigned = new LinkedHashMap<>();
    for (Cosigner w : witnesses) {
      long time = w.key().timestamp(note);
      if (time != -1) {
        cosigned.put(w.name(), time);
      }
    }
    return new Result(cp, verified.verified().get(0).name(), Collections.unmodifiableMap(cosigned),
        satisfiedBy(cosigned.keySet()));
  }

  /** {@link #evaluate}, throwing {@link VerificationException} unless the quorum is satisfied. */
  public Result check(byte[] signedNote) {
    Result r = evaluate(signedNote);
    if (!r.satisfied()) {
      Object who = r.cosigned().isEmpty() ? "no listed witness" : r.cosigned().keySet();
      throw new VerificationException(
          "checkpoint does not satisfy quorum " + quorum + "; cosigned by " + who);
    }
    return r;
  }
}
