package fr.centrale.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * Every {@code /api/v1/...} request, routed on the Vert.x event loop straight to Vert.x's reverse proxy
 * ({@code io.vertx:vertx-http-proxy}): no REST layer, no worker thread. What makes it the gateway (the route
 * table, the token, the roles, the headers, the 503/504 answers) is its {@link GatewayInterceptor}; the proxy
 * streams the request body to the service and sends the answer back.
 * <p>
 * The services are reached through one Vert.x HTTP/1.1 client keeping up to
 * {@code centrale.gateway.max-connections} keep-alive connections open to each.
 */
@ApplicationScoped
public class GatewayRouter {

    private static final Logger LOG = Logger.getLogger(GatewayRouter.class);

    /** Ahead of the REST layer's catch-all route, which answers the paths outside {@code /api/v1}. */
    static final int ORDER = RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT;

    @Inject
    GatewayConfig config;

    @Inject
    Vertx vertx;

    @Inject
    CachingJwtParser tokens;

    @Inject
    ObjectMapper json;

    private HttpClient client;

    /** Waiting for a free connection, at most (ms). */
    private long poolWait;

    /** {@link GatewayConfig#readTimeout()} (ms). */
    private long readTimeout;

    void routes(@Observes Router router) {
        poolWait = config.connectTimeout().plus(config.readTimeout()).toMillis();
        readTimeout = config.readTimeout().toMillis();
        client = vertx.httpClientBuilder()
                .with(new HttpClientOptions()
                        .setProtocolVersion(HttpVersion.HTTP_1_1)
                        .setKeepAlive(true)
                        .setConnectTimeout(millis(config.connectTimeout())))
                .with(new PoolOptions().setHttp1MaxSize(config.maxConnections()))
                // a connection's failure is the failure of the request it carries, logged once by the
                // interceptor; Vert.x would log it again at ERROR
                .withConnectHandler(connection -> connection.exceptionHandler(
                        failure -> LOG.debugf("A connection to a service failed: %s", failure)))
                .build();
        GatewayInterceptor gate = new GatewayInterceptor(config, tokens, json);
        HttpProxy proxy = HttpProxy.reverseProxy(new ProxyOptions().setSupportWebSocket(false), client)
                .origin(context -> origin(context, gate))
                .addInterceptor(gate);
        router.route("/api/v1/*").order(ORDER).handler(routing -> {
            // the body stays in the socket until the proxy pipes it to the service (or drops it, when refused)
            routing.request().pause();
            proxy.handle(routing.request());
        });
    }

    /**
     * A request to the service the interceptor chose. Waiting for a free connection (all
     * {@code max-connections} busy) ends after the connect timeout and the read timeout together: 504;
     * opening a connection, after the client's connect timeout: 503. Once sent, the service may stay silent
     * for the read timeout (before its status or between two parts of its answer): 504.
     */
    private Future<HttpClientRequest> origin(ProxyContext context, GatewayInterceptor gate) {
        Service service = gate.service(context);
        if (service == null || service.host() == null) {
            return Future.failedFuture(new IllegalArgumentException(
                    (service == null ? "no service" : service.baseUrl()) + " is not a URL with a host"));
        }
        return context.client().request(new RequestOptions()
                .setHost(service.host())
                .setPort(service.port())
                .setSsl(service.ssl())
                .setConnectTimeout(poolWait)
                .setIdleTimeout(readTimeout));
    }

    @PreDestroy
    void close() {
        if (client != null) {
            client.close();
        }
    }

    private static int millis(Duration duration) {
        return (int) Math.min(Integer.MAX_VALUE, duration.toMillis());
    }
}
