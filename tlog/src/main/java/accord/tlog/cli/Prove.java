package accord.tlog.cli;

import accord.tlog.CompactRange;
import accord.tlog.Hash;
import accord.tlog.MemoryHashStore;
import accord.tlog.Proofs;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;

/**
 * {@code prove inclusion --index I [--size N] ENTRIES} and {@code prove consistency --old M [--size
 * N] ENTRIES}: the RFC 9162 proof in a tree of the first N entries, one base64 hash a line.
 */
final class Prove {
  private Prove() {}

  static int run(List<String> raw, PrintStream out) {
    if (raw.isEmpty() || raw.get(0).startsWith("-")) {
      throw CliException.usage("prove needs 'inclusion' or 'consistency'");
    }
    String kind = raw.get(0);
    List<String> rest = raw.subList(1, raw.size());
    List<byte[]> proof;
    switch (kind) {
      case "inclusion" -> {
        Args args = Args.parse("prove inclusion", rest, Set.of("--index", "--size"), Set.of());
        String entries = args.operands("ENTRIES").get(0);
        long index = args.number("--index");
        MemoryHashStore store = new MemoryHashStore();
        long size = build(entries, args, store);
        if (index >= size) {
          throw CliException.usage("--index " + index + " is outside a tree of size " + size);
        }
        proof = Proofs.inclusion(index, size, store);
      }
      case "consistency" -> {
        Args args = Args.parse("prove consistency", rest, Set.of("--old", "--size"), Set.of());
        String entries = args.operands("ENTRIES").get(0);
        long old = args.number("--old");
        MemoryHashStore store = new MemoryHashStore();
        long size = build(entries, args, store);
        if (old > size) {
          throw CliException.usage("--old " + old + " is larger than the tree size " + size);
        }
        proof = Proofs.consistency(old, size, store);
      }
      default -> throw CliException.usage(
          "unknown proof '" + kind + "': want 'inclusion' or 'consistency'");
    }
    StringBuilder sb = new StringBuilder();
    for (byte[] h : proof) {
      sb.append(Hash.toBase64(h)).append('\n');
    }
    Io.print(out, sb.toString());
    return 0;
  }

  /** Stores the hashes of the first --size entries (all of them by default); returns the size. */
  private static long build(String entries, Args args, MemoryHashStore store) {
    long want = args.has("--size") ? args.number("--size") : Long.MAX_VALUE;
    CompactRange range = new CompactRange();
    long got = Entries.leafHashes(entries, want, leaf -> range.append(leaf, store));
    if (args.has("--size") && got < want) {
      throw CliException.usage(
          "--size " + want + " is larger than the " + got + " entries in " + entries);
    }
    return got;
  }
}
