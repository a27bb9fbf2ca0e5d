package accord.tlog.cli;

import accord.tlog.Checkpoint;
import accord.tlog.CompactRange;
import accord.tlog.HashSink;
import accord.tlog.Note;
import accord.tlog.NoteKeys;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;

/**
 * {@code checkpoint --origin ORIGIN --skey FILE ENTRIES}: the signed checkpoint of the log whose
 * entries are the lines of ENTRIES. Only the tree's right edge is kept, so memory is O(log n).
 */
final class MakeCheckpoint {
  private static final HashSink DISCARD = (level, index, hash) -> {};

  private MakeCheckpoint() {}

  static int run(List<String> raw, PrintStream out) {
    Args args = Args.parse("checkpoint", raw, Set.of("--origin", "--skey"), Set.of());
    String entries = args.operands("ENTRIES").get(0);
    String origin = args.required("--origin");
    NoteKeys.Ed25519Signer signer = NoteKeys.signer(Io.skey(args.required("--skey")));
    CompactRange range = new CompactRange();
    Entries.leafHashes(entries, Long.MAX_VALUE, leaf -> range.append(leaf, DISCARD));
    Checkpoint c = new Checkpoint(origin, range.size(), range.root());
    Io.print(out, Note.of(c.text()).sign(signer).format());
    return 0;
  }
}
