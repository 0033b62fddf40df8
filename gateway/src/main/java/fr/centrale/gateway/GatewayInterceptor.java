package fr.centrale.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.centrale.common.identity.Access;
import fr.centrale.common.problem.Problem;
import fr.centrale.common.problem.ProblemResponses;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.VertxException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.streams.ReadStream;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;

/**
 * What makes the reverse proxy the gateway, as one {@link ProxyInterceptor} of {@code vertx-http-proxy}.
 * <p>
 * On the way in ({@link #handleProxyRequest}): the service owning the first path segment ({@link Route}, else
 * 404), the bearer token (checked by smallrye-jwt's parser, remembered once valid: {@link CachingJwtParser}; none
 * or invalid: 401), the roles ({@link Access}: 403, or 404 for an adherent naming another organisation), then the
 * request as the service gets it: its base path before the raw path and query, only the allowed headers, the
 * identity headers made from the token, {@code X-Request-Id}. A refused request is answered here and reaches no
 * service. The service's answer is read whole before anything is sent back, so that a service failing half-way
 * still gives a clean 503; no answer at all within the read timeout gives 504 (both problem+json).
 * <p>
 * On the way out ({@link #handleProxyResponse}): only the allowed headers of the service's answer, its
 * {@code Location} moved onto the gateway, and the request id.
 */
final class GatewayInterceptor implements ProxyInterceptor {

    private static final Logger LOG = Logger.getLogger(GatewayInterceptor.class);

    /** Request headers passed on to the services. */
    static final List<String> REQUEST_HEADERS = List.of(
            "Content-Type", "Accept", "Accept-Language", "Idempotency-Key", "If-Match", "If-None-Match",
            "traceparent", "tracestate");

    /** Response headers passed back to the client (Location is rewritten first). */
    static final List<String> RESPONSE_HEADERS = List.of(
            "Content-Type", "Content-Disposition", "X-Request-Id", "ETag", "Idempotent-Replayed", "Retry-After");

    static final String REQUEST_ID = "X-Request-Id";
    static final String USER = "X-Centrale-User";
    static final String ROLES = "X-Centrale-Roles";
    static final String ORGANISATION = "X-Centrale-Organisation";

    private static final String PREFIX = "/api/v1";
    private static final String BEARER = "Bearer ";

    /** What the interceptor keeps in the {@link ProxyContext} of a request. */
    private static final String SERVICE = "centrale.service";
    private static final String FROM_SERVICE = "centrale.from-service";
    private static final String ID = "centrale.request-id";

    private final GatewayConfig config;
    private final CachingJwtParser tokens;
    private final ObjectMapper json;
    private final Map<Route, Service> services = new EnumMap<>(Route.class);

    GatewayInterceptor(GatewayConfig config, CachingJwtParser tokens, ObjectMapper json) {
        this.config = config;
        this.tokens = tokens;
        this.json = json;
        for (Route route : Route.values()) {
            services.put(route, Service.of(route, config));
        }
    }

    /** The service chosen for this request by {@link #handleProxyRequest}. */
    Service service(ProxyContext context) {
        return context.get(SERVICE, Service.class);
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        ProxyRequest request = context.request();
        HttpServerRequest in = request.proxiedRequest();
        String requestId = in.getHeader(REQUEST_ID);
        if (requestId == null || requestId.isBlank()) {
            requestId = newRequestId();
        }
        context.set(ID, requestId);

        String path = in.path();
        List<String> segments = path.startsWith(PREFIX) ? segments(path.substring(PREFIX.length())) : null;
        Route route = segments == null || segments.isEmpty() ? null : Route.ofSegment(segments.get(0)).orElse(null);
        if (route == null) {
            return answer(context, notFound());
        }

        String authorization = in.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return answer(context, unauthorized("A bearer token is required"));
        }
        Caller caller;
        try {
            caller = tokens.caller(authorization.substring(BEARER.length()).trim());
        } catch (Exception e) { // ParseException: a bad signature, issuer, expiry; or no key configured
            LOG.debugf("A bearer token was refused: %s", e);
            return answer(context, unauthorized("The bearer token is invalid or expired"));
        }

