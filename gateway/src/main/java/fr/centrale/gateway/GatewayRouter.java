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
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every {@code /api/v1/...} request, routed on the Vert.x event loop straight to Vert.x's reverse proxy
 * ({@code io.vertx:vertx-http-proxy}): no REST layer, no worker thread. What makes it the gateway (the route
 * table, the token, the roles, the headers, the 503/504 answers) is its {@link GatewayInterceptor}; the proxy
 * streams the request body to the service and sends the answer back.
 * <p>
 * The services are reached through a Vert.x HTTP/1.1 client <em>per event loop</em>, made on that event loop and used
 * only from it: the connections it opens live on the event loop of the requests they carry, so a request and its
 * answer never cross from one event loop thread to another (each crossing costs a task hand-over and a wake-up of the
 * other thread). Together they keep up to {@code centrale.gateway.max-connections} keep-alive connections open to each
 * service, shared evenly among the event loops.
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

    /** The proxy of each event loop thread, with its own client ({@link #proxyOfThisThread}). */
    private final Map<Thread, HttpProxy> proxies = new ConcurrentHashMap<>();
    private final List<HttpClient> clients = new CopyOnWriteArrayList<>();
    private GatewayInterceptor gate;
    /** Connections each event loop's client keeps open to a service. */
    private int connectionsPerLoop;

    /** Waiting for a free connection, at most (ms). */
    private long poolWait;

    /** {@link GatewayConfig#readTimeout()} (ms). */
    private long readTimeout;

    void routes(@Observes Router router) {
        poolWait = config.connectTimeout().plus(config.readTimeout()).toMillis();
        readTimeout = config.readTimeout().toMillis();
        int loops = ConfigProvider.getConfig().getOptionalValue("quarkus.vertx.event-loops-pool-size", Integer.class)
                .orElse(2 * Runtime.getRuntime().availableProcessors()); // Quarkus' default
        connectionsPerLoop = Math.max(1, (config.maxConnections() + loops - 1) / loops);
        gate = new GatewayInterceptor(config, tokens, json);
        router.route("/api/v1/*").order(ORDER).handler(routing -> {
            // the body stays in the socket until the proxy pipes it to the service (or drops it, when refused)
            routing.request().pause();
            proxyOfThisThread().handle(routing.request());
        });
    }

    /** This event loop's proxy, made on its first request: its client's connections then live on this event loop. */
    private HttpProxy proxyOfThisThread() {
        return proxies.computeIfAbsent(Thread.currentThread(), thread -> {
            HttpClient client = vertx.httpClientBuilder()
                    .with(new HttpClientOptions()
                            .setProtocolVersion(HttpVersion.HTTP_1_1)
                            .setKeepAlive(true)
                            .setConnectTimeout(millis(config.connectTimeout())))
                    .with(new PoolOptions().setHttp1MaxSize(connectionsPerLoop))
                    // a connection's failure is the failure of the request it carries, logged once by the
                    // interceptor; Vert.x would log it again at ERROR
                    .withConnectHandler(connection -> connection.exceptionHandler(
                            failure -> LOG.debugf("A connection to a service failed: %s", failure)))
                    .build();
            clients.add(client);
            return HttpProxy.reverseProxy(new ProxyOptions().setSupportWebSocket(false), client)
                    .origin(context -> origin(context, gate))
                    .addInterceptor(gate);
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
        clients.forEach(HttpClient::close);
    }

    private static int millis(Duration duration) {
        return (int) Math.min(Integer.MAX_VALUE, duration.toMillis());
    }
}
