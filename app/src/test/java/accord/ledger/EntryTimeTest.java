package accord.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The entry a node applies when it appends is the entry a rebuild reads back from the log: a clock
 * with finer steps than the signed form's milliseconds must not leave live and rebuilt read models
 * a second apart (a case acknowledged 0.9995 s after filing is 0 s live, and would be 1 s rebuilt).
 */
class EntryTimeTest {
  @Test
  void anEntryKeepsTheTimeItsSignedFormCarries() {
    Instant fine = Instant.parse("2026-03-01T10:00:00.000999999Z");
    Entry e = new Entry("case.file", "kabul-2025", "PK", "pk-liaison", fine, List.of(), "en",
        EntryCodec.JSON.createObjectNode().put("text", "x"));
    Entry read = EntryCodec.parse(EntryCodec.canonical(e) + "\n");
    assertThat(e.time()).isEqualTo(Instant.parse("2026-03-01T10:00:00Z"));
    assertThat(read).isEqualTo(e);
  }
}
