package accord.tlog.witness;

import static org.assertj.core.api.Assertions.assertThat;

import accord.tlog.NoteVerifier;
import accord.tlog.witness.WitnessStore.State;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The decision alone: no store, no clock, no signing key. */
class DecisionTest {
  final TestLog log = new TestLog("accord.example/joint-log", 1);
  final Map<String, NoteVerifier> trusted = Map.of(log.origin, log.verifier());

  Decision decide(Optional<State> stored, long old, long size) {
    return Decision.decide(trusted, stored, AddCheckpointRequest.parse(log.request(old, size)));
  }

  State stateAt(long size) {
    return new State(size, log.checkpoint(size).root(), log.signed(size));
  }

  @Test
  void firstContactExpectsNoStateAndStoresTheLogSignedNote() {
    Decision d = decide(Optional.empty(), 0, 6);
    assertThat(d).isInstanceOf(Decision.Accept.class);
    Decision.Accept a = (Decision.Accept) d;
    assertThat(a.expected()).isNull();
    assertThat(a.next()).isEqualTo(stateAt(6));
  }

  @Test
  void growthExpectsTheStoredState() {
    Decision.Accept a = (Decision.Accept) decide(Optional.of(stateAt(6)), 6, 11);
    assertThat(a.expected()).isEqualTo(stateAt(6));
    assertThat(a.next().size()).isEqualTo(11);
  }

  @Test
  void aStoredEmptyTreeGrowsFromOldZero() {
    assertThat(decide(Optional.of(stateAt(0)), 0, 3)).isInstanceOf(Decision.Accept.class);
  }

  @Test
  void checksComeInTheSpecOrder() {
    // Unknown origin before anything else.
    Decision d = Decision.decide(Map.of(), Optional.of(stateAt(9)),
        AddCheckpointRequest.of(10, List.of(), log.signed(3)));
    assertThat(((Decision.Refuse) d).outcome().status()).isEqualTo(404);
    // old > size (400) before old != stored (409).
    d = Decision.decide(trusted, Optional.of(stateAt(9)), AddCheckpointRequest.of(10, List.of(), log.signed(3)));
    assertThat(((Decision.Refuse) d).outcome().status()).isEqualTo(400);
    // old != stored (409) before the proof (422).
    d = Decision.decide(trusted, Optional.of(stateAt(9)), AddCheckpointRequest.of(2, List.of(), log.signed(3)));
    assertThat(((Decision.Refuse) d).outcome()).isEqualTo(new Outcome.Conflict(9));
  }

  @Test
  void evidenceOnlyForContradictions() {
    Decision.Refuse behind = (Decision.Refuse) decide(Optional.of(stateAt(9)), 3, 12);
    assertThat(behind.outcome()).isEqualTo(new Outcome.Conflict(9));
    assertThat(behind.evidence()).as("a log that is ahead is not contradicting anything").isNull();
    Decision.Refuse rollback = (Decision.Refuse) decide(Optional.of(stateAt(9)), 3, 7);
    assertThat(rollback.evidence().reason()).startsWith("rollback");
    assertThat(rollback.evidence().note()).isEqualTo(log.signed(7));
  }
}
