package accord.tlog.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reading keys, files and stdin, with failures turned into one-line messages. */
final class Io {
  private static final String SKEY_PREFIX = "PRIVATE+KEY+";

  private Io() {}

  static InputStream open(String path, String what) {
    try {
      Path p = Path.of(path);
      if (Files.isDirectory(p)) {
        throw CliException.usage("cannot read " + what + " " + path + ": it is a directory");
      }
      return Files.newInputStream(p);
    } catch (IOException | InvalidPathException e) {
      throw cannotRead(what, path, e);
    }
  }

  static byte[] readFile(String path, String what) {
    try (InputStream in = open(path, what)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw cannotRead(what, path, e);
    }
  }

  static byte[] readStdin(InputStream in) {
    try {
      return in.readAllBytes();
    } catch (IOException e) {
      throw CliException.usage("cannot read stdin: " + e.getMessage());
    }
  }

  static CliException cannotRead(String what, String path, Exception e) {
    String why;
    if (e instanceof NoSuchFileException) {
      why = "no such file";
    } else if (e instanceof AccessDeniedException) {
      why = "permission denied";
    } else {
      why = e.getMessage();
    }
    return CliException.usage("cannot read " + what + " " + path + ": " + why);
  }

  /** Strict UTF-8: notes are UTF-8, and a lenient decoder would sign text the user never wrote. */
  static String utf8(byte[] b, String what) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(b))
          .toString();
    } catch (CharacterCodingException e) {
      throw CliException.usage(what + " is not valid UTF-8");
    }
  }

  /**
   * The PRIVATE+KEY line of a key file. Other lines are skipped, so the output of {@code keygen}
   * (skey, then vkey) works as a key file as it is.
   */
  static String skey(String path) {
    for (String line : utf8(readFile(path, "key file"), "key file " + path).split("\n")) {
      if (line.strip().startsWith(SKEY_PREFIX)) {
        return line.strip();
      }
    }
    throw CliException.usage("key file " + path + " holds no PRIVATE+KEY line");
  }

  /** A verifier key given on the command line, or every verifier key in the file it names. */
  static List<String> vkeys(String arg) {
    Path p;
    try {
      p = Path.of(arg);
    } catch (InvalidPathException e) {
      return List.of(arg);
    }
    if (!Files.isRegularFile(p)) {
      return List.of(arg);
    }
    List<String> out = new ArrayList<>();
    for (String line : utf8(readFile(arg, "key file"), "key file " + arg).split("\n")) {
      String k = line.strip();
      if (!k.isEmpty() && !k.startsWith(SKEY_PREFIX)) {
        out.add(k);
      }
    }
    if (out.isEmpty()) {
      throw CliException.usage("key file " + arg + " holds no verifier key");
    }
    return out;
  }

  /** Writes text as UTF-8 bytes, with no platform line separators. */
  static void print(PrintStream out, String s) {
    out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
  }
}
