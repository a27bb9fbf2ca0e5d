package accord.tlog.witness;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A {@link WitnessStore} in memory, for tests and short-lived witnesses. Thread-safe. */
public final class MemoryWitnessStore implements WitnessStore {
  private final Map<String, State> states = new HashMap<>();
  private final Map<String, List<Evidence>> evidence = new HashMap<>();

  @Override
  public synchronized Optional<State> get(String origin) {
    return Optional.ofNullable(states.get(origin));
  }

  @Override
  public synchronized boolean compareAndSwap(String origin, State expected, State next) {
    State current = states.get(origin);
    boolean matches = expected == null ? current == null : expected.sameTree(current);
    if (!matches) {
      return false;
    }
    states.put(origin, next);
    return true;
  }

  @Override
  public synchronized void recordConflict(Evidence e) {
    List<Evidence> list = evidence.computeIfAbsent(e.origin(), k -> new ArrayList<>());
    for (Evidence old : list) {
      if (Arrays.equals(old.note(), e.note())) {
        return;
      }
    }
    list.add(e);
  }

  @Override
  public synchronized List<Evidence> conflicts(String origin) {
    return List.copyOf(evidence.getOrDefault(origin, List.of()));
  }
}
