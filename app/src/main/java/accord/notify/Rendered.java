package accord.notify;

import accord.web.I18n;

/** A notice as it leaves the node: in English (the bundle's root), with its link made absolute when the node knows its address. */
record Rendered(String message, String link) {
  static Rendered of(Delivery d, String publicUrl) {
    String message = I18n.messages("en").t(d.msg(), d.args().toArray());
    String base = publicUrl == null ? "" : publicUrl.replaceAll("/+$", "");
    return new Rendered(message, base + d.link());
  }
}
