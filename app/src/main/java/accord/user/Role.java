package accord.user;

/**
 * What a person may do on this node. Party roles act for one party; observers and mediators read
 * everything and adjudicate but never act for a party; PUBLIC is anyone not signed in.
 */
public enum Role implements io.javalin.security.RouteRole {
  PUBLIC,
  PARTY_OFFICER,
  PARTY_LEAD,
  SECRETARIAT,
  OBSERVER,
  MEDIATOR,
  ADMIN;

  public boolean actsForParty() {
    return this == PARTY_OFFICER || this == PARTY_LEAD;
  }

  public static Role parse(String s) {
    try {
      return Role.valueOf(s.trim().toUpperCase().replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown role '" + s + "' (want party_officer, party_lead, secretariat, observer, mediator or admin)");
    }
  }
}
