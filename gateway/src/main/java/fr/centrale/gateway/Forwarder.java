package fr.centrale.gateway;

import fr.centrale.common.problem.ProblemResponses;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.vertx.UniHelper;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.VertxException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Sends one request to a service and turns its answer, or its silence, into the gateway's answer.
 * Non-blocking: one Vert.x HTTP/1.1 client with a keep-alive pool of
 * {@code centrale.gateway.max-connections} connections per service, called from the event loop.
 */
@ApplicationScoped
@Startup
public class Forwarder {

    private static final Logger LOG = Logger.getLogger(Forwarder.class);

    /** Response headers passed back to the client (Location is rewritten first). */
    static final List<String> RESPONSE_HEADERS = List.of(
            "Content-Type", "Content-Disposition", "X-Request-Id", "ETag", "Idempotent-Replayed", "Retry-After");

    /** Where a service listens, worked out once from its base URL. */
    record Service(String name, String baseUrl, String host, int port, boolean ssl, String basePath) {

        /** A base URL that is not an {@code http(s)://host[:port][/path]} URL gives a service without host. */
        static Service of(Route route, GatewayConfig config) {
            String baseUrl = route.baseUrl(config);
            URI uri;
            try {
                uri = URI.create(baseUrl);
            } catch (IllegalArgumentException e) {
                uri = URI.create("");
            }
            boolean ssl = "https".equalsIgnoreCase(uri.getScheme());
            int port = uri.getPort() != -1 ? uri.getPort() : ssl ? 443 : 80;
            String basePath = uri.getRawPath() == null ? "" : uri.getRawPath();
            return new Service(route.serviceName(), baseUrl, uri.getHost(), port, ssl, basePath);
        }
    }

    @Inject
    GatewayConfig config;

    @Inject
    Vertx vertx;

    private final Map<Route, Service> services = new EnumMap<>(Route.class);

    private HttpClient client;

    /** {@link GatewayConfig#readTimeout()}, in milliseconds. */
    private long readTimeout;

    /**
     * A request waiting for a free connection (all {@code max-connections} busy) gives up after the
     * connect timeout and the read timeout together: 504. The connect timeout proper, once a
     * connection is being opened, is the client's ({@link HttpClientOptions#setConnectTimeout}): 503.
     */
    private long poolWaitTimeout;

    @PostConstruct
    void init() {
        readTimeout = config.readTimeout().toMillis();
        poolWaitTimeout = config.connectTimeout().plus(config.readTimeout()).toMillis();
        for (Route route : Route.values()) {
            services.put(route, Service.of(route, config));
        }
        HttpClientOptions options = new HttpClientOptions()
                .setProtocolVersion(HttpVersion.HTTP_1_1)
                .setKeepAlive(true)
                .setConnectTimeout(millis(config.connectTimeout()));
        client = vertx.httpClientBuilder()
                .with(options)
                .with(new PoolOptions().setHttp1MaxSize(config.maxConnections()))
                // a connection's failure is the failure of the request it carries, logged once by failed();
                // Vert.x would log it again at ERROR
                .withConnectHandler(connection -> connection.exceptionHandler(
                        failure -> LOG.debugf("A connection to a service failed: %s", failure)))
                .build();
    }

    @PreDestroy
    void close() {
        if (client != null) {
            client.close();
        }
    }

