package fr.centrale.common.web;

import fr.centrale.common.problem.ProblemException;
import fr.centrale.common.problem.ProblemResponses;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Map;

/**
 * A NUL character ({@code %00}) in the path or a query parameter is a 400 before any resource runs:
 * PostgreSQL cannot compare a text holding one, so a code looked up with it (a purchasing body, an
 * offer) would fail the statement with a 500. JSON bodies are checked when read ({@link JsonConfig}).
 */
public class NulCharacterFilter {

    @ServerRequestFilter(priority = Priorities.USER)
    public Response refuseNul(ContainerRequestContext request) {
        if (request.getUriInfo().getPath().indexOf('\u0000') >= 0) {
            return refused("path");
        }
        for (Map.Entry<String, List<String>> param : request.getUriInfo().getQueryParameters().entrySet()) {
            if (param.getKey().indexOf('\u0000') >= 0 || param.getValue().stream().anyMatch(v -> v != null && v.indexOf('\u0000') >= 0)) {
                return refused(param.getKey().replace("\u0000", ""));
            }
        }
        return null;
    }

    private static Response refused(String field) {
        return ProblemResponses.of(ProblemException.invalid(field, "a NUL character (%00) is not allowed").toProblem());
    }
}
