package accord.tlog.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import accord.tlog.Checkpoint;
import accord.tlog.Hash;
import accord.tlog.NoteKeys;
import accord.tlog.ProofVerifier;
import accord.tlog.VerificationException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointProveTest {
  static final String ORIGIN = "accord.example/log";

  @TempDir Path dir;
  String skeyFile;
  String vkey;

  @BeforeEach
  void key() throws IOException {
    String[] k = NoteKeys.generate(ORIGIN);
    skeyFile = dir.resolve("log.key").toString();
    Files.writeString(Path.of(skeyFile), k[0] + "\n");
    vkey = k[1];
  }

  /** Writes entries one a line; returns the file. */
  private String entriesFile(String name, List<byte[]> entries) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (byte[] e : entries) {
      b.writeBytes(e);
      b.write('\n');
    }
    Path p = dir.resolve(name);
    Files.write(p, b.toByteArray());
    return p.toString();
  }

  /** Runs checkpoint and opens the result with the log's key. */
  private Checkpoint checkpoint(String file) {
    Cli.Result r = Cli.run("checkpoint", "--origin", ORIGIN, "--skey", skeyFile, file);
    assertThat(r.stderr()).isEmpty();
    assertThat(r.code()).isZero();
    Checkpoint c = Checkpoint.open(r.stdout(), NoteKeys.verifier(vkey)).checkpoint();
    assertThat(c.origin()).isEqualTo(ORIGIN);
    return c;
  }

  private static List<byte[]> proof(Cli.Result r) {
    assertThat(r.stderr()).isEmpty();
    assertThat(r.code()).isZero();
    List<byte[]> out = new ArrayList<>();
    for (String line : r.out().split("\n")) {
      if (!line.isEmpty()) {
        out.add(Base64.getDecoder().decode(line));
      }
    }
    return out;
  }

  /** Entries with awkward bytes: empty lines, CR, NUL, bytes that are not UTF-8. */
  private static List<byte[]> entries(int n, long seed) {
    Random rnd = new Random(seed);
    List<byte[]> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      byte[] e = new byte[rnd.nextInt(40)];
      rnd.nextBytes(e);
      for (int j = 0; j < e.length; j++) {
        if (e[j] == '\n') {
          e[j] = '\r';
        }
      }
      out.add(e);
    }
    return out;
  }

  @Test
  void checkpointOfTheRfc6962ReferenceTree() throws IOException {
    JsonNode ref = Vectors.json("transparency-dev-merkle/reference-tree-8-leaves.json");
    List<byte[]> leaves = new ArrayList<>();
    for (JsonNode h : ref.get("leafInputsHex")) {
      leaves.add(HexFormat.of().parseHex(h.asText()));
    }
    for (int size = 0; size <= 8; size++) {
      Checkpoint c = checkpoint(entriesFile("ref" + size, leaves.subList(0, size)));
      assertThat(c.size()).isEqualTo(size);
      assertThat(HexFormat.of().formatHex(c.root()))
          .as("root of size %d", size)
          .isEqualTo(ref.get("rootHashesHexBySize0to8").get(size).asText());
    }
  }

  @Test
  void emptyFileIsTheEmptyTree() throws IOException {
    Checkpoint c = checkpoint(entriesFile("empty", List.of()));
    assertThat(c.size()).isZero();
    assertThat(Hash.toBase64(c.root())).isEqualTo("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
  }

  @Test
  void aLastLineWithoutNewlineIsAnEntry() throws IOException {
    Path p = dir.resolve("noeol");
    Files.writeString(p, "a\nb");
    Checkpoint withoutEol = checkpoint(p.toString());
    Checkpoint withEol = checkpoint(entriesFile("eol", List.of("a".getBytes(), "b".getBytes())));
    assertThat(withoutEol.size()).isEqualTo(2);
    assertThat(withoutEol.root()).isEqualTo(withEol.root());
  }

  @Test
  void linesLongerThanTheReadBufferHashWhole() throws IOException {
    byte[] big = new byte[200_000];
    new Random(7).nextBytes(big);
    for (int i = 0; i < big.length; i++) {
      big[i] = big[i] == '\n' ? 0 : big[i];
    }
    List<byte[]> entries = List.of("x".getBytes(), big, new byte[0], big);
    Checkpoint c = checkpoint(entriesFile("big", entries));
    assertThat(c.size()).isEqualTo(4);
    byte[] root =
        Hash.node(
            Hash.node(Hash.leaf(entries.get(0)), Hash.leaf(big)),
            Hash.node(Hash.leaf(new byte[0]), Hash.leaf(big)));
    assertThat(c.root()).isEqualTo(root);
  }

  @Test
  void inclusionProofsVerifyAgainstTheCheckpoint() throws IOException {
    List<byte[]> entries = entries(37, 1);
    String file = entriesFile("log", entries);
    Checkpoint c = checkpoint(file);
    for (int i = 0; i < entries.size(); i++) {
      List<byte[]> proof = proof(Cli.run("prove", "inclusion", "--index", "" + i, file));
      ProofVerifier.verifyInclusion(Hash.leaf(entries.get(i)), i, c.size(), proof, c.root());
    }
    // The proof for one leaf does not prove another.
    List<byte[]> p3 = proof(Cli.run("prove", "inclusion", "--index", "3", file));
    assertThatThrownBy(
            () -> ProofVerifier.verifyInclusion(Hash.leaf(entries.get(4)), 3, c.size(), p3, c.root()))
        .isInstanceOf(VerificationException.class);
  }

  @Test
  void inclusionInAnEarlierTreeWithSize() throws IOException {
    List<byte[]> entries = entries(50, 2);
    String all = entriesFile("log", entries);
    Checkpoint c21 = checkpoint(entriesFile("log21", entries.subList(0, 21)));
    List<byte[]> proof = proof(Cli.run("prove", "inclusion", "--index=20", "--size=21", all));
    ProofVerifier.verifyInclusion(Hash.leaf(entries.get(20)), 20, 21, proof, c21.root());
  }

  @Test
  void consistencyProofsVerifyBetweenCheckpoints() throws IOException {
    List<byte[]> entries = entries(40, 3);
    String all = entriesFile("log", entries);
    Checkpoint[] cps = new Checkpoint[entries.size() + 1];
    for (int m = 1; m <= entries.size(); m++) {
      cps[m] = checkpoint(entriesFile("log" + m, entries.subList(0, m)));
    }
    for (int m = 1; m <= entries.size(); m++) {
      List<byte[]> proof = proof(Cli.run("prove", "consistency", "--old", "" + m, all));
      ProofVerifier.verifyConsistency(m, 40, proof, cps[m].root(), cps[40].root());
    }
    List<byte[]> proof = proof(Cli.run("prove", "consistency", "--old", "5", "--size", "13", all));
    ProofVerifier.verifyConsistency(5, 13, proof, cps[5].root(), cps[13].root());
  }

  @Test
  void consistencyFromTheEmptyTreeOrToItselfIsEmpty() throws IOException {
    String file = entriesFile("log", entries(9, 4));
    assertThat(proof(Cli.run("prove", "consistency", "--old", "0", file))).isEmpty();
    assertThat(proof(Cli.run("prove", "consistency", "--old", "9", file))).isEmpty();
  }
}
