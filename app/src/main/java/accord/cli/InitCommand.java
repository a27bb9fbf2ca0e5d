package accord.cli;

import accord.accord.AccordProjection;
import accord.accord.DefaultInstance;
import accord.node.Node;
import accord.user.Role;
import accord.user.Users;
import java.security.SecureRandom;
import java.util.Base64;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    description = "Create a node: keys, the default accords, and an administrator with a generated password.")
final class InitCommand implements Runnable {
  @Mixin NodeOptions node;

  @Override
  public void run() {
    try (Node n = node.open()) {
      Users users = new Users(n.db().jdbi(), n.clock());
      if (users.find("admin").isPresent()) {
        throw new IllegalStateException("this node is already initialised (user admin exists)");
      }
      if (n.db().jdbi().withHandle(h -> AccordProjection.ids(h).isEmpty())) {
        n.append(DefaultInstance.kabul(n.keyring(), n.clock().instant())).join();
        n.append(DefaultInstance.doha(n.keyring(), n.clock().instant())).join();
        accord.engagement.EngagementDefaults.defineKabul(n, n.clock().instant());
      }
      String password = generatedPassword();
      users.add("admin", "Administrator", Role.ADMIN, null, password);
      System.out.println("Initialised " + node.data.toAbsolutePath());
      System.out.println("Administrator: admin, password " + password + " (shown once; change it)");
    }
  }

  static String generatedPassword() {
    byte[] b = new byte[15];
    new SecureRandom().nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}
