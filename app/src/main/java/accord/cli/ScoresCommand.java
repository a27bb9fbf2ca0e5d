package accord.cli;

import accord.accord.AccordProjection;
import accord.accord.AccordState;
import accord.engagement.EngagementQuery;
import accord.engagement.RollUp;
import accord.node.Node;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "scores", mixinStandardHelpOptions = true, description = "Provision scores.", subcommands = {ScoresCommand.ListScores.class})
final class ScoresCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  @Command(name = "list", mixinStandardHelpOptions = true,
      description = "Each provision's latest adjudicated score and the proposals, then the roll-up per theme and for the accord.")
  static final class ListScores implements Callable<Integer> {
    @Option(names = "--accord", required = true, description = "the accord")
    String accord;

    @Option(names = "--as-of", description = "count periods begun by this date, YYYY-MM-DD (default: today)")
    String asOf;

    @Mixin NodeOptions node;

    @Override
    public Integer call() {
      LocalDate at;
      try {
        at = asOf == null ? null : LocalDate.parse(asOf);
      } catch (java.time.format.DateTimeParseException e) {
        throw new IllegalArgumentException("--as-of must be a date as YYYY-MM-DD, not " + asOf);
      }
      try (Node n = node.open()) {
        LocalDate day = at != null ? at : LocalDate.ofInstant(n.clock().instant(), ZoneOffset.UTC);
        n.db().jdbi().useHandle(h -> {
          AccordState a = AccordProjection.load(h, accord).orElseThrow(() -> new IllegalArgumentException("no accord " + accord));
          EngagementQuery.ScoreBoard board = EngagementQuery.scores(h, a, day);
          for (AccordState.Provision p : a.provisions()) {
            var latest = board.latest().get(p.id());
            System.out.println(p.id() + "\t" + p.theme() + "\t" + (latest == null ? "-" : latest.score() + " (" + latest.period() + ")"));
            board.proposals().stream().filter(x -> x.provision().equals(p.id())).forEach(x ->
                System.out.println("\tproposal " + x.id() + "\t" + x.period() + "\t" + x.party() + "\t" + x.score()));
          }
          for (RollUp.Part t : board.rollUp().themes()) {
            System.out.println(line(t));
          }
          System.out.println(line(board.rollUp().accord()));
        });
      }
      return 0;
    }

    private static String line(RollUp.Part t) {
      return String.format(Locale.ROOT, "%s\t%d/%d points\t%.1f%%", t.name(), t.sum(), 3 * t.provisions(), t.percent());
    }
  }
}
