package accord.ledger;

import accord.tlog.NoteKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * The private keys this node holds, one file per key under {@code <data>/keys/}, readable by the
 * owner only. A key's file name is its note key name with '/' replaced by '_'. A single-node
 * deployment holds every party's, observer's, witness's and the log's keys; a party's own node
 * holds only its own.
 */
public final class Keyring {
  private final Path dir;
  /** Keys already read: a key file never changes once written. */
  private final java.util.concurrent.ConcurrentHashMap<String, NoteKeys.Ed25519Signer> signers =
      new java.util.concurrent.ConcurrentHashMap<>();

  public Keyring(Path dir) {
    this.dir = dir;
  }

  public Path dir() {
    return dir;
  }

  /** The signer for {@code name}, creating and saving a new key the first time. */
  public NoteKeys.Ed25519Signer getOrCreate(String name) {
    return find(name).orElseGet(() -> create(name));
  }

  public Optional<NoteKeys.Ed25519Signer> find(String name) {
    NoteKeys.Ed25519Signer s = signers.get(name);
    if (s == null) {
      s = skey(name).map(NoteKeys::signer).orElse(null);
      if (s != null) {
        signers.put(name, s);
      }
    }
    return Optional.ofNullable(s);
  }

  /** The PRIVATE+KEY line of {@code name}, when this node holds it. */
  public Optional<String> skey(String name) {
    Path f = file(name);
    if (!Files.exists(f)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Files.readString(f, StandardCharsets.UTF_8).trim());
    } catch (IOException e) {
      throw new IllegalStateException("cannot read key file " + f + ": " + e.getMessage());
    }
  }

  private NoteKeys.Ed25519Signer create(String name) {
    String[] kv = NoteKeys.generate(name);
    try {
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, ".key", ".tmp");
      try {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException ignored) {
        // not a POSIX file system: rely on the folder's own permissions
      }
      Files.writeString(tmp, kv[0] + "\n", StandardCharsets.UTF_8);
      Files.move(tmp, file(name), StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write key for " + name + ": " + e.getMessage());
    }
    return NoteKeys.signer(kv[0]);
  }

  private Path file(String name) {
    return dir.resolve(name.replace('/', '_') + ".skey");
  }
}