    /**
     * @param pathAndQuery the gateway's raw path and raw query ({@code /api/v1/...?...}), appended to the
     *                     service's base URL
     * @param headers the request headers to send
     * @param body the request body, or null
     * @param gatewayBase the gateway's own base URL (scheme and authority), asked for only when the
     *                    service answers with a Location
     */
    public Uni<Response> forward(Route route, String method, String pathAndQuery, Map<String, String> headers,
                                 byte[] body, Supplier<URI> gatewayBase) {
        Service service = services.get(route);
        if (service.host() == null) {
            return Uni.createFrom().item(failed(service, method, pathAndQuery,
                    new IllegalArgumentException(service.baseUrl() + " is not a URL with a host")));
        }
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.valueOf(method))
                .setHost(service.host())
                .setPort(service.port())
                .setSsl(service.ssl())
                .setURI(service.basePath() + pathAndQuery)
                .setConnectTimeout(poolWaitTimeout)
                .setIdleTimeout(readTimeout);
        Future<Response> answer = client.request(options)
                .compose(request -> {
                    headers.forEach(request::putHeader);
                    return body == null || body.length == 0 ? request.send() : request.send(Buffer.buffer(body));
                })
                .compose(response -> response.body().map(bytes -> new Answer(response, bytes)))
                .transform(result -> Future.succeededFuture(respond(service, method, pathAndQuery, result, gatewayBase)));
        return UniHelper.toUni(answer);
    }

    /** A service's answer, read in full. */
    private record Answer(HttpClientResponse response, Buffer body) {
    }

    private Response respond(Service service, String method, String pathAndQuery, AsyncResult<Answer> result,
                             Supplier<URI> gatewayBase) {
        if (result.failed()) {
            return failed(service, method, pathAndQuery, result.cause());
        }
        return translate(service, result.result(), gatewayBase);
    }

    /**
     * No answer within the read timeout: 504. Any other failure (connection refused or not opened in
     * time, unknown host, the connection closed before the whole answer came, a base URL without a
     * host): 503.
     */
    private Response failed(Service service, String method, String pathAndQuery, Throwable failure) {
        if (failure instanceof TimeoutException) {
            LOG.warnf("%s did not answer %s %s within %s", service.name(), method, service.baseUrl() + pathAndQuery,
                    config.readTimeout());
            return ProblemResponses.of(504, "GATEWAY_TIMEOUT", "Gateway timeout",
                    service.name() + " did not answer in time", null);
        }
        if (failure instanceof IOException || failure instanceof VertxException
                || failure instanceof IllegalArgumentException) {
            LOG.warnf("%s is unavailable: %s", service.name(), failure.toString());
        } else {
            LOG.warnf(failure, "%s is unavailable", service.name()); // not a network failure: the stack tells more
        }
        return ProblemResponses.of(503, "SERVICE_UNAVAILABLE", "Service unavailable",
                service.name() + " is unavailable; retry later", null);
    }

    private Response translate(Service service, Answer answer, Supplier<URI> gatewayBase) {
        MultiMap headers = answer.response().headers();
        Response.ResponseBuilder out = Response.status(answer.response().statusCode());
        for (String name : RESPONSE_HEADERS) {
            String value = headers.get(name);
            if (value != null) {
                out.header(name, value);
            }
        }
        String location = headers.get("Location");
        if (location != null) {
            out.header("Location", rewriteLocation(location, service.baseUrl(), gatewayBase.get()));
        }
        if (answer.body().length() > 0) {
            out.entity(answer.body());
        }
        return out.build();
    }

    /**
     * A Location pointing at the service (its configured base URL, or any absolute URL on an
     * {@code /api/v1} path) is rewritten onto the gateway's own base URL; a relative one is kept.
     */
    static String rewriteLocation(String location, String serviceBase, URI gatewayBase) {
        URI uri;
        try {
            uri = URI.create(location);
        } catch (IllegalArgumentException e) {
            return location;
        }
        if (!uri.isAbsolute()) {
            return location;
        }
        String base = gatewayBase.getScheme() + "://" + gatewayBase.getRawAuthority();
        if (location.startsWith(serviceBase + "/")) {
            return base + location.substring(serviceBase.length());
        }
        String rawPath = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (rawPath.startsWith("/api/v1/")) {
            return base + rawPath + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        }
        return location;
    }

    private static int millis(Duration duration) {
        return (int) Math.min(Integer.MAX_VALUE, duration.toMillis());
    }
}
