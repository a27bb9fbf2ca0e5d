package accord.ledger;

import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * A feature's part in the write path and in rebuilds. The feature keeps its rules in pure
 * {@code decide} and {@code evolve} functions; this is the shell around them, which loads the
 * state an entry touches from the read model, asks {@code decide}, and stores what {@code evolve}
 * returns — inside the batch's transaction, so the entry and its effects commit together.
 */
public interface Projection {
  /** Whether this feature owns entries of this type. */
  boolean handles(String type);

  /** Throws {@link Rejection} when the entry may not be appended to the record as it stands. */
  void decide(Handle h, Entry entry);

  /** Applies an appended entry (at {@code index} in its log) to the read model. */
  void evolve(Handle h, Entry entry, long index);

  /** The read-model tables, emptied by a rebuild and read, in this order, for the state digest. */
  List<String> tables();

  /** The features that own an entry type; refuses a type no feature owns. */
  static List<Projection> owners(List<Projection> all, String type) {
    List<Projection> owners = all.stream().filter(p -> p.handles(type)).toList();
    if (owners.isEmpty()) {
      throw Rejection.invalid("unknown entry type " + type);
    }
    return owners;
  }

  /** Decides and then applies an entry with every feature that owns its type. */
  static void apply(List<Projection> all, Handle h, Entry e, long index) {
    List<Projection> owners = owners(all, e.type());
    for (Projection p : owners) {
      p.decide(h, e);
    }
    for (Projection p : owners) {
      p.evolve(h, e, index);
    }
  }
}
