package accord.engagement;

import accord.accord.AccordState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores rolled up into theme and accord percentages, as the Peace Accords Matrix does: the sum
 * of the provisions' scores over the most they could score, 3 for every provision — all of them,
 * so a provision nobody has scored yet counts as 0 (not started) rather than dropping out.
 */
public final class RollUp {
  public record Part(String name, int provisions, int scored, int sum, double percent) {}

  public record Result(List<Part> themes, Part accord) {}

  private RollUp() {}

  /** {@code scores}: the adjudicated score of each provision that has one. */
  public static Result of(List<AccordState.Provision> provisions, Map<String, Integer> scores) {
    Map<String, int[]> themes = new LinkedHashMap<>();
    int[] all = new int[3];
    for (AccordState.Provision p : provisions) {
      int[] t = themes.computeIfAbsent(p.theme(), k -> new int[3]);
      Integer s = scores.get(p.id());
      for (int[] acc : List.of(t, all)) {
        acc[0]++;
        if (s != null) {
          acc[1]++;
          acc[2] += s;
        }
      }
    }
    List<Part> parts = new ArrayList<>();
    themes.forEach((name, t) -> parts.add(part(name, t)));
    return new Result(parts, part("accord", all));
  }

  private static Part part(String name, int[] t) {
    double percent = t[0] == 0 ? 0 : 100.0 * t[2] / (Scores.MAX * t[0]);
    return new Part(name, t[0], t[1], t[2], percent);
  }
}
