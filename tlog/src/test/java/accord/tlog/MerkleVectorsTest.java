package accord.tlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The transparency-dev/merkle probes: five happy-path proofs over the RFC 6962 reference tree,
 * their mutations, and edge sizes. Each file says whether verification must fail.
 */
class MerkleVectorsTest {
  private static final String TESTDATA = "transparency-dev-merkle/testdata/";

  @TestFactory
  Stream<DynamicTest> inclusionProbes() {
    return probes("inclusion").map(f -> dynamicTest(name(f), () -> {
      JsonNode v = SharedVectors.readJson(f);
      Runnable verify = () -> ProofVerifier.verifyInclusion(
          SharedVectors.b64(v.get("leafHash")),
          v.get("leafIdx").bigIntegerValue().longValue(), // uint64 in Go; 2^64-1 reads as -1
          v.get("treeSize").bigIntegerValue().longValue(),
          proof(v),
          SharedVectors.b64(v.get("root")));
      expect(v, verify::run);
    }));
  }

  @TestFactory
  Stream<DynamicTest> consistencyProbes() {
    return probes("consistency").map(f -> dynamicTest(name(f), () -> {
      JsonNode v = SharedVectors.readJson(f);
      Runnable verify = () -> ProofVerifier.verifyConsistency(
          v.get("size1").bigIntegerValue().longValue(),
          v.get("size2").bigIntegerValue().longValue(),
          proof(v),
          SharedVectors.b64(v.get("root1")),
          SharedVectors.b64(v.get("root2")));
      expect(v, verify::run);
    }));
  }

  @Test
  void probeCountsMatchTheVectorReadme() {
    assertThat(probes("inclusion").count() + probes("consistency").count()).isEqualTo(196);
  }

  /** Roots of every prefix of the reference tree, by appending and from stored hashes. */
  @Test
  void referenceTreeRoots() {
    JsonNode ref = SharedVectors.json("transparency-dev-merkle/reference-tree-8-leaves.json");
    JsonNode roots = ref.get("rootHashesHexBySize0to8");
    MemoryHashStore store = new MemoryHashStore();
    CompactRange range = new CompactRange();
    assertThat(Hash.toHex(range.root())).isEqualTo(roots.get(0).asText());
    for (int i = 0; i < 8; i++) {
      range.append(Hash.leaf(SharedVectors.hex(ref.get("leafInputsHex").get(i).asText())), store);
      assertThat(Hash.toHex(range.root())).as("root of size %d", i + 1)
          .isEqualTo(roots.get(i + 1).asText());
    }
    for (int size = 0; size <= 8; size++) {
      assertThat(Hash.toHex(Proofs.treeHash(size, store))).as("treeHash(%d)", size)
          .isEqualTo(roots.get(size).asText());
    }
    JsonNode levels = ref.get("nodeHashesHexByLevel");
    for (int level = 0; level < levels.size(); level++) {
      for (int i = 0; i < levels.get(level).size(); i++) {
        assertThat(Hash.toHex(store.get(level, i))).as("node %d/%d", level, i)
            .isEqualTo(levels.get(level).get(i).asText());
      }
    }
  }

  /** The proofs our generator makes over the reference tree are the ones in the happy paths. */
  @TestFactory
  Stream<DynamicTest> generatedProofsEqualHappyPaths() {
    MemoryHashStore store = referenceStore();
    return Stream.concat(probes("inclusion"), probes("consistency"))
        .filter(f -> f.getFileName().toString().equals("happy-path.json"))
        .map(f -> dynamicTest(name(f), () -> {
          JsonNode v = SharedVectors.readJson(f);
          List<byte[]> got;
          if (v.has("leafIdx")) {
            long index = v.get("leafIdx").asLong();
            long size = v.get("treeSize").asLong();
            assertThat(store.get(0, index)).isEqualTo(SharedVectors.b64(v.get("leafHash")));
            assertThat(Proofs.treeHash(size, store)).isEqualTo(SharedVectors.b64(v.get("root")));
            got = Proofs.inclusion(index, size, store);
          } else {
            long size1 = v.get("size1").asLong();
            long size2 = v.get("size2").asLong();
            assertThat(Proofs.treeHash(size1, store)).isEqualTo(SharedVectors.b64(v.get("root1")));
            assertThat(Proofs.treeHash(size2, store)).isEqualTo(SharedVectors.b64(v.get("root2")));
            got = Proofs.consistency(size1, size2, store);
          }
          assertThat(got).containsExactlyElementsOf(proof(v));
        }));
  }

  @Test
  void happyPathsCoverEveryFolder() {
    long n = Stream.concat(probes("inclusion"), probes("consistency"))
        .filter(f -> f.getFileName().toString().equals("happy-path.json")).count();
    assertThat(n).isEqualTo(10);
  }

  private static MemoryHashStore referenceStore() {
    JsonNode ref = SharedVectors.json("transparency-dev-merkle/reference-tree-8-leaves.json");
    MemoryHashStore store = new MemoryHashStore();
    CompactRange range = new CompactRange();
    for (JsonNode leaf : ref.get("leafInputsHex")) {
      range.append(Hash.leaf(SharedVectors.hex(leaf.asText())), store);
    }
    return store;
  }

  private static void expect(JsonNode v, org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
    if (v.get("wantErr").asBoolean()) {
      assertThatThrownBy(call).as(v.get("desc").asText())
          .isInstanceOf(VerificationException.class);
    } else {
      assertThatCode(call).as(v.get("desc").asText()).doesNotThrowAnyException();
    }
  }

  /** {@code proof: null} is an empty proof. */
  private static List<byte[]> proof(JsonNode v) {
    List<byte[]> out = new ArrayList<>();
    JsonNode p = v.get("proof");
    if (p != null && !p.isNull()) {
      for (JsonNode h : p) {
        out.add(SharedVectors.b64(h));
      }
    }
    return out;
  }

  private static Stream<Path> probes(String kind) {
    Path dir = SharedVectors.path(TESTDATA + kind);
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String name(Path f) {
    Path testdata = f;
    while (!testdata.getFileName().toString().equals("testdata")) {
      testdata = testdata.getParent();
    }
    return testdata.relativize(f).toString();
  }
}
