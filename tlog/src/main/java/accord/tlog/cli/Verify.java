package accord.tlog.cli;

import accord.tlog.Cosignature;
import accord.tlog.FormatException;
import accord.tlog.Note;
import accord.tlog.NoteKeys;
import accord.tlog.NoteVerifier;
import accord.tlog.NoteVerifiers;
import accord.tlog.VerificationException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code verify --vkey VKEY...}: prints the text of the note on stdin when a given key signed it
 * and no given key's signature fails. Keys of type 0x04 check witness cosignatures.
 */
final class Verify {
  private Verify() {}

  static int run(List<String> raw, InputStream in, PrintStream out) {
    Args args = Args.parse("verify", raw, Set.of(), Set.of("--vkey"));
    args.operands();
    List<NoteVerifier> keys = new ArrayList<>();
    for (String arg : args.all("--vkey")) {
      for (String vkey : Io.vkeys(arg)) {
        keys.add(verifier(vkey));
      }
    }
    byte[] input = Io.readStdin(in);
    Note.Verified v;
    try {
      v = Note.open(input, new NoteVerifiers(keys));
    } catch (FormatException | VerificationException e) {
      // Whatever is wrong with the note, the answer to "does it verify?" is no: exit 1.
      throw CliException.failed("note does not verify: " + e.getMessage());
    }
    Io.print(out, v.note().text());
    return 0;
  }

  private static NoteVerifier verifier(String vkey) {
    NoteKeys.PublicKey k = NoteKeys.parseVkey(vkey);
    if (k.alg() == NoteKeys.ALG_COSIGNATURE_V1) {
      return Cosignature.Verifier.of(vkey);
    }
    return NoteKeys.verifier(vkey);
  }
}
