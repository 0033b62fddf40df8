package fr.centrale.common.identity;

import fr.centrale.common.problem.ProblemResponses;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Reads the identity the gateway forwards and checks it before any resource runs: the same
 * {@link Access} decision as the gateway's (a write with a reader's roles is 403 here too, an
 * adherent naming another organisation is 404), then {@link Caller} carries it to the resources,
 * which confine an adherent to its own organisation's data.
 */
public class IdentityFilter {

    public static final String USER = "X-Centrale-User";
    public static final String ROLES = "X-Centrale-Roles";
    public static final String ORGANISATION = "X-Centrale-Organisation";

    private static final Set<String> KNOWN_ROLES = Set.of(Access.ADMIN, Access.FINANCE, Access.READER, Access.ADHERENT);

    @Inject
    Caller caller;

    @ConfigProperty(name = "centrale.identity.required", defaultValue = "false")
    boolean required;

    /** False in the gateway, which decides from the token itself and never trusts these headers. */
    @ConfigProperty(name = "centrale.identity.check-forwarded", defaultValue = "true")
    boolean enabled;

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public Response check(ContainerRequestContext request) {
        List<String> segments = apiSegments(request);
        if (!enabled || segments == null) {
            return null; // /q/health, /q/openapi, Swagger UI: not business data
        }
        String rolesHeader = request.getHeaderString(ROLES);
        if (rolesHeader == null) {
            if (required) {
                return ProblemResponses.of(401, "UNAUTHORIZED", "Unauthorized",
                        "This service answers only requests that carry the identity forwarded by the gateway ("
                                + ROLES + ")", null);
            }
            return null;
        }
        Set<String> roles = Arrays.stream(rolesHeader.split(","))
                .map(String::trim).filter(KNOWN_ROLES::contains)
                .collect(Collectors.toCollection(TreeSet::new));
        String organisationHeader = request.getHeaderString(ORGANISATION);
        UUID organisation = null;
        if (organisationHeader != null && !organisationHeader.isBlank()) {
            try {
                organisation = UUID.fromString(organisationHeader.trim());
            } catch (IllegalArgumentException e) {
                return forbidden(ORGANISATION + " is not an organisation id");
            }
        }
        switch (Access.decide(request.getMethod(), segments, request.getUriInfo().getQueryParameters(), roles,
                organisation == null ? null : organisation.toString())) {
            case FORBIDDEN:
                return forbidden("The roles " + roles + " do not allow " + request.getMethod() + " /api/v1/"
                        + String.join("/", segments));
            case NOT_FOUND:
                return ProblemResponses.of(404, "NOT_FOUND", "Not Found", "No resource at this address", null);
            default:
                break;
        }
        caller.set(request.getHeaderString(USER), roles, organisation);
        return null;
    }

    private static Response forbidden(String detail) {
        return ProblemResponses.of(403, "FORBIDDEN", "Forbidden", detail, null);
    }

    /** The path segments after {@code /api/v1}, or null for a path outside the API. */
    static List<String> apiSegments(ContainerRequestContext request) {
        List<String> all = request.getUriInfo().getPathSegments().stream()
                .map(PathSegment::getPath).filter(s -> !s.isEmpty()).toList();
        if (all.size() < 2 || !"api".equals(all.get(0)) || !"v1".equals(all.get(1))) {
            return null;
        }
        return all.subList(2, all.size());
    }
}
