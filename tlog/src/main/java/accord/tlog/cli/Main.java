package accord.tlog.cli;

import accord.tlog.VerificationException;
import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code tlog} command-line tool: keys, signed notes, checkpoints, proofs and cosignatures.
 * Every failure is one line on stderr starting with {@code tlog: }, never a stack trace.
 */
public final class Main {
  static final String USAGE =
      """
      usage: tlog <command> [options]

        keygen NAME
            print a new Ed25519 key: the skey line, then the vkey line
        sign --skey FILE
            sign the note on stdin: plain text (ending in a newline), or a signed
            note that gets one more signature
        verify --vkey VKEY [--vkey VKEY]...
            print the text of the signed note on stdin if it verifies
        checkpoint --origin ORIGIN --skey FILE ENTRIES
            print the signed checkpoint of the log whose entries are the lines of
            the file ENTRIES (each line's bytes, without the newline, is one entry)
        prove inclusion --index I [--size N] ENTRIES
        prove consistency --old M [--size N] ENTRIES
            print the proof in the tree of the first N entries (default: all),
            one base64 hash a line
        cosign --skey FILE [--time UNIX]
            print the tlog-cosignature/v1 line for the checkpoint on stdin (a signed
            note or bare checkpoint text); the time defaults to now
        help
            print this text

      FILE holds a PRIVATE+KEY line (the output of keygen will do). VKEY is a verifier
      key, or a file of them, one a line.
      Exit status: 0 done, 1 the note does not verify, 2 bad usage or input,
      3 internal error.
      """;

  static final int INTERNAL = 3;

  private Main() {}

  public static void main(String[] args) {
    // Buffered: proofs and notes are written in pieces, and System.out flushes too eagerly.
    PrintStream out =
        new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16));
    int code = run(args, System.in, out, System.err);
    out.flush();
    System.exit(code);
  }

  /** Runs one command; returns the exit status. */
  public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
    try {
      return dispatch(Arrays.asList(args), in, out);
    } catch (CliException e) {
      return fail(err, e.getMessage(), e.exitCode());
    } catch (VerificationException e) {
      return fail(err, e.getMessage(), CliException.FAILED);
    } catch (IllegalArgumentException e) { // FormatException too: bad keys, notes, checkpoints
      return fail(err, e.getMessage(), CliException.USAGE);
    } catch (OutOfMemoryError e) {
      return fail(err, "out of memory (raise -Xmx)", INTERNAL);
    } catch (RuntimeException e) {
      return fail(err, "internal error: " + e, INTERNAL);
    } finally {
      out.flush();
    }
  }

  private static int dispatch(List<String> args, InputStream in, PrintStream out) {
    if (args.isEmpty() || args.contains("-h") || args.contains("--help") || args.get(0).equals("help")) {
      Io.print(out, USAGE);
      return 0;
    }
    List<String> rest = args.subList(1, args.size());
    return switch (args.get(0)) {
      case "keygen" -> Keygen.run(rest, out);
      case "sign" -> Sign.run(rest, in, out);
      case "verify" -> Verify.run(rest, in, out);
      case "checkpoint" -> MakeCheckpoint.run(rest, out);
      case "prove" -> Prove.run(rest, out);
      case "cosign" -> Cosign.run(rest, in, out, () -> System.currentTimeMillis() / 1000);
      default -> throw CliException.usage("unknown command '" + args.get(0) + "' (see tlog help)");
    };
  }

  /** One line, whatever the message holds: input quoted in a message must not break it. */
  private static int fail(PrintStream err, String message, int code) {
    String m = message == null ? "failed" : message;
    StringBuilder sb = new StringBuilder("tlog: ");
    m.codePoints().forEach(c -> {
      if (c < 0x20 || c == 0x7f) {
        sb.append(String.format("\\x%02x", c));
      } else {
        sb.appendCodePoint(c);
      }
    });
    Io.print(err, sb.append('\n').toString());
    err.flush();
    return code;
  }
}
