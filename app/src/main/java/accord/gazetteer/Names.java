package accord.gazetteer;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The search key of a place name, the same for every way of writing it: "Jalālābād", "JALALABAD"
 * and "Jalal Abad" share one key, and so do "جلال آباد", "جلال‌آباد" and "جلالآباد".
 */
public final class Names {
  private Names() {}

  /**
   * Compatibility decomposition first (so "ā" becomes "a" plus a mark, "آ" becomes "ا" plus madda,
   * "ۀ" becomes "ە" plus hamza, presentation forms become letters), then every combining mark goes
   * (Latin diacritics, harakat, superscript alef, hamza above), the letters Arabic, Persian, Urdu
   * and Pashto write differently are unified (yeh, kaf, gaf, heh, alef forms, retroflex letters), Eastern digits become ASCII, and everything that is
   * not a letter or digit (spaces, hyphens, ZWNJ, direction marks, tatweel) is dropped.
   */
  public static String key(String name) {
    if (name == null) {
      return "";
    }
    String d = Normalizer.normalize(name, Normalizer.Form.NFKD).toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(d.length());
    for (int i = 0; i < d.length(); i++) {
      char c = d.charAt(i);
      int type = Character.getType(c);
      if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.COMBINING_SPACING_MARK) {
        continue;
      }
      char u = unify(c);
      if (Character.isLetterOrDigit(u)) {
        out.append(u);
      }
    }
    return out.toString();
  }

  private static char unify(char c) {
    return switch (c) {
      case 'ي', 'ى', 'ې', 'ۍ', 'ے', 'ۓ', 'ئ' -> 'ی';
      case 'ك' -> 'ک';
      case 'ګ' -> 'گ';
      case 'ە', 'ۀ', 'ہ', 'ۂ', 'ھ', 'ة' -> 'ه';
      case 'أ', 'إ', 'آ', 'ٱ' -> 'ا';
      case 'ؤ' -> 'و';
      // Urdu and Pashto retroflex letters against the Persian letters the same names use
      case 'ٹ', 'ټ' -> 'ت';
      case 'ڈ', 'ډ' -> 'د';
      case 'ڑ', 'ړ' -> 'ر';
      case 'ڼ', 'ں' -> 'ن';
      case 'ښ' -> 'ش';
      case 'ږ' -> 'ژ';
      case 'ı' -> 'i';
      case 'ـ' -> ' '; // tatweel only stretches a word
      default -> {
        if (c >= '\u0660' && c <= '\u0669') {
          yield (char) ('0' + (c - '\u0660'));
        }
        if (c >= '\u06F0' && c <= '\u06F9') {
          yield (char) ('0' + (c - '\u06F0'));
        }
        yield c;
      }
    };
  }
}
