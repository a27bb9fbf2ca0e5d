package accord.web;

import static accord.web.Access.ADMINS;
import static accord.web.Access.ANYONE;
import static accord.web.Access.SIGNED_IN;
import static accord.web.Access.WRITERS;

import accord.accord.AccordApi;
import accord.accord.AccordPages;
import accord.incident.IncidentApi;
import accord.incident.IncidentPages;
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
      IncidentApi incidents, IncidentPages incidentPages) {
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
        new Route("GET", "/accords/{id}/incidents", "Incidents: filters, paged list, exports", incidentPages::list, SIGNED_IN),
        new Route("GET", "/accords/{id}/incidents/new", "Form: report an incident", incidentPages::newForm, WRITERS),
        new Route("GET", "/accords/{id}/incidents/map", "Map of the filtered incidents", incidentPages::map, SIGNED_IN),
        new Route("GET", "/accords/{id}/incidents/timeline", "Incidents and fatalities per month and group", incidentPages::timeline, SIGNED_IN),
        new Route("GET", "/accords/{id}/incidents/{incident}", "An incident: every account side by side, findings, history", incidentPages::show, SIGNED_IN),
        new Route("POST", "/accords/{id}/incidents", "Report an incident (form) as the user's party", incidentPages::create, WRITERS),
        new Route("POST", "/accords/{id}/incidents/{incident}/accounts", "File the user's party's account of an incident (form)", incidentPages::account, WRITERS),
        new Route("POST", "/accords/{id}/incidents/{incident}/findings", "Record a mediator's finding on an incident (form)", incidentPages::finding, accord.user.Role.MEDIATOR),
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
        new Route("GET", "/api/accords/{id}/incidents.geojson", "Incidents as GeoJSON points, same filters; ?bbox=w,s,e,n&zoom=Z sends grid cells when a view holds more than 2000", incidents::geojson, SIGNED_IN),
        new Route("GET", "/api/accords/{id}/incidents.csv", "Incidents as CSV in ACLED's column layout, same filters (streamed)", incidents::csv, SIGNED_IN),
        new Route("GET", "/api/accords/{id}/incidents/timeline", "Incidents and fatalities per month and perpetrator group, same filters", incidents::timeline, SIGNED_IN),
        new Route("GET", "/api/accords/{id}/incidents/{incident}", "An incident with every account side by side and the findings", incidents::get, SIGNED_IN),
        new Route("POST", "/api/accords/{id}/incidents", "Report an incident as the caller's party (JSON report); 201 with its id", incidents::create, WRITERS),
        new Route("GET", "/log/{accord}/checkpoint", "The latest cosigned checkpoint (tlog-tiles)", log::checkpoint, SIGNED_IN),
        new Route("GET", "/log/{accord}/tile/<path>", "A hash tile or entry bundle (tlog-tiles)", log::tile, SIGNED_IN),
        new Route("GET", "/log/{accord}/proof/{index}", "An entry's inclusion proof (tlog-proof)", log::proof, SIGNED_IN),
        new Route("POST", "/witness/{member}/add-checkpoint", "tlog-witness add-checkpoint", log::addCheckpoint, ANYONE));
  }
}
