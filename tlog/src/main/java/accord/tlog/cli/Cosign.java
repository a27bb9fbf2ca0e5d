package accord.tlog.cli;

import accord.tlog.Checkpoint;
import accord.tlog.Cosignature;
import accord.tlog.Note;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * {@code cosign --skey FILE [--time UNIX]}: the tlog-cosignature/v1 line for the checkpoint on
 * stdin, given as a signed note or as the bare checkpoint text. The log's signature is not checked
 * here: the tool signs what it is given, as a witness's signing step.
 */
final class Cosign {
  private Cosign() {}

  static int run(List<String> raw, InputStream in, PrintStream out, LongSupplier now) {
    Args args = Args.parse("cosign", raw, Set.of("--skey", "--time"), Set.of());
    args.operands();
    long time = args.has("--time") ? args.number("--time") : now.getAsLong();
    Cosignature.Signer signer = Cosignature.Signer.fromSkey(Io.skey(args.required("--skey")));
    byte[] input = Io.readStdin(in);
    String text = Io.utf8(input, "stdin");
    if (text.isEmpty()) {
      throw CliException.usage("no checkpoint on stdin");
    }
    // A checkpoint body has no blank line, so one marks a signed note.
    String body = text.contains("\n\n") ? Note.parse(input).text() : text;
    Checkpoint checkpoint = Checkpoint.parse(body);
    Io.print(out, signer.cosign(checkpoint, time).line() + "\n");
    return 0;
  }
}
