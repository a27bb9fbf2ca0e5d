package accord.user;

/**
 * A signed-in person. {@code party} is the member code they write as: their state for party roles,
 * their organisation (an observer member such as QA) for observers and mediators, null otherwise.
 */
public record User(String username, String displayName, Role role, String party) {
  public static final User ANONYMOUS = new User("-", "Public", Role.PUBLIC, null);

  /** The member code this user signs entries as: their party, or the secretariat. */
  public String actingAs() {
    if (role.actsForParty() || role == Role.OBSERVER || role == Role.MEDIATOR) {
      return party;
    }
    return role == Role.SECRETARIAT ? "SEC" : null;
  }
}
