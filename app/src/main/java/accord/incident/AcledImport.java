package accord.incident;

import accord.node.Node;
import java.util.List;

/**
 * Imports an ACLED CSV export (the 31-column layout or an older trimmed one, always with a
 * header) into an accord's register; see {@link CsvImport} for how rows are committed.
 */
public final class AcledImport extends CsvImport {
  public AcledImport(Node node, Options options) {
    super(node, options);
  }

  @Override
  Layout layout(List<String> first, boolean[] isHeader) {
    return AcledRow.layout(first, isHeader);
  }

  @Override
  String sourcePrefix() {
    return "acled:";
  }

  @Override
  String idName() {
    return "ACLED event_id_cnty";
  }
}
