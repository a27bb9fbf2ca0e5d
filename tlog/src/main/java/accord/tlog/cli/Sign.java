package accord.tlog.cli;

import accord.tlog.Note;
import accord.tlog.NoteKeys;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;

/**
 * {@code sign --skey FILE}: signs the note on stdin. Plain text is signed as it is; a signed note
 * keeps its signatures and gets one more (replacing an earlier one by the same key).
 */
final class Sign {
  private Sign() {}

  static int run(List<String> raw, InputStream in, PrintStream out) {
    Args args = Args.parse("sign", raw, Set.of("--skey"), Set.of());
    args.operands();
    NoteKeys.Ed25519Signer signer = NoteKeys.signer(Io.skey(args.required("--skey")));
    byte[] input = Io.readStdin(in);
    String text = Io.utf8(input, "stdin");
    Note note = isSigned(text) ? Note.parse(input) : Note.of(plainText(text));
    Io.print(out, note.sign(signer).format());
    return 0;
  }

  /** A signed note has a blank line followed by a signature line ("— name base64"). */
  static boolean isSigned(String s) {
    int split = s.lastIndexOf("\n\n");
    return split >= 0 && s.startsWith("\u2014 ", split + 2);
  }

  private static String plainText(String s) {
    if (s.isEmpty()) {
      throw CliException.usage("no note text on stdin");
    }
    if (!s.endsWith("\n")) {
      throw CliException.usage("the note text on stdin must end in a newline");
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 && c != '\n') {
        throw CliException.usage(
            "the note text on stdin has control character 0x" + Integer.toHexString(c) + " at offset " + i);
      }
    }
    return s;
  }
}
