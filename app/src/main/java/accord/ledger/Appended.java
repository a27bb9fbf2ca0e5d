package accord.ledger;

/** An entry that is in the log: durable, applied to the read model, under a cosigned checkpoint. */
public record Appended(String accord, long index, byte[] note, long treeSize) {}
