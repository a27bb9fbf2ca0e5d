package accord.web;

import static accord.web.Access.ADMINS;
import static accord.web.Access.ANYONE;
import static accord.web.Access.SIGNED_IN;
import static accord.web.Access.WRITERS;

import accord.accord.AccordApi;
import accord.accord.AccordPages;
import accord.engagement.EngagementAccess;
import accord.engagement.EngagementApi;
import accord.engagement.EngagementPages;
import accord.incident.IncidentApi;
import accord.ledger.EntryPages;
import accord.ledger.LogHandlers;
import accord.user.SessionApi;
import accord.user.UserPages;
import java.util.List;

/**
 * Every route of the node, with who may use it. This is the one place to read the access rules:
 * a route reachable by a role is listed here with that role, and nothing else is reachable.
 */
public final class Routes {
  private Routes() {}

  public static List<Route> all(
      HealthApi health, SessionApi sessions, AccordApi accords, LogHandlers log, OpenApi openApi,
      Assets assets, WebAuth auth, AccordPages pages, EntryPages entries, UserPages accounts,
      IncidentApi incidents, EngagementApi engagement, EngagementPages engagementPages) {
    return List.of(
        new Route("GET", "/favicon.ico", "The site icon (an empty answer: the node has none)", ctx -> ctx.status(204), ANYONE),
        new Route("GET", "/assets/{file}", "A static file, cached for good (its name carries its hash)", assets::serve, ANYONE),
        new Route("GET", "/", "Home: the accords, or a sign-in prompt", pages::index, ANYONE),
        new Route("GET", "/login", "Sign-in form", auth::form, ANYONE),
        new Route("POST", "/login", "Sign in (form: username, password)", auth::signIn, ANYONE),
        new Route("POST", "/logout", "Sign out", auth::signOut, SIGNED_IN),
        new Route("GET", "/accords/{id}", "An accord's home page", pages::home, SIGNED_IN),
        new Route("GET", "/accords/{id}/entries", "The entries of an accord's record, newest first", entries::list, SIGNED_IN),
        new Route("GET", "/accords/{id}/entries/{index}", "One entry, with what is needed to check it", entries::show, SIGNED_IN),
        new Route("GET", "/accords/{id}/bodies", "The accord's committees and working groups, and their meetings", engagementPages::bodies, SIGNED_IN),
        new Route("GET", "/accords/{id}/bodies/{body}", "A committee or working group: members, quorum, meetings, the schedule form", engagementPages::body, SIGNED_IN),
        new Route("POST", "/accords/{id}/bodies/{body}/meetings", "Schedule a meeting (form: date, place, level, emergency, agenda)", engagementPages::schedule, EngagementAccess.SECRETARIAT),
        new Route("GET", "/accords/{id}/meetings/{meeting}", "A meeting: agenda, attendance and quorum, decisions, action items, minutes", engagementPages::meeting, SIGNED_IN),
        new Route("POST", "/accords/{id}/meetings/{meeting}/attendance", "Record attendance (form: party, names)", engagementPages::attend, EngagementAccess.PARTIES_AND_SECRETARIAT),
        new Route("POST", "/accords/{id}/meetings/{meeting}/minutes", "Record the minutes (form: text)", engagementPages::minutes, EngagementAccess.SECRETARIAT),
        new Route("POST", "/accords/{id}/meetings/{meeting}/endorse", "Endorse the minutes as the caller's party", engagementPages::endorse, EngagementAccess.PARTIES),
        new Route("POST", "/accords/{id}/meetings/{meeting}/decisions", "Propose a decision (form: text)", engagementPages::propose, EngagementAccess.PARTIES_AND_SECRETARIAT),
        new Route("POST", "/accords/{id}/meetings/{meeting}/actions", "Create an action item (form: text, owner, due)", engagementPages::createAction, EngagementAccess.PARTIES_AND_SECRETARIAT),
        new Route("POST", "/accords/{id}/decisions/{decision}/sign", "Sign a decision as the caller's party", engagementPages::sign, EngagementAccess.PARTIES),
        new Route("POST", "/accords/{id}/actions/{action}/update", "Change an action item's status (form: status)", engagementPages::updateAction, EngagementAccess.PARTIES_AND_SECRETARIAT),
        new Route("GET", "/accords/{id}/exchanges", "Exchanges between the parties, and the form to record one", engagementPages::exchanges, SIGNED_IN),
        new Route("POST", "/accords/{id}/exchanges", "Record an exchange (form: kind, title, date, date_end, place, provisions, text)", engagementPages::recordExchange, EngagementAccess.PARTIES_AND_SECRETARIAT),
        new Route("GET", "/accords/{id}/scores", "Provision scores rolled up per theme and for the accord", engagementPages::scores, SIGNED_IN),
        new Route("GET", "/accords/{id}/scores/{provision}", "A provision's score proposals side by side, adjudications, the forms", engagementPages::provision, SIGNED_IN),
        new Route("POST", "/accords/{id}/scores", "Propose a score (form: provision, period, score, evidence, text)", engagementPages::proposeScore, EngagementAccess.PARTIES),
        new Route("POST", "/accords/{id}/scores/{score}/adjudicate", "Adjudicate a proposal (form: score, decision, reasons)", engagementPages::adjudicate, EngagementAccess.ADJUDICATORS),
        new Route("GET", "/admin/users", "Accounts of this node", accounts::list, ADMINS),
        new Route("POST", "/admin/users", "Add an account (form: username, name, role, party)", accounts::add, ADMINS),
        new Route("GET", "/api/health", "Liveness and the number of accords", health::get, ANYONE),
        new Route("GET", "/api/openapi.json", "This API, as an OpenAPI 3 document", openApi::get, ANYONE),
        new Route("POST", "/api/session", "Sign in: username and password for a bearer token", sessions::create, ANYONE),
        new Route("GET", "/api/accords", "The accords on this node", accords::list, SIGNED_IN),
        new Route("GET", "/api/accords/{id}", "An accord: members, provisions, clocks, ladder, log state", accords::get, SIGNED_IN),
        new Route("GET", "/api/accords/{id}/entries", "Entries after index ?after=N (at most ?limit=L)", accords::entries, SIGNED_IN),
        new Route("POST", "/api/accords/{id}/entries", "Append a typed entry as the caller's party", accords::append, WRITERS),
        new Route("GET", "/api/accords/{id}/incidents", "Incidents, newest first: ?from&to&admin1&admin2&group&type&q&provision, paged by ?limit&offset, with the total", incidents::list, SIGNED_IN),
        new Route("GET", "/api/accords/{id}/incidents/{incident}", "An incident with every account side by side and the findings", incidents::get, SIGNED_IN),
        new Route("POST", "/api/accords/{id}/incidents", "Report an incident as the caller's party (JSON report); 201 with its id", incidents::create, WRITERS),
        new Route("GET", "/api/accords/{id}/bodies", "Committees and working groups: members per party, chairs, quorum, cadence", engagement::bodies, SIGNED_IN),
        new Route("GET", "/api/accords/{id}/meetings", "Meetings, latest first (?body=JCC or an id)", engagement::meetings, SIGNED_IN),
        new Route("POST", "/api/accords/{id}/meetings", "Schedule a meeting (body: id or short name, level, date, place, emergency?, agenda?); the open items are carried forward; 201 with id", engagement::schedule, EngagementAccess.SECRETARIAT),
        new Route("GET", "/api/accords/{id}/meetings/{meeting}", "A meeting: agenda with carried-forward items, attendance, quorum, minutes, decisions, action items", engagement::meeting, SIGNED_IN),
        new Route("POST", "/api/accords/{id}/meetings/{meeting}/attendance", "Record who attended for which party (attendees: [{party, name}])", engagement::attend, EngagementAccess.PARTIES_AND_SECRETARIAT),
        new Route("POST", "/api/accords/{id}/meetings/{meeting}/minutes", "Record a meeting's minutes (text)", engagement::minutes, EngagementAccess.SECRETARIAT),
        new Route("POST", "/api/accords/{id}/meetings/{meeting}/endorse", "Endorse a meeting's minutes as the caller's party", engagement::endorse, EngagementAccess.PARTIES),
        new Route("POST", "/api/accords/{id}/meetings/{meeting}/decisions", "Propose a decision at a meeting with quorum (text); 201 with id", engagement::propose, EngagementAccess.PARTIES_AND_SECRETARIAT),
        new Route("POST", "/api/accords/{id}/meetings/{meeting}/actions", "Create an action item (text, owner party, due date); 201 with id", engagement::createAction, EngagementAccess.PARTIES_AND_SECRETARIAT),
        new Route("POST", "/api/accords/{id}/decisions/{decision}/sign", "Sign a decision as the caller's party; adopted once every party has signed", engagement::sign, EngagementAccess.PARTIES),
        new Route("GET", "/api/accords/{id}/actions", "Action items: owner, due date, status, overdue", engagement::actions, SIGNED_IN),
        new Route("POST", "/api/accords/{id}/actions/{action}/update", "Change an action item's status (status, note?)", engagement::updateAction, EngagementAccess.PARTIES_AND_SECRETARIAT),
        new Route("GET", "/api/accords/{id}/exchanges", "Delegations, exhibitions, programmes, crossing openings and closures", engagement::exchanges, SIGNED_IN),
        new Route("POST", "/api/accords/{id}/exchanges", "Record an exchange (kind, title, date, date_end?, place?, provisions, text?); 201 with id", engagement::recordExchange, EngagementAccess.PARTIES_AND_SECRETARIAT),
        new Route("GET", "/api/accords/{id}/scores", "Score proposals, adjudications, the latest score per provision and the roll-up (?as_of=date)", engagement::scores, SIGNED_IN),
        new Route("POST", "/api/accords/{id}/scores", "Propose a provision's score (provision, period, score 0-3, evidence: [{kind, id}], text?); 201 with id", engagement::proposeScore, EngagementAccess.PARTIES),
        new Route("POST", "/api/accords/{id}/scores/{score}/adjudicate", "Adjudicate a proposal (score?, reasons; the secretariat also cites the committee's adopted decision); 201 with id", engagement::adjudicate, EngagementAccess.ADJUDICATORS),
        new Route("GET", "/api/accords/{id}/engagement", "Engagement in figures over ?from&to: meetings held and expected, action items, decisions, exchanges, scores and roll-up", engagement::figures, SIGNED_IN),
        new Route("GET", "/log/{accord}/checkpoint", "The latest cosigned checkpoint (tlog-tiles)", log::checkpoint, SIGNED_IN),
        new Route("GET", "/log/{accord}/tile/<path>", "A hash tile or entry bundle (tlog-tiles)", log::tile, SIGNED_IN),
        new Route("GET", "/log/{accord}/proof/{index}", "An entry's inclusion proof (tlog-proof)", log::proof, SIGNED_IN),
        new Route("POST", "/witness/{member}/add-checkpoint", "tlog-witness add-checkpoint", log::addCheckpoint, ANYONE));
  }
}
