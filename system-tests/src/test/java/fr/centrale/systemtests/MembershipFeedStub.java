package fr.centrale.systemtests;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;

/**
 * membership-service's billing feed, {@code GET /api/v1/memberships/billable-items?through=&after=&size=}, as
 * a WireMock transformer: one item per membership (sourceId), in sourceId order (as PostgreSQL orders
 * uuids), {@code size} memberships a page after the cursor {@code after}, {@code nextCursor} the last
 * sourceId of the page or null on the last one. The items served can be replaced between runs
 * ({@link #serve}).
 */
final class MembershipFeedStub implements ResponseDefinitionTransformerV2 {

    static final String NAME = "membership-feed";

    /** What a feed item says, in the BillableItem wire shape (common/.../BillableItem). */
    record Item(UUID sourceId, UUID debtorId, LocalDate issueOn, String amount) {

        Map<String, Object> toJson() {
            int year = issueOn.getYear();
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("sourceType", "MEMBERSHIP");
            item.put("sourceId", sourceId);
            item.put("sequence", 1);
            item.put("kind", "MEMBERSHIP_FEE");
            item.put("issuer", "RESAH");
            item.put("debtorId", debtorId);
            item.put("label", "Cotisation d'adhésion RESAH " + year);
            item.put("periodStart", LocalDate.of(year, 1, 1));
            item.put("periodEnd", LocalDate.of(year, 12, 31));
            item.put("issueOn", issueOn);
            item.put("annualAmount", new BigDecimal(amount));
            item.put("amount", new BigDecimal(amount));
            item.put("paymentTermDays", 30);
            item.put("basis", "Cotisation " + year + ", autres organismes");
            return item;
        }
    }

    private static final Comparator<Item> SOURCE_ORDER = Comparator.comparing(i -> i.sourceId().toString());

    private volatile List<Item> items = List.of();

    /** From now on the feed serves these items (any order; it sorts them). */
    void serve(List<Item> served) {
        List<Item> sorted = new ArrayList<>(served);
        sorted.sort(SOURCE_ORDER);
        this.items = List.copyOf(sorted);
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
        Request request = event.getRequest();
        LocalDate through;
        int size;
        String after;
        try {
            through = LocalDate.parse(required(request, "through"));
            size = Integer.parseInt(required(request, "size"));
            after = optional(request, "after");
        } catch (RuntimeException e) {
            return aResponse().withStatus(400).withHeader("Content-Type", "text/plain")
                    .withBody("Bad feed request " + request.getUrl() + ": " + e.getMessage()).build();
        }
        List<Item> page = new ArrayList<>();
        boolean more = false;
        for (Item item : items) {
            if (after != null && item.sourceId().toString().compareTo(after) <= 0) {
                continue;
            }
            if (page.size() == size) {
                more = true;
                break;
            }
            page.add(item);
        }
        List<Map<String, Object>> json = page.stream()
                .filter(i -> !i.issueOn().isAfter(through))
                .map(Item::toJson)
                .toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", json);
        body.put("nextCursor", more ? page.get(page.size() - 1).sourceId() : null);
        return aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json; charset=UTF-8")
                .withBody(JsonApi.toJson(body))
                .build();
    }

    private static String required(Request request, String name) {
        String value = optional(request, name);
        if (value == null) {
            throw new IllegalArgumentException(name + " is missing");
        }
        return value;
    }

    private static String optional(Request request, String name) {
        QueryParameter parameter = request.queryParameter(name);
        return parameter == null || !parameter.isPresent() ? null : parameter.firstValue();
    }

    /**
     * A WireMock standing for billing-service's sources, started: this stub's membership feed, an empty convention
     * feed, and the purchasing body RESAH. The caller stubs its debtors.
     */
    WireMockServer startSources() {
        WireMockServer sources = new WireMockServer(options().bindAddress(ServiceProcess.HOST).dynamicPort().extensions(this));
        sources.start();
        sources.stubFor(get(urlPathEqualTo("/api/v1/memberships/billable-items"))
                .willReturn(aResponse().withTransformers(NAME)));
        sources.stubFor(get(urlPathEqualTo("/api/v1/conventions/billable-items"))
                .willReturn(okJson("{\"items\": [], \"nextCursor\": null}")));
        sources.stubFor(get(urlPathEqualTo("/api/v1/purchasing-bodies/RESAH")).willReturn(okJson("""
                {"id": "7c0f1d2e-0001-4000-8000-000000000001", "code": "RESAH",
                 "name": "GIP Réseau des acheteurs hospitaliers (Resah)", "siret": "13000501000025",
                 "address": {"street": "47 rue de Charonne", "postalCode": "75011", "city": "Paris"},
                 "paymentTermDays": 30, "court": "Tribunal administratif de Paris"}""")));
        return sources;
    }
}
