package accord.ledger;

import accord.tlog.NoteSigner;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** What the ledger needs to run one accord's log: its origin, the log's key and its witnesses. */
@FunctionalInterface
public interface LogSetup {
  record Log(String origin, NoteSigner signer, List<CheckpointWitness> witnesses) {}

  Log forAccord(Handle h, String accord);
}
