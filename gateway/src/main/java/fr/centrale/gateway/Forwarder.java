package fr.centrale.gateway;

import fr.centrale.common.problem.ProblemResponses;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.List;
import java.util.Map;

/** Sends one request to a service and turns its answer, or its silence, into the gateway's answer. */
@ApplicationScoped
public class Forwarder {

    private static final Logger LOG = Logger.getLogger(Forwarder.class);

    /** Response headers passed back to the client (Location is rewritten first). */
    static final List<String> RESPONSE_HEADERS = List.of(
            "Content-Type", "Content-Disposition", "X-Request-Id", "ETag", "Idempotent-Replayed", "Retry-After");

    @Inject
    GatewayConfig config;

    private HttpClient client;

    @PostConstruct
    void init() {
        client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * @param target the service's URL for this request (base, raw path and raw query)
     * @param headers the request headers to send
     * @param gatewayBase the gateway's own base URL (scheme and authority), for Location
     */
    public Response forward(Route route, String method, URI target, Map<String, String> headers, byte[] body,
                            URI gatewayBase) {
        HttpRequest.BodyPublisher publisher = body == null || body.length == 0
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(target)
                .timeout(config.readTimeout())
                .method(method, publisher);
        headers.forEach(request::header);
        HttpResponse<byte[]> answer;
        try {
            answer = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpConnectTimeoutException | ConnectException e) {
            return unavailable(route, e);
        } catch (HttpTimeoutException e) {
            LOG.warnf("%s did not answer %s %s within %s", route.serviceName(), method, target, config.readTimeout());
            return ProblemResponses.of(504, "GATEWAY_TIMEOUT", "Gateway timeout",
                    route.serviceName() + " did not answer in time", null);
        } catch (IOException e) {
            return unavailable(route, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unavailable(route, e);
        } catch (IllegalArgumentException e) {
            return unavailable(route, e);
        }
        return translate(route, answer, gatewayBase);
    }

    private Response unavailable(Route route, Exception e) {
        LOG.warnf("%s is unavailable: %s", route.serviceName(), e.toString());
        return ProblemResponses.of(503, "SERVICE_UNAVAILABLE", "Service unavailable",
                route.serviceName() + " is unavailable; retry later", null);
    }

    private Response translate(Route route, HttpResponse<byte[]> answer, URI gatewayBase) {
        Response.ResponseBuilder out = Response.status(answer.statusCode());
        for (String name : RESPONSE_HEADERS) {
            answer.headers().firstValue(name).ifPresent(value -> out.header(name, value));
        }
        answer.headers().firstValue("Location")
                .ifPresent(location -> out.header("Location", rewriteLocation(location, route.baseUrl(config), gatewayBase)));
        byte[] body = answer.body();
        if (body != null && body.length > 0) {
            out.entity(body);
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
}
