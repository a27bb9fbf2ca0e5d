package accord.casework;

import accord.node.Node;
import accord.web.Web;

/** Casework's handlers, built once for the server: the JSON API and the pages. */
public final class Casework {
  public final CaseApi api;
  public final CasePages pages;

  public Casework(Node node, Web web) {
    CaseDesk desk = new CaseDesk(node, Evidence.of(node));
    this.api = new CaseApi(desk);
    this.pages = new CasePages(desk, web);
  }
}
