package accord.casework;

import accord.user.Role;
import io.javalin.security.RouteRole;

/** The roles of casework's routes that the common sets in {@code Access} do not name. */
public final class CaseAccess {
  /** Those who act for a party: they file cases and hand over evidence. */
  public static final RouteRole[] PARTIES = {Role.PARTY_OFFICER, Role.PARTY_LEAD};
  /** The parties' users (of the case, checked by the handler), observers and mediators. */
  public static final RouteRole[] READERS_OF_EVIDENCE = {Role.PARTY_OFFICER, Role.PARTY_LEAD, Role.OBSERVER, Role.MEDIATOR};

  private CaseAccess() {}
}
