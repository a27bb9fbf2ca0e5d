package accord.engagement;

import accord.accord.AccordApi;
import accord.accord.AccordProjection;
import accord.accord.AccordState;
import accord.ledger.Appended;
import accord.ledger.Entry;
import accord.ledger.Rejection;
import accord.node.Node;
import accord.user.User;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.HttpResponseException;
import java.util.List;
import java.util.function.Function;

/**
 * The write side shared by the API, the pages and the CLI: turns a request into one entry signed
 * as the caller's member, checks its fields before anything is signed, appends it, and answers a
 * refusal with the matching HTTP status.
 */
public final class EngagementCommands {
  private final Node node;
  private final EscalatedCases cases;

  public EngagementCommands(Node node, EscalatedCases cases) {
    this.node = node;
    this.cases = cases;
  }

  public Node node() {
    return node;
  }

  /** Appends an entry of {@code type} with {@code body} as {@code user}; the new entry's index. */
  public long append(User user, String accord, String type, ObjectNode body, String lang) {
    requireAccord(accord);
    String member = user.actingAs();
    if (member == null) {
      throw new HttpResponseException(403, "your role does not write entries");
    }
    try {
      check(type, body);
    } catch (Rejection r) {
      throw new HttpResponseException(400, r.getMessage());
    }
    Entry e = new Entry(type, accord, member, user.username(), node.clock().instant(), List.of(), lang, body);
    Appended a = AccordApi.await(node.append(e));
    return a.index();
  }

  /** The field checks of each entry type, which need nothing from the record. */
  private static void check(String type, ObjectNode b) {
    Function<ObjectNode, Object> read = switch (type) {
      case Bodies.DEFINE -> Bodies::read;
      case Meetings.SCHEDULE -> Meetings::readSchedule;
      case Meetings.ATTEND -> Meetings::readAttend;
      case Meetings.MINUTES -> x -> List.of(Fields.id(x, "meeting"), Fields.text(x, "text"));
      case Meetings.ENDORSE -> x -> Fields.id(x, "meeting");
      case Decisions.PROPOSE -> x -> List.of(Fields.id(x, "meeting"), Fields.text(x, "text"));
      case Decisions.SIGN -> x -> Fields.id(x, "decision");
      case ActionItems.CREATE -> ActionItems::readCreate;
      case ActionItems.UPDATE -> x -> List.of(Fields.id(x, "action"), Fields.oneOf(x, "status", ActionItems.STATUSES));
      case Exchanges.RECORD -> Exchanges::read;
      case Scores.PROPOSE -> Scores::readProposal;
      case Scores.ADJUDICATE -> Scores::readAdjudication;
      default -> throw Rejection.invalid("unknown engagement entry type " + type);
    };
    read.apply(b);
  }

  /**
   * Schedules a meeting of a body (its id or code): the node writes the carried-forward agenda —
   * the open action items in the body's scope and the cases escalated to its rung — ahead of
   * {@code items}, into the signed schedule entry.
   */
  public long schedule(User user, String accord, String bodyRef, ObjectNode request, List<String> items) {
    return append(user, accord, Meetings.SCHEDULE, scheduleBody(accord, bodyRef, request, items), "en");
  }

  /** The body of a meeting.schedule entry, with the agenda the node carries forward. */
  ObjectNode scheduleBody(String accord, String bodyRef, ObjectNode request, List<String> items) {
    requireAccord(accord);
    if (bodyRef == null || bodyRef.isBlank()) {
      throw new HttpResponseException(400, "body must name a committee or working group, by id or short name such as JCC");
    }
    ObjectNode body = request.deepCopy();
    List<Agenda.Item> agenda = node.db().jdbi().withHandle(h -> {
      Bodies.Body b = EngagementStore.body(h, accord, bodyRef.strip())
          .orElseThrow(() -> new HttpResponseException(404, "body: there is no committee or working group " + bodyRef));
      body.put("body", b.id());
      if (!body.has("level")) {
        body.put("level", b.level());
      }
      List<Agenda.CarriedCase> escalated = b.ladderLevel() == null ? List.of() : cases.open(h, accord, b.ladderLevel());
      return Agenda.build(b, EngagementStore.openActions(h, accord), escalated, items);
    });
    ArrayNode out = body.putArray("agenda");
    for (Agenda.Item i : agenda) {
      ObjectNode o = out.addObject().put("kind", i.kind()).put("text", i.text());
      if (i.ref() != null) {
        o.put("ref", i.ref());
      }
      if (i.carried()) {
        o.put("carried", true);
      }
      if (i.fromMeeting() != null) {
        o.put("from_meeting", i.fromMeeting());
      }
    }
    return body;
  }

  public AccordState accord(String accord) {
    return node.db().jdbi().withHandle(h -> AccordProjection.load(h, accord))
        .orElseThrow(() -> new HttpResponseException(404, "no accord " + accord));
  }

  private void requireAccord(String accord) {
    accord(accord);
  }
}
