package accord.web;

import static accord.web.Access.ADMINS;
import static accord.web.Access.ANYONE;
import static accord.web.Access.SIGNED_IN;
import static accord.web.Access.WRITERS;

import accord.accord.AccordApi;
import accord.accord.AccordPages;
import accord.incident.DuplicatesApi;
import accord.incident.ImportPages;
import accord.engagement.EngagementAccess;
import accord.engagement.EngagementApi;
import accord.health.HealthHandlers;
import accord.gazetteer.GazetteerApi;
import accord.engagement.EngagementPages;
import accord.gazetteer.GazetteerPages;
import accord.incident.IncidentApi;
import accord.incident.IncidentPages;
import accord.ledger.EntryPages;
import accord.ledger.LogHandlers;
import accord.notify.InboxPages;
import accord.notify.NotifyAdmin;
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
      IncidentApi incidents, InboxPages inbox, NotifyAdmin notify,
      DuplicatesApi duplicates, ImportPages imports, EngagementApi engagement,
      HealthHandlers accordHealth,
      accord.casework.Casework cases,
      GazetteerApi gazetteer,
      IncidentPages incidentPages,
      EngagementPages engagementPages,
      GazetteerPages gazetteerPages) {
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
        new Route("GET", "/accords/{id}/incidents/import", "Import a CSV file of events (ACLED or UCDP)", imports::form, DuplicatesApi.REVIEWERS),
        new Route("POST", "/accords/{id}/incidents/import", "Start an import (multipart: file, source, dry_run, all_or_nothing)", imports::upload, DuplicatesApi.REVIEWERS),
        new Route("GET", "/accords/{id}/incidents/import/{job}", "An import's progress and summary", imports::jobPage, DuplicatesApi.REVIEWERS),
        new Route("GET", "/accords/{id}/incidents/import/{job}/status", "An import's progress (fragment polled by the page)", imports::statusFragment, DuplicatesApi.REVIEWERS),
        new Route("GET", "/accords/{id}/incidents/import/{job}/bad.csv", "Every bad row of an import, by line (CSV)", imports::badRows, DuplicatesApi.REVIEWERS),
        new Route("GET", "/accords/{id}/incidents/duplicates", "Imported rows held as likely duplicates, for review", duplicates::page, SIGNED_IN),
        new Route("POST", "/accords/{id}/incidents/duplicates/{external}/merge", "Merge a held row into the incident it resembles", duplicates::merge, DuplicatesApi.REVIEWERS),
        new Route("POST", "/accords/{id}/incidents/duplicates/{external}/separate", "Keep a held row as an incident of its own", duplicates::separate, DuplicatesApi.REVIEWERS),
        new Route("GET", "/accords/{id}/incidents", "Incidents: filters, paged list, exports", incidentPages::list, SIGNED_IN),
        new Route("GET", "/accords/{id}/incidents/new", "Form: report an incident", incidentPages::newForm, WRITERS),
        new Route("GET", "/accords/{id}/incidents/map", "Map of the filtered incidents", incidentPages::map, SIGNED_IN),
        new Route("GET", "/accords/{id}/incidents/timeline", "Incidents and fatalities per month and group", incidentPages::timeline, SIGNED_IN),
        new Route("GET", "/accords/{id}/incidents/{incident}", "An incident: every account side by side, findings, history", incidentPages::show, SIGNED_IN),
        new Route("POST", "/accords/{id}/incidents", "Report an incident (form) as the user's party", incidentPages::create, WRITERS),
        new Route("POST", "/accords/{id}/incidents/{incident}/accounts", "File the user's party's account of an incident (form)", incidentPages::account, WRITERS),
        new Route("POST", "/accords/{id}/incidents/{incident}/findings", "Record a mediator's finding on an incident (form)", incidentPages::finding, accord.user.Role.MEDIATOR),
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
        new Route("GET", "/accords/{id}/cases", "Cases of an accord with their clocks, per party (?party&show=open|overdue|all)", cases.pages::list, SIGNED_IN),
        new Route("GET", "/accords/{id}/cases/new", "Form: file a case, with an evidence file", cases.pages::form, accord.casework.CaseAccess.PARTIES),
        new Route("GET", "/accords/{id}/cases/queues", "The open cases at each level of the escalation ladder", cases.pages::queues, SIGNED_IN),
        new Route("POST", "/accords/{id}/cases", "File a case (form, multipart with an optional evidence file)", cases.pages::create, accord.casework.CaseAccess.PARTIES),
        new Route("GET", "/accords/{id}/cases/{case}", "A case: clocks, accounts side by side, timeline of signed entries, moves", cases.pages::show, SIGNED_IN),
        new Route("POST", "/accords/{id}/cases/{case}/{move}", "A move on a case (form)", cases.pages::move, WRITERS),
        new Route("GET", "/accords/{id}/accountability", "How each party answers the cases it receives (?from&to), with a chart", cases.pages::accountability, SIGNED_IN),
        new Route("GET", "/admin/users", "Accounts of this node", accounts::list, ADMINS),
        new Route("POST", "/admin/users", "Add an account (form: username, name, role, party)", accounts::add, ADMINS),
        new Route("GET", "/admin/gazetteer", "The gazetteer sets loaded, with their attribution, and a form to load a file", gazetteerPages::show, ADMINS),
        new Route("POST", "/admin/gazetteer", "Load a gazetteer file (multipart: file, kind, name, source, licence)", gazetteerPages::upload, ADMINS),
        new Route("GET", "/api/health", "Liveness and the number of accords", health::get, ANYONE),
        new Route("GET", "/api/openapi.json", "This API, as an OpenAPI 3 document", openApi::get, ANYONE),
        new Route("POST", "/api/session", "Sign in: username and password for a bearer token", sessions::create, ANYONE),
        new Route("GET", "/api/accords", "The accords on this node", accords::list, SIGNED_IN),
        new Route("GET", "/api/accords/{id}", "An accord: members, provisions, clocks, ladder, log state", accords::get, SIGNED_IN),
        new Route("GET", "/api/accords/{id}/entries", "Entries after index ?after=N (at most ?limit=L)", accords::entries, SIGNED_IN),
        new Route("POST", "/api/accords/{id}/entries", "Append a typed entry as the caller's party", accords::append, WRITERS),
        new Route("GET", "/api/accords/{id}/incidents", "Incidents, newest first: ?from&to&admin1&admin2&group&type&q&provision, paged by ?limit&offset, with the total", incidents::list, SIGNED_IN),
        new Route("GET", "/api/accords/{id}/incidents/duplicates", "Imported rows held as likely duplicates (?status=pending|merged|separate)", duplicates::list, SIGNED_IN),
        new Route("POST", "/api/accords/{id}/incidents/duplicates/{external}/merge", "Merge a held row into the incident it resembles, as an account", duplicates::merge, DuplicatesApi.REVIEWERS),
        new Route("POST", "/api/accords/{id}/incidents/duplicates/{external}/separate", "Keep a held row as an incident of its own", duplicates::separate, DuplicatesApi.REVIEWERS),
        new Route("POST", "/api/accords/{id}/imports", "Import the CSV body: ?source=acled|ucdp&dry_run&all_or_nothing; 202 with the job", imports::apiStart, DuplicatesApi.REVIEWERS),
        new Route("GET", "/api/accords/{id}/imports/{job}", "An import job: progress, then the summary and the bad rows", imports::apiStatus, DuplicatesApi.REVIEWERS),
        new Route("GET", "/api/accords/{id}/incidents.geojson", "Incidents as GeoJSON points, same filters; ?bbox=w,s,e,n&zoom=Z sends grid cells when a view holds more than 2000", incidents::geojson, SIGNED_IN),
        new Route("GET", "/api/accords/{id}/incidents.csv", "Incidents as CSV in ACLED's column layout, same filters (streamed)", incidents::csv, SIGNED_IN),
        new Route("GET", "/api/accords/{id}/incidents/timeline", "Incidents and fatalities per month and perpetrator group, same filters", incidents::timeline, SIGNED_IN),
        new Route("GET", "/api/accords/{id}/incidents/{incident}", "An incident with every account side by side and the findings", incidents::get, SIGNED_IN),
        new Route("POST", "/api/accords/{id}/incidents", "Report an incident as the caller's party (JSON report); 201 with its id", incidents::create, WRITERS),
        new Route("GET", "/inbox", "The notices of the caller's party (every party's for the secretariat, observers and mediators), newest first", inbox::page, WRITERS),
        new Route("POST", "/inbox/read", "Mark one notice read (form: accord, index, party)", inbox::markOne, WRITERS),
        new Route("POST", "/inbox/read-all", "Mark every notice of the inbox read", inbox::markAll, WRITERS),
        new Route("GET", "/api/inbox", "The caller's notices, newest first, after the instant ?after= (at most ?limit=), in their language, with the unread count", inbox::list, WRITERS),
        new Route("POST", "/api/inbox/read", "Mark notices read: {\"notices\": [{accord, index, party}]} or {\"all\": true}", inbox::read, WRITERS),
        new Route("GET", "/admin/notify", "E-mail and webhook subscriptions and the outbox (?status=pending|delivered|failed)", notify::page, ADMINS),
        new Route("POST", "/admin/notify/subscriptions", "Add a subscription (form: accord, party, kind, target)", notify::addForm, ADMINS),
        new Route("POST", "/admin/notify/remove", "Remove a subscription (form: id)", notify::removeForm, ADMINS),
        new Route("POST", "/admin/notify/retry", "Send a failed delivery again (form: id)", notify::retryForm, ADMINS),
        new Route("GET", "/api/admin/notify/subscriptions", "E-mail and webhook subscriptions (without their secrets)", notify::listApi, ADMINS),
        new Route("POST", "/api/admin/notify/subscriptions", "Add a subscription {accord, party, kind: email|webhook, target}; 201 with a webhook's signing secret", notify::addApi, ADMINS),
        new Route("POST", "/api/admin/notify/subscriptions/remove", "Remove a subscription {id}", notify::removeApi, ADMINS),
        new Route("GET", "/api/admin/notify/outbox", "Deliveries, newest first, with counts per status (?status=)", notify::outboxApi, ADMINS),
        new Route("POST", "/api/admin/notify/outbox/retry", "Send a failed delivery again {id}", notify::retryApi, ADMINS),
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
        new Route("GET", "/accords/{id}/health", "Is the accord holding? Figures, charts and summary for ?from&to (YYYY-MM-DD; default the last 12 months)", accordHealth::page, SIGNED_IN),
        new Route("GET", "/api/accords/{id}/health", "The health figures for ?from&to as JSON (accord, title, from, to, parties, incidents{total, fatalities, by_side, reported_by, by_month}, cases{received, acknowledged_on_time, responded_on_time, overdue_now, by_party, by_month}, engagement{meetings_held, meetings_expected, meetings_by_body, meetings_by_level, action_items, decisions_adopted, exchanges, scores}, summary in ?lang)", accordHealth::json, SIGNED_IN),
        new Route("GET", "/api/accords/{id}/health.csv", "The health figures for ?from&to as CSV: section, figure, party (or body, theme, provision), month, value", accordHealth::csv, SIGNED_IN),
        new Route("GET", "/api/accords/{id}/cases", "Cases, newest first: ?party&open&overdue&level, paged by ?limit&offset, with clocks", cases.api::list, SIGNED_IN),
        new Route("POST", "/api/accords/{id}/cases", "File a case as the caller's party (JSON: notified_party, allegation, request, incidents, provisions, evidence); 201 with its id", cases.api::create, accord.casework.CaseAccess.PARTIES),
        new Route("GET", "/api/accords/{id}/cases/{case}", "A case: state, level, who owes the next move, every clock, the entries, the evidence", cases.api::get, SIGNED_IN),
        new Route("POST", "/api/accords/{id}/cases/{case}/{move}", "A move on a case (acknowledge, investigate, respond, reject, verify, dispute, inform, escalate, finding; JSON with text)", cases.api::move, WRITERS),
        new Route("POST", "/api/accords/{id}/evidence", "Upload an evidence file (raw body or multipart 'file'); 201 with its sha256 and size", cases.api::upload, accord.casework.CaseAccess.PARTIES),
        new Route("GET", "/api/accords/{id}/cases/{case}/evidence/{hash}", "An evidence file of a case; the receiving party's first download signs a receipt", cases.api::download, accord.casework.CaseAccess.READERS_OF_EVIDENCE),
        new Route("GET", "/api/gazetteer/places", "Places by name in any script: ?q&limit, best match first", gazetteer::places, SIGNED_IN),
        new Route("GET", "/api/gazetteer/locate", "The district and province of ?lat&lon, and its distance to the border line in force", gazetteer::locate, SIGNED_IN),
        new Route("GET", "/api/gazetteer/boundaries.geojson", "Outlines in force for the map: ?level=country|admin1|admin2", gazetteer::boundaries, SIGNED_IN),
        new Route("GET", "/api/gazetteer/border.geojson", "The border line in force, with whose line it is", gazetteer::border, SIGNED_IN),
        new Route("GET", "/api/gazetteer/sets", "The gazetteer sets loaded, with licence and attribution", gazetteer::sets, SIGNED_IN),
        new Route("GET", "/api/accords/{id}/report.pdf", "The joint health report for ?from&to as PDF in ?lang (en, ur, ps, fa-AF); the same figures give the same bytes, whose SHA-256 is in X-Report-SHA256", accordHealth::pdf, SIGNED_IN),
        new Route("POST", "/api/accords/{id}/reports", "Sign the joint report as the caller's party (JSON from, to, lang, sha256 of the PDF; a page form may leave sha256 out to sign the report as it is now); 201, or 409 if the figures changed", accordHealth::sign, accord.user.Role.PARTY_OFFICER, accord.user.Role.PARTY_LEAD),
        new Route("GET", "/api/accords/{id}/engagement", "Engagement in figures over ?from&to: meetings held and expected, action items, decisions, exchanges, scores and roll-up", engagement::figures, SIGNED_IN),
        new Route("GET", "/log/{accord}/checkpoint", "The latest cosigned checkpoint (tlog-tiles)", log::checkpoint, SIGNED_IN),
        new Route("GET", "/log/{accord}/tile/<path>", "A hash tile or entry bundle (tlog-tiles)", log::tile, SIGNED_IN),
        new Route("GET", "/log/{accord}/proof/{index}", "An entry's inclusion proof (tlog-proof)", log::proof, SIGNED_IN),
        new Route("POST", "/witness/{member}/add-checkpoint", "tlog-witness add-checkpoint", log::addCheckpoint, ANYONE));
  }
}
