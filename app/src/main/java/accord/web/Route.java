package accord.web;

import io.javalin.http.Handler;
import io.javalin.security.RouteRole;

/** One route: method, path, what it does (for the OpenAPI document), handler and who may call it. */
public record Route(String method, String path, String summary, Handler handler, RouteRole... roles) {}
