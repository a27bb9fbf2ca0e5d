package accord.notify;

import accord.ledger.Entry;
import accord.ledger.Projection;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Owns no entry type: notices are posted by the features whose entries call for them. It is a
 * projection only so that a rebuild empties the inbox before replaying the log into it again.
 */
public final class NoticeProjection implements Projection {
  @Override
  public boolean handles(String type) {
    return false;
  }

  @Override
  public void decide(Handle h, Entry entry) {}

  @Override
  public void evolve(Handle h, Entry entry, long index) {}

  @Override
  public List<String> tables() {
    return List.of(Notices.TABLE, Notices.COUNTS);
  }
}
