package accord.health;

import java.util.List;
import java.util.Locale;

/**
 * Bars drawn as SVG for the PDF report, which is rendered on the server with no browser. The bars
 * carry no text: labels and numbers stay in the surrounding HTML, where the report's font, bidi
 * and Arabic shaping apply, so the same chart serves all four languages.
 */
public final class SvgBars {
  /** Colours of the sides and series, in order: first party, second party, other, unknown, more. */
  public static final List<String> COLOURS = List.of("#1b6e3a", "#b3261e", "#6c757d", "#adb5bd", "#0d6efd", "#fd7e14");

  public record Segment(long value, String colour) {}

  private SvgBars() {}

  /**
   * One stacked bar, {@code width} by {@code height} pixels, scaled so that {@code max} fills the
   * width; it grows from the right in a right-to-left report.
   */
  public static String bar(List<Segment> segments, long max, int width, int height, boolean rtl) {
    StringBuilder b = new StringBuilder();
    b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"").append(height)
        .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height).append("\">");
    b.append("<rect x=\"0\" y=\"0\" width=\"").append(width).append("\" height=\"").append(height)
        .append("\" fill=\"#f1f3f5\"/>");
    double x = 0;
    for (Segment s : segments) {
      if (s.value() <= 0 || max <= 0) {
        continue;
      }
      double w = width * (double) s.value() / max;
      double at = rtl ? width - x - w : x;
      b.append("<rect x=\"").append(fmt(at)).append("\" y=\"0\" width=\"").append(fmt(w))
          .append("\" height=\"").append(height).append("\" fill=\"").append(s.colour()).append("\"/>");
      x += w;
    }
    return b.append("</svg>").toString();
  }

  /** A small square of one colour, for legends. */
  public static String swatch(String colour) {
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\" viewBox=\"0 0 10 10\">"
        + "<rect x=\"0\" y=\"0\" width=\"10\" height=\"10\" fill=\"" + colour + "\"/></svg>";
  }

  public static String colour(int i) {
    return COLOURS.get(i % COLOURS.size());
  }

  private static String fmt(double d) {
    return String.format(Locale.ROOT, "%.2f", d);
  }
}
