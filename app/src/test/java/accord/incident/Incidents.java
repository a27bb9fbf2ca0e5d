package accord.incident;

import accord.accord.DefaultInstance;
import accord.node.Node;
import com.fasterxml.jackson.databind.JsonNode;

/** Read-model lookups the import tests share. */
final class Incidents {
  private Incidents() {}

  /** The incident an import made from the row with this external id (e.g. "ucdp:123"). */
  static JsonNode byExternalId(Node node, String externalId) {
    return node.db().jdbi().withHandle(h -> {
      long id = h.createQuery("SELECT id FROM incident WHERE accord = :a AND external_id = :e")
          .bind("a", DefaultInstance.KABUL).bind("e", externalId).mapTo(Long.class).one();
      return IncidentQuery.one(h, DefaultInstance.KABUL, id).orElseThrow();
    });
  }

  static long count(Node node) {
    return node.db().jdbi().withHandle(h -> IncidentQuery.count(h, DefaultInstance.KABUL, IncidentQuery.Filter.ANY));
  }
}