        String method = in.method().name();
        Set<String> roles = caller.roles();
        String organisationId = caller.organisationId();
        switch (Access.decide(method, segments, query(in.query()), roles, organisationId)) {
            case FORBIDDEN:
                return answer(context, problem(403, "FORBIDDEN", "Forbidden",
                        "Your roles " + roles + " do not allow " + method + " " + PREFIX + "/" + String.join("/", segments)));
            case NOT_FOUND:
                return answer(context, notFound());
            default:
                break;
        }

        Service service = services.get(route);
        context.set(SERVICE, service);
        String query = in.query();
        request.setURI(service.basePath() + path + (query == null ? "" : "?" + query));
        MultiMap headers = request.headers();
        List<String> kept = new ArrayList<>(REQUEST_HEADERS.size() * 2);
        for (String name : REQUEST_HEADERS) {
            for (String value : headers.getAll(name)) {
                kept.add(name);
                kept.add(value);
            }
        }
        headers.clear(); // Authorization, Cookie, X-Centrale-* of the client...: the service gets none of them
        for (int i = 0; i < kept.size(); i += 2) {
            headers.add(kept.get(i), kept.get(i + 1));
        }
        headers.set(REQUEST_ID, requestId);
        headers.set(USER, caller.user());
        headers.set(ROLES, caller.rolesHeader());
        if (organisationId != null) {
            headers.set(ORGANISATION, organisationId);
        }

