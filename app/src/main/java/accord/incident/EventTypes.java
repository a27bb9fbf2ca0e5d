package accord.incident;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * ACLED's six event types and 25 sub-event types, as codes with their ACLED names, so incidents
 * coded here compare with ACLED exports; and UCDP GED's three types of violence mapped onto them.
 */
public final class EventTypes {
  public record Type(String code, String acledName, Map<String, String> subTypes) {}

  public static final List<Type> ALL = List.of(
      type("battles", "Battles",
          "armed_clash", "Armed clash",
          "government_regains_territory", "Government regains territory",
          "non_state_actor_overtakes_territory", "Non-state actor overtakes territory"),
      type("explosions_remote_violence", "Explosions/Remote violence",
          "chemical_weapon", "Chemical weapon",
          "air_drone_strike", "Air/drone strike",
          "suicide_bomb", "Suicide bomb",
          "shelling_artillery_missile_attack", "Shelling/artillery/missile attack",
          "remote_explosive_landmine_ied", "Remote explosive/landmine/IED",
          "grenade", "Grenade"),
      type("violence_against_civilians", "Violence against civilians",
          "sexual_violence", "Sexual violence",
          "attack", "Attack",
          "abduction_forced_disappearance", "Abduction/forced disappearance"),
      type("protests", "Protests",
          "peaceful_protest", "Peaceful protest",
          "protest_with_intervention", "Protest with intervention",
          "excessive_force_against_protesters", "Excessive force against protesters"),
      type("riots", "Riots",
          "violent_demonstration", "Violent demonstration",
          "mob_violence", "Mob violence"),
      type("strategic_developments", "Strategic developments",
          "agreement", "Agreement",
          "arrests", "Arrests",
          "change_to_group_activity", "Change to group/activity",
          "disrupted_weapons_use", "Disrupted weapons use",
          "headquarters_or_base_established", "Headquarters or base established",
          "looting_property_destruction", "Looting/property destruction",
          "non_violent_transfer_of_territory", "Non-violent transfer of territory",
          "other", "Other"));

  /** UCDP's types of violence: 1 state-based, 2 non-state, 3 one-sided. */
  public static final Map<Integer, String> UCDP_VIOLENCE = Map.of(1, "state-based", 2, "non-state", 3, "one-sided");

  private EventTypes() {}

  public static Optional<Type> type(String code) {
    return ALL.stream().filter(t -> t.code().equals(code)).findFirst();
  }

  public static boolean isSubType(String type, String sub) {
    return type(type).map(t -> t.subTypes().containsKey(sub)).orElse(false);
  }

  /**
   * The ACLED type and sub-type a UCDP event is coded as: fighting between organised sides (1, 2)
   * is an armed clash; one-sided violence (3) is an attack on civilians.
   */
  public static String[] fromUcdp(int violence) {
    return switch (violence) {
      case 1, 2 -> new String[] {"battles", "armed_clash"};
      case 3 -> new String[] {"violence_against_civilians", "attack"};
      default -> throw new IllegalArgumentException("UCDP type_of_violence must be 1, 2 or 3, not " + violence);
    };
  }

  private static Type type(String code, String name, String... subs) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < subs.length; i += 2) {
      m.put(subs[i], subs[i + 1]);
    }
    return new Type(code, name, java.util.Collections.unmodifiableMap(m));
  }
}
