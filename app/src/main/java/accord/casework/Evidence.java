package accord.casework;

import accord.tlog.Hash;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The node's content-addressed folder of evidence files: a file is stored under its SHA-256
 * ({@code ab/abcdef…}), outside the log, which carries only the hash. A file is written to a
 * temporary name, synced and renamed into place, so a crash never leaves half a file under a hash.
 */
public final class Evidence {
  public static final long DEFAULT_MAX_BYTES = 50L * 1024 * 1024;
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  /** A stored file: its hash and size. */
  public record Stored(String sha256, long size) {}

  /** Refused: the file is larger than this node accepts. */
  public static final class TooLarge extends RuntimeException {
    public TooLarge(long max) {
      super("the file is larger than " + max + " bytes, the most this node accepts", null, false, false);
    }
  }

  private final Path dir;
  private final long maxBytes;

  public Evidence(Path dir, long maxBytes) {
    this.dir = dir;
    this.maxBytes = maxBytes;
  }

  /** The evidence folder beside a node's keys, with the limit from {@code ACCORD_EVIDENCE_MAX_BYTES} if set. */
  public static Evidence of(accord.node.Node node) {
    String env = System.getenv("ACCORD_EVIDENCE_MAX_BYTES");
    long max = Long.getLong("accord.evidence.maxBytes", env == null || env.isBlank() ? DEFAULT_MAX_BYTES : Long.parseLong(env.trim()));
    return new Evidence(node.keyring().dir().resolveSibling("evidence"), max);
  }

  public long maxBytes() {
    return maxBytes;
  }

  /** Reads {@code in} to its end and stores it; a file already held is kept as it is. */
  public Stored put(InputStream in) throws IOException {
    Path tmpDir = Files.createDirectories(dir.resolve("tmp"));
    Path tmp = Files.createTempFile(tmpDir, "upload", ".part");
    try {
      MessageDigest md = sha256();
      long size = 0;
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE);
          OutputStream out = new DigestOutputStream(java.nio.channels.Channels.newOutputStream(ch), md)) {
        byte[] buf = new byte[64 * 1024];
        int n;
        while ((n = in.read(buf)) > 0) {
          size += n;
          if (size > maxBytes) {
            throw new TooLarge(maxBytes);
          }
          out.write(buf, 0, n);
        }
        out.flush();
        ch.force(true);
      }
      String sha = Hash.toHex(md.digest());
      Path target = path(sha);
      if (!Files.exists(target)) {
        Files.createDirectories(target.getParent());
        try {
          Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException ex) {
          Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        syncDir(target.getParent());
      }
      return new Stored(sha, size);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** The stored file with this hash, if this node holds it. */
  public Optional<Path> find(String sha256) {
    if (!SHA256.matcher(sha256).matches()) {
      return Optional.empty();
    }
    Path p = path(sha256);
    return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
  }

  private Path path(String sha) {
    return dir.resolve(sha.substring(0, 2)).resolve(sha);
  }

  private static void syncDir(Path d) {
    try (FileChannel ch = FileChannel.open(d, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException ignored) {
      // some file systems cannot sync a folder; the file itself is synced
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
