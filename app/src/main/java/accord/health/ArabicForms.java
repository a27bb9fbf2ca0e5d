package accord.health;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.text.Normalizer2;
import com.openhtmltopdf.bidi.support.ICUBidiReorderer;
import java.util.HashMap;
import java.util.Map;

/**
 * Contextual forms for Arabic-script text in the PDF report. The PDF renderer draws characters
 * one glyph each, so text must arrive already shaped: each letter replaced by its initial, medial,
 * final or isolated presentation form. ICU's legacy shaper knows the Arabic letters but leaves
 * Urdu's and Pashto's own letters (ی ہ ے ں ټ ړ ...) unjoined, so the forms are worked out here
 * from the Unicode Character Database itself: each letter's joining type decides its form, and
 * the presentation-form characters' decompositions ({@code <medial> 06CC}) say which character
 * draws it. Letters with no presentation form in Unicode (Pashto's ټ ډ ړ ږ ښ ځ څ ې ۍ, among
 * others) keep their base character, drawn alone, and count as non-joining for their neighbours,
 * so no letter reaches out to a join that is not drawn.
 */
public final class ArabicForms {
  private static final int ISOLATED = 0;
  private static final int FINAL = 1;
  private static final int INITIAL = 2;
  private static final int MEDIAL = 3;
  /** Base letter to its four forms (0 where Unicode has none). */
  private static final Map<Integer, int[]> FORMS = new HashMap<>();
  /** Lam followed by an alef: the ligature's isolated and final forms. */
  private static final Map<Integer, int[]> LAM_ALEF = new HashMap<>();

  static {
    Normalizer2 nfkd = Normalizer2.getNFKDInstance();
    for (int c = 0xFB50; c <= 0xFEFC; c++) {
      String d = nfkd.getRawDecomposition(c);
      if (d == null) {
        continue;
      }
      int form = switch (UCharacter.getIntPropertyValue(c, UProperty.DECOMPOSITION_TYPE)) {
        case UCharacter.DecompositionType.ISOLATED -> ISOLATED;
        case UCharacter.DecompositionType.FINAL -> FINAL;
        case UCharacter.DecompositionType.INITIAL -> INITIAL;
        case UCharacter.DecompositionType.MEDIAL -> MEDIAL;
        default -> -1;
      };
      if (form < 0) {
        continue;
      }
      int[] cps = d.codePoints().toArray();
      if (cps.length == 1) {
        FORMS.computeIfAbsent(cps[0], k -> new int[4])[form] = c;
      } else if (cps.length == 2 && cps[0] == 0x0644 && (form == ISOLATED || form == FINAL)) {
        LAM_ALEF.computeIfAbsent(cps[1], k -> new int[4])[form] = c;
      }
    }
  }

  private ArabicForms() {}

  /** {@code text} (logical order) with every Arabic-script letter in its contextual form. */
  public static String shape(String text) {
    int[] cps = text.codePoints().toArray();
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < cps.length; i++) {
      int c = cps[i];
      int[] forms = FORMS.get(c);
      if (forms == null) {
        out.appendCodePoint(c);
        continue;
      }
      boolean joinsBefore = joinsToNext(previous(cps, i));
      int next = following(cps, i);
      if (c == 0x0644 && next >= 0 && LAM_ALEF.containsKey(cps[next])) {
        int[] lig = LAM_ALEF.get(cps[next]);
        int form = joinsBefore ? lig[FINAL] : lig[ISOLATED];
        if (form != 0) {
          out.appendCodePoint(form);
          for (int k = i + 1; k < next; k++) {
            out.appendCodePoint(cps[k]); // marks between lam and alef stay
          }
          i = next;
          continue;
        }
      }
      boolean joinsAfter = joinsToNext(c) && next >= 0 && joinsToPrevious(cps[next]);
      boolean before = joinsBefore && joinsToPrevious(c);
      int form = before && joinsAfter ? MEDIAL : before ? FINAL : joinsAfter ? INITIAL : ISOLATED;
      int shaped = forms[form];
      if (shaped == 0 && form == MEDIAL) {
        shaped = forms[FINAL];
      } else if (shaped == 0 && form == INITIAL) {
        shaped = forms[ISOLATED];
      }
      out.appendCodePoint(shaped != 0 ? shaped : c);
    }
    return out.toString();
  }

  /** The nearest character before {@code i} that is not a transparent mark, or -1. */
  private static int previous(int[] cps, int i) {
    for (int k = i - 1; k >= 0; k--) {
      if (joiningType(cps[k]) != UCharacter.JoiningType.TRANSPARENT) {
        return cps[k];
      }
    }
    return -1;
  }

  /** The index of the nearest character after {@code i} that is not a transparent mark, or -1. */
  private static int following(int[] cps, int i) {
    for (int k = i + 1; k < cps.length; k++) {
      if (joiningType(cps[k]) != UCharacter.JoiningType.TRANSPARENT) {
        return k;
      }
    }
    return -1;
  }

  private static boolean joinsToNext(int c) {
    int t = c < 0 || lacksForms(c) ? UCharacter.JoiningType.NON_JOINING : joiningType(c);
    return t == UCharacter.JoiningType.DUAL_JOINING || t == UCharacter.JoiningType.JOIN_CAUSING
        || t == UCharacter.JoiningType.LEFT_JOINING;
  }

  private static boolean joinsToPrevious(int c) {
    int t = lacksForms(c) ? UCharacter.JoiningType.NON_JOINING : joiningType(c);
    return t == UCharacter.JoiningType.DUAL_JOINING || t == UCharacter.JoiningType.JOIN_CAUSING
        || t == UCharacter.JoiningType.RIGHT_JOINING;
  }

  /** An Arabic-script letter that joins in writing but has no presentation forms to draw it joined. */
  private static boolean lacksForms(int c) {
    return c >= 0x0600 && c <= 0x06FF && !FORMS.containsKey(c) && joiningType(c) != UCharacter.JoiningType.TRANSPARENT
        && joiningType(c) != UCharacter.JoiningType.JOIN_CAUSING;
  }

  private static int joiningType(int c) {
    return UCharacter.getIntPropertyValue(c, UProperty.JOINING_TYPE);
  }

  /** ICU's bidi reordering, with the shaping above in place of ICU's legacy shaper. */
  public static final class Reorderer extends ICUBidiReorderer {
    @Override
    public String shapeText(String text) {
      return shape(text);
    }
  }
}
