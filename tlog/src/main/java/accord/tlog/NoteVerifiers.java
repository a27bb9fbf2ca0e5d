package accord.tlog;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The set of keys a reader trusts, looked up by (name, key ID). */
public final class NoteVerifiers {
  private final Map<String, NoteVerifier> byNameAndId = new HashMap<>();

  public NoteVerifiers(List<? extends NoteVerifier> verifiers) {
    for (NoteVerifier v : verifiers) {
      byNameAndId.put(key(v.name(), v.keyId()), v);
    }
  }

  public static NoteVerifiers of(NoteVerifier... verifiers) {
    return new NoteVerifiers(List.of(verifiers));
  }

  public NoteVerifier find(String name, int keyId) {
    return byNameAndId.get(key(name, keyId));
  }

  private static String key(String name, int keyId) {
    return name + "+" + Integer.toHexString(keyId);
  }
}
