package accord.accord;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An accord as its entries define it: who the parties, observers and the secretariat are and
 * which key each signs with, its log, its witnesses, its provisions, its clocks and its ladder.
 */
public record AccordState(
    String id,
    String title,
    String origin,
    String logVkey,
    List<Member> members,
    List<Provision> provisions,
    Map<String, Duration> clocks,
    List<String> ladder,
    List<Witness> witnesses) {

  public enum Kind {
    PARTY,
    OBSERVER,
    SECRETARIAT
  }

  /** A signatory or participant. {@code role} is e.g. "state", "mediator", "observer". */
  public record Member(String code, Kind kind, String name, String role, String vkey) {}

  /** A commitment: who it binds and how compliance is verified. */
  public record Provision(String id, String title, String theme, List<String> binds, String verification) {}

  /** A witness of the joint log: which member runs it and its cosignature key (type 0x04). */
  public record Witness(String name, String member, String vkey) {}

  public Optional<Member> member(String code) {
    return members.stream().filter(m -> m.code().equals(code)).findFirst();
  }

  public List<Member> parties() {
    return members.stream().filter(m -> m.kind() == Kind.PARTY).toList();
  }
}
