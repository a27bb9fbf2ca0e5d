package accord.tlog.cli;

import accord.tlog.Note;
import accord.tlog.NoteKeys;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;

/** {@code keygen NAME}: a fresh Ed25519 key, the skey line first, then the vkey line. */
final class Keygen {
  private Keygen() {}

  static int run(List<String> raw, PrintStream out) {
    String name = Args.parse("keygen", raw, Set.of(), Set.of()).operands("NAME").get(0);
    if (!Note.validKeyName(name)) {
      throw CliException.usage("invalid key name '" + name + "': it must be non-empty, with no spaces and no '+'");
    }
    String[] keys = NoteKeys.generate(name);
    Io.print(out, keys[0] + "\n" + keys[1] + "\n");
    return 0;
  }
}