        String logMethod = method;
        return context.sendRequest()
                .compose(GatewayInterceptor::readWhole)
                .map(response -> {
                    context.set(FROM_SERVICE, Boolean.TRUE);
                    return response;
                })
                .recover(failure -> answer(context, failed(service, logMethod, path, failure)));
    }

    @Override
    public Future<Void> handleProxyResponse(ProxyContext context) {
        ProxyResponse response = context.response();
        MultiMap headers = response.headers();
        if (Boolean.TRUE.equals(context.get(FROM_SERVICE, Boolean.class))) {
            String location = headers.get(HttpHeaders.LOCATION);
            List<String> kept = new ArrayList<>(RESPONSE_HEADERS.size() * 2 + 2);
            for (String name : RESPONSE_HEADERS) {
                String value = headers.get(name);
                if (value != null) {
                    kept.add(name);
                    kept.add(value);
                }
            }
            if (location != null) {
                HttpServerRequest in = context.request().proxiedRequest();
                kept.add("Location");
                kept.add(rewriteLocation(location, service(context).baseUrl(), in.scheme() + "://" + in.authority()));
            }
            headers.clear();
            for (int i = 0; i < kept.size(); i += 2) {
                headers.add(kept.get(i), kept.get(i + 1));
            }
        }
        if (!headers.contains(REQUEST_ID)) {
            headers.set(REQUEST_ID, context.get(ID, String.class));
        }
        return context.sendResponse();
    }

    /**
     * A random version-4 UUID for a request that came without an id. It names a request in the logs, it guards nothing:
     * {@link ThreadLocalRandom} rather than {@link UUID#randomUUID()}, whose {@code SecureRandom} costs a digest per call.
     */
    static String newRequestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new UUID((random.nextLong() & 0xFFFFFFFFFFFF0FFFL) | 0x0000000000004000L,
                (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L).toString();
    }

    /**
     * The path segments after {@code /api/v1}, percent-decoded (the route and the roles are decided on the
     * decoded path; the service gets the raw one), or null when one of them is {@code .} or {@code ..}: such a
     * path is never forwarded (404).
     */
    static List<String> segments(String rawPath) {
        if (!rawPath.isEmpty() && rawPath.charAt(0) != '/') {
            return null; // /api/v1x...
        }
        List<String> segments = new ArrayList<>();
        for (String raw : rawPath.split("/")) {
            String segment = raw.indexOf('%') >= 0 ? QueryStringDecoder.decodeComponent(raw.replace("+", "%2B")) : raw;
            if (segment.equals(".") || segment.equals("..")) {
                return null;
            }
            if (!segment.isEmpty()) {
                segments.add(segment);
            }
        }
        return segments;
    }

    /** The decoded query parameters. */
    private static Map<String, List<String>> query(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return Map.of();
        }
        return new QueryStringDecoder(rawQuery, StandardCharsets.UTF_8, false).parameters();
    }

    /**
     * A service's answer with its body read whole: the status is sent only once the whole answer came (a
     * service failing half-way gives a 503, not a truncated 200).
     */
    private static Future<ProxyResponse> readWhole(ProxyResponse response) {
        Body body = response.getBody();
        if (body == null) {
            return Future.succeededFuture(response);
        }
        Promise<ProxyResponse> whole = Promise.promise();
        Buffer bytes = Buffer.buffer(body.length() > 0 ? (int) Math.min(body.length(), Integer.MAX_VALUE) : 256);
        ReadStream<Buffer> stream = body.stream();
        stream.exceptionHandler(whole::tryFail);
        stream.handler(bytes::appendBuffer);
        stream.endHandler(end -> whole.tryComplete(response.setBody(
                bytes.length() == 0 && noBodyAllowed(response.getStatusCode()) ? null : Body.body(bytes))));
        stream.resume();
        return whole.future();
    }

    private static boolean noBodyAllowed(int status) {
        return status == 204 || status == 304 || status < 200;
    }

    /**
     * No answer within the read timeout: 504. Any other failure (connection refused or not opened in time,
     * unknown host, the connection closed before the whole answer came, a base URL without a host): 503.
     */
    private Problem failed(Service service, String method, String path, Throwable failure) {
        if (failure instanceof TimeoutException) {
            LOG.warnf("%s did not answer %s %s within %s", service.name(), method, service.baseUrl() + path,
                    config.readTimeout());
            return problem(504, "GATEWAY_TIMEOUT", "Gateway timeout", service.name() + " did not answer in time");
        }
        if (failure instanceof IOException || failure instanceof VertxException
                || failure instanceof IllegalArgumentException) {
            LOG.warnf("%s is unavailable: %s", service.name(), failure.toString());
        } else {
            LOG.warnf(failure, "%s is unavailable", service.name()); // not a network failure: the stack tells more
        }
        return problem(503, "SERVICE_UNAVAILABLE", "Service unavailable", service.name() + " is unavailable; retry later");
    }

    /** The gateway's own answer, problem+json; the request's body, if any, is dropped. */
    private Future<ProxyResponse> answer(ProxyContext context, Problem problem) {
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            return Future.failedFuture(e);
        }
        ProxyResponse response = context.request().release().response()
                .setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .setBody(Body.body(Buffer.buffer(bytes)));
        if (problem.status() == 401) {
            response.putHeader("WWW-Authenticate", "Bearer");
        }
        return Future.succeededFuture(response);
    }

    /**
     * A Location pointing at the service (its configured base URL, or any absolute URL on an {@code /api/v1}
     * path) is rewritten onto the gateway's own base URL ({@code scheme://authority}); a relative one is kept.
     */
    static String rewriteLocation(String location, String serviceBase, String gatewayBase) {
        URI uri;
        try {
            uri = URI.create(location);
        } catch (IllegalArgumentException e) {
            return location;
        }
        if (!uri.isAbsolute()) {
            return location;
        }
        if (location.startsWith(serviceBase + "/")) {
            return gatewayBase + location.substring(serviceBase.length());
        }
        String rawPath = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (rawPath.startsWith(PREFIX + "/")) {
            return gatewayBase + rawPath + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        }
        return location;
    }

    private static Problem problem(int status, String code, String title, String detail) {
        return new Problem(ProblemResponses.typeOf(code), title, status, detail, code, null);
    }

    private static Problem notFound() {
        return problem(404, "NOT_FOUND", "Not Found", "No resource at this address");
    }

    private static Problem unauthorized(String detail) {
        return problem(401, "UNAUTHORIZED", "Unauthorized", detail);
    }
}
