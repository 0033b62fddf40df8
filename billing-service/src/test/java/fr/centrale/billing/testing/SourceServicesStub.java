package fr.centrale.billing.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import fr.centrale.common.billing.BillableItem;
import fr.centrale.common.identity.IdentityFilter;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * One fake for both membership-service and convention-service (WireMock on a free port) for the
 * module's {@code @QuarkusTest}s, which points {@code quarkus.rest-client.membership.url} and
 * {@code quarkus.rest-client.convention.url} at it (their paths do not overlap). Registered for every
 * test by {@link TestResources}.
 *
 * <p>Out of the box it knows nothing: every organisation and purchasing body answers 404
 * (problem+json), both billing feeds are empty ({@code {"items":[],"nextCursor":null}}), the lists
 * of memberships and conventions are empty pages, and every billing schedule answers 404. Tests stub
 * what they need with the static helpers, and call {@link #reset()} (e.g. in {@code @BeforeEach}) to
 * go back to that state. {@link #server()} gives the WireMock server itself for anything else
 * (faults, delays, request verification).
 *
 * <p>Every helper can be called again: it replaces what the same helper stubbed before for the same
 * resource (fixed stub ids), and always wins over the defaults (which have a lower priority).
 *
 * <p>Like the real services with {@code centrale.identity.required=true}, both answer 401 to a
 * request that does not carry the caller's roles ({@code X-Centrale-Roles}), whatever is stubbed.
 */
public class SourceServicesStub implements QuarkusTestResourceLifecycleManager {

    public static final String ORGANISATIONS = "/api/v1/organisations";
    public static final String PURCHASING_BODIES = "/api/v1/purchasing-bodies";
    public static final String MEMBERSHIPS = "/api/v1/memberships";
    public static final String MEMBERSHIP_ITEMS = MEMBERSHIPS + "/billable-items";
    public static final String CONVENTIONS = "/api/v1/conventions";
    public static final String CONVENTION_ITEMS = CONVENTIONS + "/billable-items";

    /** What {@link #stubPurchasingBody} gives every purchasing body besides its code, name, term and court. */
    public static final String BODY_SIRET = "13001234500012";
    public static final String BODY_STREET = "47 rue de Lille";
    public static final String BODY_POSTAL_CODE = "75007";
    public static final String BODY_CITY = "Paris";

    /** Lower priority than the default (5), so that any specific stub wins over the defaults. */
    private static final int DEFAULTS_PRIORITY = 100;

    /** Higher priority than any stub: a request without identity is refused whatever is stubbed. */
    private static final int IDENTITY_PRIORITY = 1;

    private static final String SCHEDULE_PATH = "/([0-9a-fA-F-]{36})/billing-schedule";

    static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private static volatile WireMockServer server;

    @Override
    public Map<String, String> start() {
        WireMockServer started = new WireMockServer(wireMockConfig().dynamicPort().extensions(new SourceItems()));
        started.start();
        server = started;
        stubDefaults();
        return Map.of(
                "quarkus.rest-client.membership.url", started.baseUrl(),
                "quarkus.rest-client.convention.url", started.baseUrl());
    }

    @Override
    public void stop() {
        WireMockServer running = server;
        if (running != null) {
            running.stop();
            server = null;
        }
    }

    /** The running WireMock server. */
    public static WireMockServer server() {
        WireMockServer running = server;
        if (running == null) {
            throw new IllegalStateException("SourceServicesStub is not started: is the test a @QuarkusTest?");
        }
        return running;
    }

    /** Forgets every stub and recorded request, then installs the defaults again (404, empty feeds and lists). */
    public static void reset() {
        server().resetAll();
        stubDefaults();
    }

    // ---- membership-service: organisations and purchasing bodies ----

    /**
     * membership-service knows this organisation (GET /api/v1/organisations/{id}). The Chorus Pro
     * references are left out of the answer when both are null, as membership-service does.
     */
    public static void stubOrganisation(UUID id, String name, String siret, String street, String postalCode,
                                        String city, String chorusEj, String chorusServiceCode) {
        stubOrganisation(id, name, siret, street, postalCode, city, chorusEj, chorusServiceCode, "COMMUNE");
    }

    /** As above, of the given category (membership-service's, e.g. DEPARTEMENT, ESPIC). */
    public static void stubOrganisation(UUID id, String name, String siret, String street, String postalCode,
                                        String city, String chorusEj, String chorusServiceCode, String category) {
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("street", street);
        address.put("postalCode", postalCode);
        address.put("city", city);
        Map<String, Object> chorus = null;
        if (chorusEj != null || chorusServiceCode != null) {
            chorus = new LinkedHashMap<>();
            chorus.put("legalCommitment", chorusEj);
            chorus.put("serviceCode", chorusServiceCode);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id.toString());
        body.put("name", name);
        body.put("siret", siret);
        body.put("siren", siret == null || siret.length() < 9 ? null : siret.substring(0, 9));
        body.put("category", category);
        body.put("population", 25_000);
        body.put("headcount", null);
        body.put("finess", null);
        body.put("address", address);
        body.put("departement", postalCode == null || postalCode.length() < 2 ? null
                : postalCode.startsWith("97") ? postalCode.substring(0, 3) : postalCode.substring(0, 2));
        body.put("chorus", chorus);
        body.put("contacts", List.of());
        body.put("createdAt", "2025-01-15T09:30:00Z");
        body.put("updatedAt", "2025-01-15T09:30:00Z");
        body.put("version", 0);
        String path = ORGANISATIONS + "/" + id;
        replace(path, get(urlPathEqualTo(path)).willReturn(json(200, body)));
    }

    /**
     * membership-service knows this purchasing body by its code (GET /api/v1/purchasing-bodies/{code}),
     * with {@link #BODY_SIRET} and the address {@link #BODY_STREET}, {@link #BODY_POSTAL_CODE}
     * {@link #BODY_CITY}. A null court is left out, as membership-service does.
     */
    public static void stubPurchasingBody(String code, String name, int paymentTermDays, String court) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", UUID.nameUUIDFromBytes(("purchasing-body/" + code).getBytes(StandardCharsets.UTF_8)).toString());
        body.put("code", code);
        body.put("name", name);
        body.put("siret", BODY_SIRET);
        body.put("address", Map.of("street", BODY_STREET, "postalCode", BODY_POSTAL_CODE, "city", BODY_CITY));
        body.put("paymentTermDays", paymentTermDays);
        body.put("renewal", "TACIT_YEARLY");
        body.put("memberCategories", List.of());
        body.put("thirdPartyAllowed", false);
        body.put("territory", List.of());
        if (court != null) {
            body.put("court", court);
        }
        body.put("version", 0);
        String path = PURCHASING_BODIES + "/" + code;
        replace(path, get(urlPathEqualTo(path)).willReturn(json(200, body)));
    }

    // ---- the billable items of memberships and conventions ----

    /**
     * membership-service holds exactly these items (their {@code sourceType} is not checked), and
     * answers consistently from them:
     * <ul>
     *   <li>the feed {@code GET /api/v1/memberships/billable-items?through=&after=&size=}: the items
     *       with {@code issueOn <= through}, sorted by sourceId (in PostgreSQL's uuid order) then
     *       sequence, {@code size} memberships (sourceIds) a page, as the real service pages; the
     *       cursor is the sourceId of the page's last item, {@code nextCursor} null on the last page;</li>
     *   <li>the list {@code GET /api/v1/memberships?organisationId=&page=&size=}: one membership per
     *       sourceId with an item whose debtorId is that organisation;</li>
     *   <li>the schedules {@code GET /api/v1/memberships/{id}/billing-schedule?through=}: the items of
     *       that sourceId (issued on or before {@code through} when given), 404 for any other id.</li>
     * </ul>
     */
    public static void stubMembershipFeed(List<BillableItem> items) {
        stubSource("membership", MEMBERSHIPS, items, true);
    }

    /**
     * convention-service holds exactly these items; as {@link #stubMembershipFeed(List)}, for
     * {@code /api/v1/conventions/...}. A convention is listed for every organisation that is the
     * debtor of one of its items (signatory or beneficiary), and its schedule holds every item
     * (whatever the debtor and the issue date: convention-service takes no {@code through} there).
     */
    public static void stubConventionFeed(List<BillableItem> items) {
        stubSource("convention", CONVENTIONS, items, false);
    }

    /** membership-service's billing feed answers HTTP 500 (until {@link #stubMembershipFeed} or {@link #reset()}). */
    public static void stubMembershipFeedDown() {
        replace("membership/feed", get(urlPathEqualTo(MEMBERSHIP_ITEMS)).willReturn(serverError()));
    }

    /** convention-service's billing feed answers HTTP 500 (until {@link #stubConventionFeed} or {@link #reset()}). */
    public static void stubConventionFeedDown() {
        replace("convention/feed", get(urlPathEqualTo(CONVENTION_ITEMS)).willReturn(serverError()));
    }

    private static void stubSource(String service, String base, List<BillableItem> items, boolean scheduleTakesThrough) {
        String data;
        try {
            data = JSON.writeValueAsString(List.copyOf(items));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        replace(service + "/feed", get(urlPathEqualTo(base + "/billable-items"))
                .willReturn(SourceItems.answer(SourceItems.FEED, data, service)));
        replace(service + "/list", get(urlPathEqualTo(base))
                .willReturn(SourceItems.answer(SourceItems.LIST, data, service)));
        replace(service + "/schedule", get(urlPathMatching(base + SCHEDULE_PATH))
                .willReturn(SourceItems.answer(scheduleTakesThrough ? SourceItems.SCHEDULE_THROUGH : SourceItems.SCHEDULE,
                        data, service)));
    }

    // ---- defaults and plumbing ----

    private static void stubDefaults() {
        WireMockServer s = server();
        s.stubFor(any(anyUrl()).withHeader(IdentityFilter.ROLES, absent()).atPriority(IDENTITY_PRIORITY)
                .willReturn(aResponse().withStatus(401)
                        .withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"title\": \"Unauthorized\", \"status\": 401, \"code\": \"UNAUTHORIZED\"}")));
        s.stubFor(get(urlPathMatching(ORGANISATIONS + "/.*")).atPriority(DEFAULTS_PRIORITY)
                .willReturn(notFound("Organisation does not exist")));
        s.stubFor(get(urlPathMatching(PURCHASING_BODIES + "/.*")).atPriority(DEFAULTS_PRIORITY)
                .willReturn(notFound("Purchasing body does not exist")));
        for (String base : List.of(MEMBERSHIPS, CONVENTIONS)) {
            s.stubFor(get(urlPathEqualTo(base + "/billable-items")).atPriority(DEFAULTS_PRIORITY)
                    .willReturn(json(200, feedPage(List.of(), null))));
            s.stubFor(get(urlPathEqualTo(base)).atPriority(DEFAULTS_PRIORITY)
                    .willReturn(json(200, listPage(List.of(), 0, 50, 0))));
            s.stubFor(get(urlPathMatching(base + SCHEDULE_PATH)).atPriority(DEFAULTS_PRIORITY)
                    .willReturn(notFound("Source does not exist")));
        }
    }

    /** Installs the stub under a fixed id derived from {@code key}, replacing the one installed before under it. */
    private static void replace(String key, MappingBuilder stub) {
        UUID id = UUID.nameUUIDFromBytes(("source-services-stub/" + key).getBytes(StandardCharsets.UTF_8));
        WireMockServer s = server();
        for (StubMapping existing : s.getStubMappings()) {
            if (id.equals(existing.getId())) {
                s.removeStub(existing);
            }
        }
        s.stubFor(stub.withId(id));
    }

    private static ResponseDefinitionBuilder notFound(String detail) {
        return aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"type\": \"https://centrale.example/problems/not-found\", \"title\": \"Not found\", "
                        + "\"status\": 404, \"detail\": \"" + detail + "\", \"code\": \"NOT_FOUND\"}");
    }

    private static ResponseDefinitionBuilder serverError() {
        return aResponse().withStatus(500)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"title\": \"Internal Server Error\", \"status\": 500, \"code\": \"INTERNAL_ERROR\"}");
    }

    private static Map<String, Object> feedPage(List<BillableItem> items, UUID nextCursor) {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("items", items);
        page.put("nextCursor", nextCursor == null ? null : nextCursor.toString());
        return page;
    }

    private static Map<String, Object> listPage(List<?> items, int page, int size, long total) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("items", items);
        answer.put("page", page);
        answer.put("size", size);
        answer.put("total", total);
        return answer;
    }

    private static ResponseDefinitionBuilder json(int status, Object body) {
        try {
            return aResponse().withStatus(status)
                    .withHeader("Content-Type", "application/json")
                    .withBody(JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Answers the feed, list and schedule requests from the items a stub carries (as JSON, in its
     * transformer parameters, so that {@link #reset()} forgets them with the stub).
     */
    static final class SourceItems implements ResponseDefinitionTransformerV2 {

        static final String NAME = "centrale-source-items";
        static final String FEED = "feed";
        static final String LIST = "list";
        static final String SCHEDULE = "schedule";
        static final String SCHEDULE_THROUGH = "schedule-through";

        private static final int FEED_DEFAULT_SIZE = 500;
        private static final int FEED_MAX_SIZE = 1000;
        private static final int LIST_DEFAULT_SIZE = 50;
        private static final int LIST_MAX_SIZE = 500;

        /** PostgreSQL orders uuids byte by byte, as their lower-case text sorts (not as UUID.compareTo). */
        private static final Comparator<BillableItem> FEED_ORDER = Comparator
                .comparing((BillableItem i) -> i.sourceId().toString())
                .thenComparingInt(BillableItem::sequence);

        static ResponseDefinitionBuilder answer(String mode, String items, String service) {
            return aResponse().withTransformers(NAME)
                    .withTransformerParameter("mode", mode)
                    .withTransformerParameter("service", service)
                    .withTransformerParameter("items", items);
        }

        @Override
        public String getName() {
            return NAME;
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            Parameters parameters = event.getTransformerParameters();
            List<BillableItem> items;
            try {
                items = JSON.readValue(parameters.getString("items"), new TypeReference<List<BillableItem>>() {
                });
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            LoggedRequest request = event.getRequest();
            try {
                return switch (parameters.getString("mode")) {
                    case FEED -> feed(items, request);
                    case LIST -> list(items, request, parameters.getString("service"));
                    case SCHEDULE -> schedule(items, request, false);
                    case SCHEDULE_THROUGH -> schedule(items, request, true);
                    default -> throw new IllegalStateException("unknown mode " + parameters.getString("mode"));
                };
            } catch (BadRequest e) {
                return aResponse().withStatus(400)
                        .withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"title\": \"Invalid request\", \"status\": 400, \"code\": \"INVALID_REQUEST\", "
                                + "\"detail\": \"" + e.getMessage() + "\"}")
                        .build();
            }
        }

        private static ResponseDefinition feed(List<BillableItem> all, LoggedRequest request) {
            LocalDate through = date(request, "through");
            if (through == null) {
                throw new BadRequest("through: is required");
            }
            UUID after = uuid(request, "after");
            int size = integer(request, "size", FEED_DEFAULT_SIZE, FEED_MAX_SIZE);
            List<BillableItem> due = all.stream()
                    .filter(i -> !i.issueOn().isAfter(through))
                    .filter(i -> after == null || i.sourceId().toString().compareTo(after.toString()) > 0)
                    .sorted(FEED_ORDER)
                    .toList();
            List<BillableItem> page = new ArrayList<>();
            List<UUID> sources = new ArrayList<>();
            UUID next = null;
            for (BillableItem item : due) {
                if (sources.isEmpty() || !sources.get(sources.size() - 1).equals(item.sourceId())) {
                    if (sources.size() == size) {
                        next = sources.get(sources.size() - 1); // there is more: the cursor is the page's last source
                        break;
                    }
                    sources.add(item.sourceId());
                }
                page.add(item);
            }
            return ok(feedPage(page, next));
        }

        private static ResponseDefinition list(List<BillableItem> all, LoggedRequest request, String service) {
            UUID organisation = uuid(request, "organisationId");
            int page = integer(request, "page", 0, Integer.MAX_VALUE);
            int size = integer(request, "size", LIST_DEFAULT_SIZE, LIST_MAX_SIZE);
            Map<UUID, Map<String, Object>> sources = new LinkedHashMap<>();
            all.stream().sorted(FEED_ORDER).forEach(i -> {
                if (organisation == null || organisation.equals(i.debtorId())) {
                    sources.computeIfAbsent(i.sourceId(), id -> source(service, id, i, organisation));
                }
            });
            List<Map<String, Object>> listed = new ArrayList<>(sources.values());
            int from = (int) Math.min((long) page * size, listed.size());
            int to = Math.min(from + size, listed.size());
            return ok(listPage(listed.subList(from, to), page, size, listed.size()));
        }

        private static Map<String, Object> source(String service, UUID id, BillableItem item, UUID organisation) {
            Map<String, Object> source = new LinkedHashMap<>();
            source.put("id", id.toString());
            if (service.equals("membership")) {
                source.put("organisationId", item.debtorId().toString());
                source.put("purchasingBody", item.issuer());
                source.put("kind", "MEMBER");
                source.put("status", "ACTIVE");
            } else {
                source.put("purchasingBody", item.issuer());
                source.put("signatoryId", (organisation == null ? item.debtorId() : organisation).toString());
                source.put("status", "ACTIVE");
            }
            source.put("version", 0);
            return source;
        }

        private static ResponseDefinition schedule(List<BillableItem> all, LoggedRequest request, boolean takesThrough) {
            String path = URI.create(request.getUrl()).getPath();
            Matcher m = Pattern.compile(".*" + SCHEDULE_PATH).matcher(path);
            if (!m.matches()) {
                throw new BadRequest("unexpected path " + path);
            }
            UUID id = UUID.fromString(m.group(1));
            LocalDate through = takesThrough ? date(request, "through") : null;
            List<BillableItem> items = all.stream()
                    .filter(i -> i.sourceId().equals(id))
                    .filter(i -> through == null || !i.issueOn().isAfter(through))
                    .sorted(Comparator.comparingInt(BillableItem::sequence))
                    .toList();
            if (items.isEmpty() && all.stream().noneMatch(i -> i.sourceId().equals(id))) {
                return notFound("Source " + id + " does not exist").build();
            }
            return ok(items);
        }

        private static ResponseDefinition ok(Object body) {
            return json(200, body).build();
        }

        private static String param(LoggedRequest request, String name) {
            QueryParameter p = request.queryParameter(name);
            return p == null || !p.isPresent() || p.firstValue().isBlank() ? null : p.firstValue();
        }

        private static LocalDate date(LoggedRequest request, String name) {
            String value = param(request, name);
            try {
                return value == null ? null : LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw new BadRequest(name + ": must be a date (yyyy-MM-dd)");
            }
        }

        private static UUID uuid(LoggedRequest request, String name) {
            String value = param(request, name);
            try {
                return value == null ? null : UUID.fromString(value);
            } catch (IllegalArgumentException e) {
                throw new BadRequest(name + ": must be a UUID");
            }
        }

        private static int integer(LoggedRequest request, String name, int byDefault, int max) {
            String value = param(request, name);
            try {
                int n = value == null ? byDefault : Integer.parseInt(value);
                if (n < (name.equals("page") ? 0 : 1) || n > max) {
                    throw new BadRequest(name + ": out of range");
                }
                return n;
            } catch (NumberFormatException e) {
                throw new BadRequest(name + ": must be an integer");
            }
        }

        private static final class BadRequest extends RuntimeException {
            BadRequest(String message) {
                super(message, null, false, false);
            }
        }
    }
}
