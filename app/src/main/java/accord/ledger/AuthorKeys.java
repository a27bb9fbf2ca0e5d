package accord.ledger;

import accord.tlog.Note;
import accord.tlog.NoteKeys;
import accord.tlog.NoteSignature;
import accord.tlog.NoteVerifier;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Who may sign for whom: the key registered for an entry's author party in its accord. */
@FunctionalInterface
public interface AuthorKeys {
  /** The vkey registered for the entry's party, if any. */
  Optional<String> vkeyFor(Handle h, Entry entry);

  default Optional<NoteVerifier> keyFor(Handle h, Entry entry) {
    return vkeyFor(h, entry).map(NoteKeys::verifier);
  }

  /**
   * Throws unless {@code note} carries a valid signature by the key of the entry's party; returns
   * that key's vkey.
   */
  default String requireSigned(Handle h, Entry e, Note note) {
    String vkey =
        vkeyFor(h, e)
            .orElseThrow(
                () -> Rejection.forbidden(
                    "no key is registered for party " + e.party() + " in accord " + e.accord()));
    NoteVerifier key = NoteKeys.verifier(vkey);
    for (NoteSignature s : note.signatures()) {
      if (s.name().equals(key.name()) && s.keyId() == key.keyId()
          && key.verify(note.textBytes(), s.signature())) {
        return vkey;
      }
    }
    throw Rejection.forbidden(
        "entry is not signed by the key of party " + e.party() + " (" + key.name() + ")");
  }
}
