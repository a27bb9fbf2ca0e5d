package accord.cli;

import accord.node.Node;
import accord.user.Role;
import accord.user.User;
import accord.user.Users;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "user", mixinStandardHelpOptions = true, description = "Manage the accounts of this node.",
    subcommands = {UserCommand.Add.class, UserCommand.ListUsers.class})
final class UserCommand implements Runnable {
  @Override
  public void run() {
    throw new IllegalArgumentException("say 'accord user add' or 'accord user list'");
  }

  @Command(name = "add", mixinStandardHelpOptions = true, description = "Add an account.")
  static final class Add implements Runnable {
    @Mixin NodeOptions node;

    @Parameters(index = "0", description = "username")
    String username;

    @Option(names = "--role", required = true, description = "party_officer, party_lead, secretariat, observer, mediator or admin")
    String role;

    @Option(names = "--party", description = "member code the user acts for (PK, AF, QA, ...)")
    String party;

    @Option(names = "--name", description = "display name")
    String name;

    @Option(names = "--password-stdin", description = "read the password from standard input instead of generating one")
    boolean passwordStdin;

    @Override
    public void run() {
      Role r = Role.parse(role);
      String password;
      if (passwordStdin) {
        try {
          password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        } catch (java.io.IOException e) {
          throw new IllegalStateException("cannot read the password: " + e.getMessage());
        }
        if (password == null) {
          throw new IllegalArgumentException("no password on standard input");
        }
      } else {
        password = InitCommand.generatedPassword();
      }
      try (Node n = node.open()) {
        new Users(n.db().jdbi(), n.clock()).add(username, name == null ? username : name, r, party, password);
      }
      System.out.println("Added " + username + " (" + r.name().toLowerCase() + (party == null ? "" : ", " + party) + ")");
      if (!passwordStdin) {
        System.out.println("Password: " + password + " (shown once)");
      }
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List the accounts.")
  static final class ListUsers implements Runnable {
    @Mixin NodeOptions node;

    @Override
    public void run() {
      try (Node n = node.open()) {
        for (User u : new Users(n.db().jdbi(), n.clock()).all()) {
          System.out.printf("%-16s %-14s %-4s %s%n", u.username(), u.role().name().toLowerCase(),
              u.party() == null ? "-" : u.party(), u.displayName());
        }
      }
    }
  }
}
