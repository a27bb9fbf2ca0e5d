package accord.cli;

import accord.casework.CaseListing;
import accord.node.Node;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "cases", mixinStandardHelpOptions = true, description = "The cases between an accord's parties.",
    subcommands = {CasesCommand.ListCases.class})
final class CasesCommand implements Runnable {
  @Override
  public void run() {
    throw new IllegalArgumentException("say 'accord cases list --accord ID'");
  }

  @Command(name = "list", mixinStandardHelpOptions = true,
      description = "Open cases, newest first: parties, state, level, who owes the next move, next due time or overdue since.")
  static final class ListCases implements Runnable {
    @Mixin NodeOptions node;

    @Option(names = "--accord", required = true, description = "the accord")
    String accord;

    @Option(names = "--overdue", description = "only cases with a clock overdue now")
    boolean overdue;

    @Option(names = "--party", description = "only cases this party filed or received (PK, AF, ...)")
    String party;

    @Option(names = "--limit", defaultValue = "1000", description = "at most this many cases (default: ${DEFAULT-VALUE})")
    int limit;

    @Override
    public void run() {
      if (limit < 1) {
        throw new IllegalArgumentException("--limit must be 1 or more");
      }
      try (Node n = node.open()) {
        List<String> lines = n.db().jdbi().withHandle(h -> CaseListing.lines(h, accord, party, overdue, n.clock().instant(), limit));
        lines.forEach(System.out::println);
      }
    }
  }
}
