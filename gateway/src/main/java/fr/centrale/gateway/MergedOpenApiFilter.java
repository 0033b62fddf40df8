package fr.centrale.gateway;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.openapi.api.SmallRyeOpenAPI;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Paths;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;
import org.eclipse.microprofile.openapi.models.tags.Tag;
import org.jboss.logging.Logger;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;

/**
 * The gateway's {@code /q/openapi}: every path, component and tag of the three services' own
 * documents (fetched from their {@code /q/openapi?format=json}, kept {@code centrale.gateway.openapi-cache}
 * long), plus the bearer JWT security scheme. A service that does not answer is left out; the rest
 * is still served. Runs on each request ({@link OpenApiFilter.RunStage#RUNTIME_PER_REQUEST}).
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.RUNTIME_PER_REQUEST)
public class MergedOpenApiFilter implements OASFilter {

    private static final Logger LOG = Logger.getLogger(MergedOpenApiFilter.class);

    public static final String SECURITY_SCHEME = "bearerJwt";

    private record Cached(byte[] json, long fetchedAt) {
    }

    private static final Map<Route, Cached> CACHE = new EnumMap<>(Route.class);

    private static final Config EMPTY_CONFIG = new SmallRyeConfigBuilder().build();

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        for (Map.Entry<Route, byte[]> doc : fetchAll().entrySet()) {
            try {
                OpenAPI service = SmallRyeOpenAPI.builder()
                        .withConfig(EMPTY_CONFIG)
                        .withCustomStaticFile(() -> new ByteArrayInputStream(doc.getValue()))
                        .enableModelReader(false)
                        .enableStandardStaticFiles(false)
                        .enableAnnotationScan(false)
                        .enableStandardFilter(false)
                        .build()
                        .model();
                merge(openAPI, service);
            } catch (RuntimeException e) {
                LOG.warnf("The OpenAPI document of %s could not be read: %s", doc.getKey().serviceName(), e.toString());
            }
        }
        addSecurity(openAPI);
        openAPI.setServers(List.of(OASFactory.createServer().url("/")
                .description("this gateway")));
    }

    /** Adds every path, component and tag of {@code service} that {@code target} lacks. */
    static void merge(OpenAPI target, OpenAPI service) {
        if (service.getPaths() != null && service.getPaths().getPathItems() != null) {
            Paths paths = target.getPaths();
            if (paths == null) {
                paths = OASFactory.createPaths();
                target.setPaths(paths);
            }
            Paths into = paths;
            service.getPaths().getPathItems().forEach(into::addPathItem);
        }
        Components from = service.getComponents();
        if (from != null) {
            Components to = target.getComponents();
            if (to == null) {
                to = OASFactory.createComponents();
                target.setComponents(to);
            }
            copy(from.getSchemas(), to.getSchemas(), to::addSchema);
            copy(from.getResponses(), to.getResponses(), to::addResponse);
            copy(from.getParameters(), to.getParameters(), to::addParameter);
            copy(from.getExamples(), to.getExamples(), to::addExample);
            copy(from.getRequestBodies(), to.getRequestBodies(), to::addRequestBody);
            copy(from.getHeaders(), to.getHeaders(), to::addHeader);
            copy(from.getSecuritySchemes(), to.getSecuritySchemes(), to::addSecurityScheme);
            copy(from.getLinks(), to.getLinks(), to::addLink);
            copy(from.getCallbacks(), to.getCallbacks(), to::addCallback);
        }
        if (service.getTags() != null) {
            for (Tag tag : service.getTags()) {
                boolean known = target.getTags() != null
                        && target.getTags().stream().anyMatch(t -> t.getName().equals(tag.getName()));
                if (!known) {
                    target.addTag(tag);
                }
            }
        }
    }

    private static <T> void copy(Map<String, T> from, Map<String, T> existing, BiConsumer<String, T> add) {
        if (from == null) {
            return;
        }
        from.forEach((name, value) -> {
            if (existing == null || !existing.containsKey(name)) {
                add.accept(name, value);
            }
        });
    }

    private static void addSecurity(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        // The only scheme: smallrye-jwt's automatic one ("SecurityScheme") would be a second Authorize form
        // whose token no operation sends.
        openAPI.getComponents().setSecuritySchemes(new java.util.LinkedHashMap<>());
        openAPI.getComponents().addSecurityScheme(SECURITY_SCHEME, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP)
                .scheme("bearer")
                .bearerFormat("JWT")
                .description("RS256 token issued by `centrale`; roles in `groups`: admin, finance, reader, adherent "
                        + "(adherent tokens carry `organisationId`)"));
        openAPI.setSecurity(List.of(OASFactory.createSecurityRequirement().addScheme(SECURITY_SCHEME)));
    }

    /** Each service's document, from the cache or fetched in parallel; a silent service is absent. */
    private static Map<Route, byte[]> fetchAll() {
        Config config = ConfigProvider.getConfig();
        Duration ttl = config.getOptionalValue("centrale.gateway.openapi-cache", Duration.class).orElse(Duration.ofSeconds(30));
        Duration connect = config.getOptionalValue("centrale.gateway.connect-timeout", Duration.class).orElse(Duration.ofSeconds(1));
        Duration read = config.getOptionalValue("centrale.gateway.read-timeout", Duration.class).orElse(Duration.ofSeconds(10));
        Map<Route, String> urls = Map.of(
                Route.MEMBERSHIP, config.getOptionalValue("centrale.gateway.membership-url", String.class).orElse("http://localhost:8081"),
                Route.CONVENTION, config.getOptionalValue("centrale.gateway.convention-url", String.class).orElse("http://localhost:8082"),
                Route.BILLING, config.getOptionalValue("centrale.gateway.billing-url", String.class).orElse("http://localhost:8083"));
        long now = System.currentTimeMillis();
        Map<Route, byte[]> docs = new EnumMap<>(Route.class);
        Map<Route, CompletableFuture<HttpResponse<byte[]>>> pending = new EnumMap<>(Route.class);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connect).build();
        synchronized (CACHE) {
            for (Route route : Route.values()) {
                Cached cached = CACHE.get(route);
                if (cached != null && now - cached.fetchedAt() < ttl.toMillis()) {
                    docs.put(route, cached.json());
                } else {
                    String base = urls.get(route);
                    base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
                    HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/q/openapi?format=json"))
                            .header("Accept", "application/json").timeout(read).GET().build();
                    pending.put(route, client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()));
                }
            }
        }
        pending.forEach((route, future) -> {
            try {
                HttpResponse<byte[]> response = future.join();
                if (response.statusCode() == 200) {
                    docs.put(route, response.body());
                    synchronized (CACHE) {
                        CACHE.put(route, new Cached(response.body(), now));
                    }
                } else {
                    LOG.warnf("%s answered %d for its OpenAPI document", route.serviceName(), response.statusCode());
                }
            } catch (RuntimeException e) {
                LOG.warnf("%s did not give its OpenAPI document: %s", route.serviceName(), e.toString());
            }
        });
        return docs;
    }

    /** Forgets the fetched documents (tests). */
    public static void clearCache() {
        synchronized (CACHE) {
            CACHE.clear();
        }
    }

}
