package fr.centrale.gateway;

import fr.centrale.common.identity.Access;
import fr.centrale.common.problem.ProblemResponses;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Every {@code /api/v1/...} request goes to the service owning its first segment, once the bearer
 * token is checked against the roles ({@link Access}). Runs on the event loop: the token is checked
 * without blocking ({@link CurrentIdentityAssociation#getDeferredIdentity()}) and the {@link Forwarder}
 * answers asynchronously.
 */
@Path("/api/v1")
@NonBlocking
public class ProxyResource {

    /** Request headers passed on to the services. */
    static final List<String> REQUEST_HEADERS = List.of(
            "Content-Type", "Accept", "Accept-Language", "Idempotency-Key", "If-Match", "If-None-Match",
            "traceparent", "tracestate");

    static final String REQUEST_ID = "X-Request-Id";

    @Inject
    Forwarder forwarder;

    @Inject
    CurrentIdentityAssociation identities;

    @GET
    @Path("{path: .*}")
    @Operation(hidden = true)
    public Uni<Response> get(@PathParam("path") String path, @Context HttpHeaders headers, @Context UriInfo uri,
                             @Context HttpServerRequest request) {
        return handle("GET", path, null, headers, uri, request);
    }

    @POST
    @Path("{path: .*}")
    @Operation(hidden = true)
    public Uni<Response> post(@PathParam("path") String path, byte[] body, @Context HttpHeaders headers,
                              @Context UriInfo uri, @Context HttpServerRequest request) {
        return handle("POST", path, body, headers, uri, request);
    }

    @PUT
    @Path("{path: .*}")
    @Operation(hidden = true)
    public Uni<Response> put(@PathParam("path") String path, byte[] body, @Context HttpHeaders headers,
                             @Context UriInfo uri, @Context HttpServerRequest request) {
        return handle("PUT", path, body, headers, uri, request);
    }

    @PATCH
    @Path("{path: .*}")
    @Operation(hidden = true)
    public Uni<Response> patch(@PathParam("path") String path, byte[] body, @Context HttpHeaders headers,
                               @Context UriInfo uri, @Context HttpServerRequest request) {
        return handle("PATCH", path, body, headers, uri, request);
    }

    @DELETE
    @Path("{path: .*}")
    @Operation(hidden = true)
    public Uni<Response> delete(@PathParam("path") String path, @Context HttpHeaders headers, @Context UriInfo uri,
                                @Context HttpServerRequest request) {
        return handle("DELETE", path, null, headers, uri, request);
    }

    private Uni<Response> handle(String method, String path, byte[] body, HttpHeaders headers, UriInfo uri,
                                 HttpServerRequest request) {
        String requestId = requestId(headers);
        List<String> segments = segments(path);
        Route route = segments == null || segments.isEmpty() ? null : Route.ofSegment(segments.get(0)).orElse(null);
        if (route == null) {
            return Uni.createFrom().item(withRequestId(notFound(), requestId));
        }
        return identities.getDeferredIdentity()
                .onItemOrFailure().transformToUni((identity, failure) -> {
                    if (failure instanceof AuthenticationFailedException) {
                        return Uni.createFrom().item(unauthorized("The bearer token is invalid or expired"));
                    }
                    if (failure != null) {
                        return Uni.createFrom().failure(failure);
                    }
                    return decideThenForward(identity, route, method, segments, body, headers, uri, request, requestId);
                })
                .map(response -> withRequestId(response, requestId));
    }

    /**
     * The path segments after {@code /api/v1} (the path is split once), or null when one of them is
     * {@code .} or {@code ..}: such a path is never forwarded (404).
     */
    static List<String> segments(String path) {
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (segment.equals(".") || segment.equals("..")) {
                return null;
            }
            if (!segment.isEmpty()) {
                segments.add(segment);
            }
        }
        return segments;
    }

    private Uni<Response> decideThenForward(SecurityIdentity identity, Route route, String method, List<String> segments,
                                            byte[] body, HttpHeaders headers, UriInfo uri, HttpServerRequest request,
                                            String requestId) {
        if (identity == null || identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return Uni.createFrom().item(unauthorized("A bearer token is required"));
        }
        Set<String> roles = new TreeSet<>(identity.getRoles());
        String organisationId = claim(jwt, "organisationId");
        switch (Access.decide(method, segments, uri.getQueryParameters(), roles, organisationId)) {
            case FORBIDDEN:
                return Uni.createFrom().item(ProblemResponses.of(403, "FORBIDDEN", "Forbidden",
                        "Your roles " + roles + " do not allow " + method + " /api/v1/" + String.join("/", segments), null));
            case NOT_FOUND:
                return Uni.createFrom().item(notFound());
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

        String rawQuery = request.query();
        String pathAndQuery = rawQuery == null ? request.path() : request.path() + "?" + rawQuery;
        return forwarder.forward(route, method, pathAndQuery, forwarded, body, uri::getBaseUri);
    }

    /** The client's X-Request-Id, or a new one when it sent none. */
    private static String requestId(HttpHeaders headers) {
        String requestId = headers.getHeaderString(REQUEST_ID);
        return requestId == null || requestId.isBlank() ? UUID.randomUUID().toString() : requestId;
    }

    /** The client's X-Request-Id, or the one generated for it, unless the service answered with its own. */
    private static Response withRequestId(Response response, String requestId) {
        if (response.getHeaderString(REQUEST_ID) == null) {
            response.getHeaders().putSingle(REQUEST_ID, requestId);
        }
        return response;
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
