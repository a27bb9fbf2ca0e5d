package accord.cli;

import accord.accord.AccordProjection;
import accord.engagement.EngagementCommands;
import accord.engagement.EngagementQuery;
import accord.ledger.EntryCodec;
import accord.node.Node;
import accord.user.Role;
import accord.user.User;
import io.javalin.http.HttpResponseException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "meetings",
    mixinStandardHelpOptions = true,
    description = "List an accord's meetings, or schedule one as the secretariat (the open items are carried forward).",
    subcommands = {MeetingsCommand.ListMeetings.class, MeetingsCommand.Schedule.class})
final class MeetingsCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** The secretariat of the node's accords, as the command line acts. */
  static final User CLI = new User("cli", "Command line", Role.SECRETARIAT, null);

  @Command(name = "list", mixinStandardHelpOptions = true, description = "Meetings, latest first: id, date, body, level, place, held.")
  static final class ListMeetings implements Callable<Integer> {
    @Option(names = "--accord", required = true, description = "the accord")
    String accord;

    @Option(names = "--body", description = "only this committee or working group (id or short name such as JCC)")
    String body;

    @Mixin NodeOptions node;

    @Override
    public Integer call() {
      try (Node n = node.open()) {
        List<EngagementQuery.MeetingSummary> meetings = n.db().jdbi().withHandle(h -> {
          if (AccordProjection.load(h, accord).isEmpty()) {
            throw new IllegalArgumentException("no accord " + accord);
          }
          Long id = body == null ? null : EngagementQuery.body(h, accord, body)
              .orElseThrow(() -> new IllegalArgumentException("no committee or working group " + body)).id();
          return EngagementQuery.meetings(h, accord, id);
        });
        for (EngagementQuery.MeetingSummary m : meetings) {
          System.out.println(m.id() + "\t" + m.date() + "\t" + m.bodyCode() + "\t" + m.level() + "\t" + m.place()
              + (m.emergency() ? "\temergency" : "") + (m.held() ? "\theld" : ""));
        }
      }
      return 0;
    }
  }

  @Command(name = "schedule", mixinStandardHelpOptions = true,
      description = "Schedule a meeting as the secretariat; prints its id and the agenda, carried items first.")
  static final class Schedule implements Callable<Integer> {
    @Option(names = "--accord", required = true, description = "the accord")
    String accord;

    @Option(names = "--body", required = true, description = "the committee or working group (id or short name such as JCC)")
    String body;

    @Option(names = "--date", required = true, description = "the date, YYYY-MM-DD")
    String date;

    @Option(names = "--place", required = true, description = "where it meets")
    String place;

    @Option(names = "--level", description = "liaison, working_group, committee or ministerial (default: the body's)")
    String level;

    @Option(names = "--emergency", description = "an emergency meeting (the emergency quorum applies)")
    boolean emergency;

    @Option(names = "--item", description = "a new agenda item (repeatable)")
    List<String> items = new ArrayList<>();

    @Mixin NodeOptions node;

    @Override
    public Integer call() {
      try (Node n = node.open()) {
        var request = EntryCodec.JSON.createObjectNode().put("date", date).put("place", place);
        if (level != null) {
          request.put("level", level);
        }
        if (emergency) {
          request.put("emergency", true);
        }
        EngagementCommands commands = new EngagementCommands(n, n.escalatedCases());
        long id;
        try {
          id = commands.schedule(CLI, accord, body, request, items);
        } catch (HttpResponseException e) {
          throw new IllegalArgumentException(e.getMessage());
        }
        System.out.println("meeting " + id);
        var view = n.db().jdbi().withHandle(h -> EngagementQuery.meeting(h, commands.accord(accord), id,
            LocalDate.ofInstant(n.clock().instant(), ZoneOffset.UTC)).orElseThrow());
        for (EngagementQuery.AgendaLine a : view.agenda()) {
          System.out.println((a.ordinal() + 1) + ". " + (a.carried() ? "[carried " + a.kind() + " " + a.ref() + "] " : "") + a.text());
        }
      }
      return 0;
    }
  }
}
