package accord.web;

import accord.ledger.EntryCodec;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The OpenAPI 3 document, generated from the route table so the two cannot drift apart. */
public final class OpenApi {
  private static final Pattern PARAM = Pattern.compile("[{<]([a-z]+)[}>]");
  private List<Route> routes = List.of();

  void routes(List<Route> routes) {
    this.routes = routes;
  }

  public void get(Context ctx) {
    ctx.json(document());
  }

  ObjectNode document() {
    ObjectNode doc = EntryCodec.JSON.createObjectNode();
    doc.put("openapi", "3.0.3");
    doc.putObject("info").put("title", "Accord node API").put("version", "1");
    doc.putObject("components").putObject("securitySchemes").putObject("bearer")
        .put("type", "http").put("scheme", "bearer");
    ObjectNode paths = doc.putObject("paths");
    for (Route r : routes) {
      String path = PARAM.matcher(r.path()).replaceAll("{$1}");
      ObjectNode item = paths.has(path) ? (ObjectNode) paths.get(path) : paths.putObject(path);
      ObjectNode op = item.putObject(r.method().toLowerCase());
      op.put("summary", r.summary());
      op.put("x-roles", String.join(",", Arrays.stream(r.roles()).map(x -> x.toString().toLowerCase()).toList()));
      Matcher m = PARAM.matcher(r.path());
      var params = op.putArray("parameters");
      while (m.find()) {
        params.addObject().put("name", m.group(1)).put("in", "path").put("required", true)
            .putObject("schema").put("type", "string");
      }
      op.putObject("responses").putObject("200").put("description", "OK");
    }
    return doc;
  }
}
