package accord.cli;

import accord.health.HealthFigures;
import accord.health.HealthSummary;
import accord.health.IncidentFigures;
import accord.health.Period;
import accord.node.Node;
import accord.web.I18n;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "health",
    mixinStandardHelpOptions = true,
    description = "Print an accord's health figures for a period, and the summary that says whether it is holding.")
final class HealthCommand implements Callable<Integer> {
  @Option(names = "--accord", required = true, description = "the accord")
  String accord;

  @Option(names = "--from", description = "first day, YYYY-MM-DD (default: the first day of the month 11 months ago)")
  String from;

  @Option(names = "--to", description = "last day, YYYY-MM-DD (default: today)")
  String to;

  @Option(names = "--lang", defaultValue = "en", description = "language of the summary: en, ur, ps or fa-AF (default: ${DEFAULT-VALUE})")
  String lang;

  @Mixin NodeOptions node;

  @Override
  public Integer call() {
    if (!I18n.LANGUAGES.contains(lang)) {
      throw new IllegalArgumentException("--lang must be one of " + I18n.LANGUAGES + ", not " + lang);
    }
    try (Node n = node.open()) {
      Period p = Period.of(from, to, n.clock());
      HealthFigures f = n.db().jdbi().withHandle(h -> HealthFigures.load(h, accord, p, p.asOf(n.clock())))
          .orElseThrow(() -> new IllegalArgumentException("no accord " + accord));
      System.out.println(f.title() + ": " + p.from() + " to " + p.to());
      print(f);
      System.out.println();
      System.out.println(HealthSummary.of(f, I18n.messages(lang)));
      return 0;
    }
  }

  static void print(HealthFigures f) {
    IncidentFigures i = f.incidents();
    System.out.printf("incidents %d, deaths %d%n", i.incidents(), i.fatalities());
    for (String side : i.sides()) {
      System.out.printf("  on the territory of %-8s %5d incidents %6d deaths%n", side, i.incidentsBySide().get(side),
          i.fatalitiesBySide().get(side));
    }
    i.reportedBy().forEach((party, n) -> System.out.printf("  reported by %-8s %5d%n", party, n));
    System.out.println("by month (incidents/deaths per side):");
    for (var m : f.period().months()) {
      StringBuilder b = new StringBuilder("  " + m);
      for (String side : i.sides()) {
        IncidentFigures.Month c = i.cell(m, side);
        b.append(String.format("  %s %d/%d", side, c.incidents(), c.fatalities()));
      }
      System.out.println(b);
    }
    System.out.printf("notifications received %d, acknowledged on time %d, answered on time %d, overdue now %d%n",
        f.casesReceived(), f.casesAcknowledgedOnTime(), f.casesRespondedOnTime(), f.casesOverdueNow());
    for (var c : f.cases().parties()) {
      System.out.printf("  notified %-8s %3d received %3d acknowledged on time %3d answered on time %3d escalated %3d overdue%n",
          c.party(), c.received(), c.acknowledgedOnTime(), c.respondedOnTime(), c.escalated(), c.overdueNow());
    }
    var e = f.engagement();
    System.out.printf("meetings held %d of %d expected; action items due %d, done %d, overdue %d; decisions adopted %d%n",
        f.meetingsHeld(), f.meetingsExpected(), e.actionsDue(), e.actionsDone(), e.actionsOverdue(), e.decisionsAdopted());
    e.rollUp().themes().forEach(t -> System.out.printf("  implementation of %-12s %5.1f %% (%d of %d provisions scored)%n",
        t.name(), t.percent(), t.scored(), t.provisions()));
    System.out.printf("implementation of the accord %.1f %%%n", e.rollUp().accord().percent());
  }
}
