package accord.engagement;

import accord.node.Node;
import java.util.LinkedHashMap;
import java.util.Map;

/** Real ids from the demo's engagement history, for tests that call every route with real path values. */
public final class EngagementSamples {
  private EngagementSamples() {}

  public static Map<String, String> pathValues(Node node, String accord) {
    return node.db().jdbi().withHandle(h -> {
      Map<String, String> out = new LinkedHashMap<>();
      out.put("body", h.createQuery("SELECT code FROM engagement_body WHERE accord = :a ORDER BY id").bind("a", accord)
          .mapTo(String.class).first());
      out.put("meeting", first(h, "engagement_meeting", accord));
      out.put("decision", first(h, "engagement_decision", accord));
      out.put("action", first(h, "engagement_action", accord));
      out.put("score", first(h, "engagement_score", accord));
      out.put("provision", "P4");
      return out;
    });
  }

  private static String first(org.jdbi.v3.core.Handle h, String table, String accord) {
    return String.valueOf(h.createQuery("SELECT MIN(id) FROM " + table + " WHERE accord = :a").bind("a", accord)
        .mapTo(Long.class).one());
  }
}
