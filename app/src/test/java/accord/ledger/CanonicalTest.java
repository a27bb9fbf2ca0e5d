package accord.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The one-pass canonical writer gives exactly the JCS library's text, on edge cases and on random trees. */
class CanonicalTest {
  static final String[] STRINGS = {"", "a", "\u0000\u0001\u001f", "tab\there", "line\nbreak\r\n", "quote\" back\\slash",
      "\b\f", "\u007f\u0080\u00e9", "\u2028\u2029", "پېښه ۱۴۰۴", "\ud83d\ude00", "€", "/slash", "<script>", "\u001e"};

  @Test
  void edgeCasesMatchTheLibrary() {
    ObjectNode o = EntryCodec.JSON.createObjectNode();
    for (int i = 0; i < STRINGS.length; i++) {
      o.put(STRINGS[i], STRINGS[(i + 1) % STRINGS.length]);
    }
    o.put("int", 46).put("neg", -7L).put("big", 9_007_199_254_740_993L).put("lat", 32.6873).put("lon", -69.2619)
        .put("tiny", 1e-7).put("huge", 1e21).put("third", 1.0 / 3).put("zero", 0.0).put("negzero", -0.0)
        .put("bool", true).putNull("nothing").put("bd", new BigDecimal("12.50")).put("bi", new BigInteger("123456789012345678901"));
    o.putArray("empty");
    o.putObject("emptyObject");
    o.putArray("mixed").add(1).add("x").addNull().add(false).addObject().put("z", 1).put("a", 2);
    // Keys that sort differently by code unit than by code point: U+FB01 is above the surrogates' U+D83D.
    o.put("\ufb01", 1).put("\ud83d\ude00", 2).put("\u00e9", 3).put("e", 4).put("E", 5);
    assertThat(EntryCodec.canonical(o)).isEqualTo(EntryCodec.libraryCanonical(o));
  }

  @Test
  void randomTreesMatchTheLibrary() {
    SplittableRandom rnd = new SplittableRandom(8785);
    for (int i = 0; i < 2000; i++) {
      JsonNode n = EntryCodec.JSON.createObjectNode().set("v", tree(rnd, 0)); // the library takes objects and arrays only
      assertThat(EntryCodec.canonical(n)).as("tree %d", i).isEqualTo(EntryCodec.libraryCanonical(n));
    }
  }

  static JsonNode tree(SplittableRandom rnd, int depth) {
    int kind = depth > 3 ? 2 + rnd.nextInt(5) : rnd.nextInt(7);
    var f = EntryCodec.JSON.getNodeFactory();
    return switch (kind) {
      case 0 -> {
        ObjectNode o = f.objectNode();
        for (int k = rnd.nextInt(6); k > 0; k--) {
          o.set(string(rnd), tree(rnd, depth + 1));
        }
        yield o;
      }
      case 1 -> {
        ArrayNode a = f.arrayNode();
        for (int k = rnd.nextInt(6); k > 0; k--) {
          a.add(tree(rnd, depth + 1));
        }
        yield a;
      }
      case 2 -> f.textNode(string(rnd));
      case 3 -> f.numberNode(rnd.nextLong(-(1L << 60), 1L << 60) >> rnd.nextInt(60));
      case 4 -> f.numberNode(Double.longBitsToDouble(rnd.nextLong()) % 1e6 == 0 ? 0.5 : finite(rnd));
      case 5 -> f.booleanNode(rnd.nextBoolean());
      default -> f.nullNode();
    };
  }

  static double finite(SplittableRandom rnd) {
    double d;
    do {
      d = Double.longBitsToDouble(rnd.nextLong());
    } while (!Double.isFinite(d));
    return rnd.nextBoolean() ? d : Math.round(rnd.nextDouble() * 1e6) / 1e4;
  }

  static String string(SplittableRandom rnd) {
    StringBuilder b = new StringBuilder();
    for (int k = rnd.nextInt(8); k > 0; k--) {
      int pick = rnd.nextInt(4);
      b.append(pick == 0 ? STRINGS[rnd.nextInt(STRINGS.length)] : pick == 1 ? (char) rnd.nextInt(0x80) : (char) ('a' + rnd.nextInt(26)));
    }
    return b.toString();
  }
}
