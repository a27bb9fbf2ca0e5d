package accord.incident;

import accord.node.Node;
import java.util.List;

/**
 * Imports a UCDP GED CSV file (the 49-column layout with or without a header, or the 13-column
 * extract) into an accord's register; see {@link CsvImport} for how rows are committed.
 */
public final class UcdpImport extends CsvImport {
  public UcdpImport(Node node, Options options) {
    super(node, options);
  }

  @Override
  Layout layout(List<String> first, boolean[] isHeader) {
    return UcdpRow.layout(first, isHeader);
  }

  @Override
  String sourcePrefix() {
    return "ucdp:";
  }

  @Override
  String idName() {
    return "UCDP id";
  }
}
