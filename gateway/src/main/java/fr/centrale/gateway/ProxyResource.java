package fr.centrale.gateway;

import fr.centrale.common.identity.Access;
import fr.centrale.common.problem.ProblemResponses;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Every {@code /api/v1/...} request goes to the service owning its first segment, once the bearer
 * token is checked against the roles ({@link Access}).
 */
@Path("/api/v1")
@Blocking
public class ProxyResource {

    /** Request headers passed on to the services. */
    static final List<String> REQUEST_HEADERS = List.of(
            "Content-Type", "Accept", "Accept-Language", "Idempotency-Key", "If-Match", "If-None-Match",
            "traceparent", "tracestate");

    static final String REQUEST_ID = "X-Request-Id";

    @Inject
    GatewayConfig config;

    @Inject
    Forwarder forwarder;

    @Inject
    CurrentIdentityAssociation identities;

    @GET
    @Path("{path: .*}")
    @Operation(hidden = true)
    public Response get(@PathParam("path") String path, @Context HttpHeaders headers, @Context UriInfo uri) {
        return handle("GET", path, null, headers, uri);
    }

    @POST
    @Path("{path: .*}")
    @Operation(hidden = true)
    public Response post(@PathParam("path") String path, byte[] body, @Context HttpHeaders headers, @Context UriInfo uri) {
        return handle("POST", path, body, headers, uri);
    }

    @PUT
    @Path("{path: .*}")
    @Operation(hidden = true)
    public Response put(@PathParam("path") String path, byte[] body, @Context HttpHeaders headers, @Context UriInfo uri) {
        return handle("PUT", path, body, headers, uri);
    }

    @PATCH
    @Path("{path: .*}")
    @Operation(hidden = true)
    public Response patch(@PathParam("path") String path, byte[] body, @Context HttpHeaders headers, @Context UriInfo uri) {
        return handle("PATCH", path, body, headers, uri);
    }

    @DELETE
    @Path("{path: .*}")
    @Operation(hidden = true)
    public Response delete(@PathParam("path") String path, @Context HttpHeaders headers, @Context UriInfo uri) {
        return handle("DELETE", path, null, headers, uri);
    }

    private Response handle(String method, String path, byte[] body, HttpHeaders headers, UriInfo uri) {
        String requestId = headers.getHeaderString(REQUEST_ID);
        if (requestId == null || requestId.isBlank()) {
            requestId = UUID.randomUUID().toString();
        }
        Response response = route(method, path, body, headers, uri, requestId);
        if (response.getHeaderString(REQUEST_ID) == null) {
            response.getHeaders().putSingle(REQUEST_ID, requestId);
        }
        return response;
    }

    private Response route(String method, String path, byte[] body, HttpHeaders headers, UriInfo uri, String requestId) {
        List<String> segments = Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
        Route route = segments.isEmpty() || segments.contains("..") || segments.contains(".")
                ? null : Route.ofSegment(segments.get(0)).orElse(null);
        if (route == null) {
            return notFound();
        }

        SecurityIdentity identity;
        try {
            identity = identities.getIdentity();
        } catch (AuthenticationFailedException e) {
            return unauthorized("The bearer token is invalid or expired");
        }
        if (identity == null || identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return unauthorized("A bearer token is required");
        }
        Set<String> roles = new TreeSet<>(identity.getRoles());
        String organisationId = claim(jwt, "organisationId");
        switch (Access.decide(method, segments, uri.getQueryParameters(), roles, organisationId)) {
            case FORBIDDEN:
                return ProblemResponses.of(403, "FORBIDDEN", "Forbidden",
                        "Your roles " + roles + " do not allow " + method + " /api/v1/" + String.join("/", segments), null);
            case NOT_FOUND:
                return notFound();
            default:
                break;
        }

        Map<String, String> forwarded = new LinkedHashMap<>();
        for (String name : REQUEST_HEADERS) {
            String value = headers.getHeaderString(name);
            if (value != null) {
                forwarded.put(name, value);
            }
        }
        forwarded.put(REQUEST_ID, requestId);
        forwarded.put("X-Centrale-User", jwt.getName() == null ? String.valueOf(jwt.getSubject()) : jwt.getName());
        forwarded.put("X-Centrale-Roles", String.join(",", roles));
        if (organisationId != null) {
            forwarded.put("X-Centrale-Organisation", organisationId);
        }

        URI request = uri.getRequestUri();
        String rawQuery = request.getRawQuery();
        URI target = URI.create(route.baseUrl(config) + request.getRawPath() + (rawQuery == null ? "" : "?" + rawQuery));
        return forwarder.forward(route, method, target, forwarded, body, uri.getBaseUri());
    }

    private static String claim(JsonWebToken jwt, String name) {
        Object value = jwt.getClaim(name);
        if (value == null) {
            return null;
        }
        String text = value instanceof jakarta.json.JsonString s ? s.getString() : value.toString();
        return text.isBlank() ? null : text;
    }

    private static Response notFound() {
        return ProblemResponses.of(404, "NOT_FOUND", "Not Found", "No resource at this address", null);
    }

    private static Response unauthorized(String detail) {
        Response response = ProblemResponses.of(401, "UNAUTHORIZED", "Unauthorized", detail, null);
        response.getHeaders().putSingle("WWW-Authenticate", "Bearer");
        return response;
    }
}
