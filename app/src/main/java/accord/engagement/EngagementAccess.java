package accord.engagement;

import accord.user.Role;
import io.javalin.security.RouteRole;

/**
 * The roles of the engagement routes that are narrower than "any writer", as {@code Routes}
 * declares them; the rules ({@link Who}) then check the member the caller acts for.
 */
public final class EngagementAccess {
  /** Signing decisions, endorsing minutes, proposing scores: the parties' own people. */
  public static final RouteRole[] PARTIES = {Role.PARTY_OFFICER, Role.PARTY_LEAD};
  /** Defining bodies, scheduling meetings, writing minutes. */
  public static final RouteRole[] SECRETARIAT = {Role.SECRETARIAT};
  /** Attendance, decisions, action items, exchanges: the parties and the secretariat. */
  public static final RouteRole[] PARTIES_AND_SECRETARIAT = {Role.PARTY_OFFICER, Role.PARTY_LEAD, Role.SECRETARIAT};
  /** Adjudicating scores: a mediator, or the secretariat for the joint committee. */
  public static final RouteRole[] ADJUDICATORS = {Role.SECRETARIAT, Role.MEDIATOR};

  private EngagementAccess() {}
}
