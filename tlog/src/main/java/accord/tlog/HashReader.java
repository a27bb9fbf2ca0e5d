package accord.tlog;

import java.util.List;

/**
 * Reads stored hashes of complete subtrees. Proof generation asks for all the nodes it needs in
 * one call, so a SQL table or a tile server can answer with one query or a few fetches.
 */
@FunctionalInterface
public interface HashReader {
  /** The hashes of {@code nodes}, in the same order. A missing node is an error, not null. */
  List<byte[]> read(List<NodeId> nodes);
}
