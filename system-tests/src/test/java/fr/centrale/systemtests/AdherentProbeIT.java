package fr.centrale.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An adherent's token probes every GET of the whole suite, through the gateway, for another
 * organisation's data: every path of the merged OpenAPI document, with the other organisation's ids in
 * the path and in the {@code organisationId}/{@code debtorId} query, in JSON, PDF and CSV. Nothing of the
 * other organisation (its ids, name, SIRET, order reference) may appear in any answer, and its ids answer
 * 404 (403 for the ledger-wide resources); its own ids answer 200, so that the probe is not vacuous.
 */
class AdherentProbeIT {

    @RegisterExtension
    static final ServiceGroup services = new ServiceGroup(AdherentProbeIT.class);

    private static GatewaySuite suite;
    /** Per kind of id (the first segment of a path: organisations, titres...), A's (own) and B's (other) ids. */
    private static final Map<String, String> OWN = new LinkedHashMap<>();
    private static final Map<String, String> OTHER = new LinkedHashMap<>();
    /** What must never reach A: every id of B, and the words that name it. */
    private static final Set<String> OF_THE_OTHER = new TreeSet<>();

    @BeforeAll
    static void twoOrganisationsWithTheirWholeLife() throws InterruptedException {
        suite = GatewaySuite.start(services);
        JsonApi admin = suite.as("admin", null);
        create(admin, OWN, """
                {"name": "Département du Pas-de-Calais", "siret": "22620001200012", "category": "DEPARTEMENT",
                 "address": {"street": "rue Ferdinand Buisson", "postalCode": "62018", "city": "Arras cedex"},
                 "contacts": [{"name": "Service de la commande publique", "role": "Acheteur",
                               "email": "commande.publique@pasdecalais.fr"}]}""",
                "RESAH-2021-008-LOT3", "2024-01-15", "2025-06-30", null, "2023-12-20");
        create(admin, OTHER, """
                {"name": "Communauté d'Agglomération de Béthune-Bruay", "siret": "20007246000013",
                 "category": "COMMUNAUTE_AGGLOMERATION", "population": 277000,
                 "address": {"street": "100 avenue de Londres", "postalCode": "62411", "city": "Béthune cedex"},
                 "contacts": [{"name": "Mme Confidentielle", "role": "DGS", "email": "dgs@bethunebruay.fr"}]}""",
                "RESAH-2021-063-002", "2024-04-01", "2027-03-31", "60000.00", "2024-03-15");
        admin.create("/api/v1/conventions/" + OTHER.get("conventions") + "/orders", Map.of(
                "organisationId", OTHER.get("organisations"), "amount", new BigDecimal("50000.00"),
                "orderedOn", "2024-06-01", "reference", "BC-2024-0042"));

        JsonNode run = suite.as("finance", null).create("/api/v1/billing-runs", Map.of("asOf", "2025-01-02"));
        OWN.put("billing-runs", run.path("id").asText());
        OTHER.put("billing-runs", run.path("id").asText());
        for (Map<String, String> ids : List.of(OWN, OTHER)) {
            JsonNode titres = admin.get("/api/v1/titres?debtorId=" + ids.get("organisations"));
            assertThat(titres.path("total").asInt()).as("titres of %s", ids.get("organisations")).isPositive();
            ids.put("titres", titres.path("items").path(0).path("id").asText());
            ids.put("bordereaux", titres.path("items").path(0).path("bordereau").path("id").asText());
            ids.put("ledger", "RESAH"); // /ledger/archives/{issuer}/{year}: refused to an adherent before any lookup
        }
        // Reference data, the same for everybody: offers, purchasing bodies and the issuers' settings and thresholds.
        for (Map<String, String> ids : List.of(OWN, OTHER)) {
            ids.put("offers", "RESAH-2021-008-LOT3");
            ids.put("purchasing-bodies", "RESAH");
            ids.put("issuers", "RESAH");
            // Webhook subscribers are the administrators' business: 403 before any lookup.
            ids.put("webhooks", UUID.randomUUID().toString());
            // Each organisation's budget line for 2025 (docs/rules.md, R-17), with its convention on it.
            String line = admin.create("/api/v1/budget-lines", Map.of("debtorId", ids.get("organisations"),
                    "operationCode", "OP-" + ids.get("organisations").substring(0, 8), "imputation", "6281/930202",
                    "fiscalYear", 2025, "credits", new BigDecimal("5000.00"))).path("id").asText();
            admin.create("/api/v1/budget-lines/" + line + "/attachments",
                    Map.of("sourceType", "CONVENTION", "sourceId", ids.get("conventions")));
            ids.put("budget-lines", line);
        }

        OF_THE_OTHER.addAll(List.of(OTHER.get("organisations"), OTHER.get("contacts"), OTHER.get("memberships"),
                OTHER.get("conventions"), OTHER.get("titres"), OTHER.get("budget-lines"), "Béthune", "20007246000013", "200072460", "Confidentielle",
                "BC-2024-0042"));
        JsonNode otherTitres = admin.get("/api/v1/titres?debtorId=" + OTHER.get("organisations") + "&size=100");
        otherTitres.path("items").forEach(t -> OF_THE_OTHER.add(t.path("id").asText()));
    }

    /** An organisation with a contact, its RESAH membership, and a signed convention of its own. */
    private static void create(JsonApi admin, Map<String, String> ids, String organisation, String offer,
                               String startsOn, String endsOn, String maximumAmount, String signedOn) {
        JsonNode created = admin.create("/api/v1/organisations", organisation);
        ids.put("organisations", created.path("id").asText());
        ids.put("contacts", created.path("contacts").path(0).path("id").asText());
        ids.put("memberships", admin.create("/api/v1/memberships", Map.of("organisationId", ids.get("organisations"),
                "purchasingBody", "RESAH", "bulletinReceivedOn", "2022-01-10")).path("id").asText());
        Map<String, Object> beneficiary = new LinkedHashMap<>();
        beneficiary.put("organisationId", ids.get("organisations"));
        beneficiary.put("startsOn", startsOn);
        if (maximumAmount != null) {
            beneficiary.put("maximumAmount", new BigDecimal(maximumAmount));
        }
        String convention = admin.create("/api/v1/conventions", Map.of("offer", offer, "signatoryId", ids.get("organisations"),
                "mode", "OWN_ACCOUNT", "endsOn", endsOn, "beneficiaries", List.of(beneficiary))).path("id").asText();
        admin.post("/api/v1/conventions/" + convention + "/signature", Map.of("signedOn", signedOn), 200);
        ids.put("conventions", convention);
    }

    @AfterAll
    static void stopEverything() {
        if (suite != null) {
            suite.close();
        } else {
            services.stopAll();
        }
    }

    @Test
    void everyGetOfTheSuiteHidesTheOtherOrganisation() {
        JsonNode openApi = new JsonApi(suite.gateway(), services.http()).get("/q/openapi?format=json");
        String token = suite.token("adherent", OWN.get("organisations"));
        List<String> probes = new ArrayList<>();
        int ownAnswers = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = openApi.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            JsonNode get = path.getValue().path("get");
            if (get.isMissingNode()) {
                continue;
            }
            String template = path.getKey();
            String kind = template.split("/")[3];
            // 403 whoever's id it is: ledger-wide resources, webhook subscribers, and the record of a contact's changes
            // (administrators only, docs/rules.md R-16).
            boolean ledgerWide = kind.equals("billing-runs") || kind.equals("bordereaux") || kind.equals("ledger")
                    || template.endsWith("/billable-items") || template.endsWith("/titres/events")
                    || kind.equals("webhooks") || template.endsWith("/changes");
            boolean reference = kind.equals("offers") || kind.equals("purchasing-bodies") || kind.equals("issuers");
            String query = requiredQuery(get, OWN.get("organisations"));

            if (template.contains("{")) {
                assertThat(OTHER).as("an id of the kind of %s", template).containsKey(kind);
                Answer other = probe(token, fill(template, OTHER.get(kind)) + query, accept(get));
                probes.add(other.toString());
                if (!reference) {
                    assertThat(other.status).as(other.toString()).isEqualTo(ledgerWide ? 403 : 404);
                }
                Answer own = probe(token, fill(template, OWN.get(kind)) + query, accept(get));
                probes.add(own.toString());
                assertThat(own.status).as(own.toString()).isEqualTo(ledgerWide ? 403 : 200);
                ownAnswers += own.status == 200 ? 1 : 0;
            } else {
                Answer plain = probe(token, template + query, accept(get));
                probes.add(plain.toString());
                assertThat(plain.status).as(plain.toString()).isIn(200, 403);
                ownAnswers += plain.status == 200 ? 1 : 0;
                for (String name : List.of("organisationId", "debtorId")) {
                    String asking = template + (query.isEmpty() ? "?" : query + "&") + name + "=" + OTHER.get("organisations");
                    Answer other = probe(token, asking, accept(get));
                    probes.add(other.toString());
                    assertThat(other.status).as(other.toString()).isIn(403, 404);
                }
            }
        }
        // The printable titre and the CSV export, asked for B's titre and for everything.
        Answer pdf = probe(token, "/api/v1/titres/" + OTHER.get("titres"), "application/pdf");
        assertThat(pdf.status).as(pdf.toString()).isEqualTo(404);
        Answer ownPdf = probe(token, "/api/v1/titres/" + OWN.get("titres"), "application/pdf");
        assertThat(ownPdf.status).as(ownPdf.toString()).isEqualTo(200);
        Answer csv = probe(token, "/api/v1/titres/export", "text/csv");
        assertThat(csv.status).isEqualTo(200);
        assertThat(csv.body).contains("Pas-de-Calais");

        System.out.println("[AdherentProbeIT] " + probes.size() + " probes of " + openApi.path("paths").size()
                + " paths, " + ownAnswers + " answered 200 with the adherent's own data; nothing of the other organisation leaked");
        assertThat(ownAnswers).as("own answers").isGreaterThan(10);
    }

    /** GET through the gateway; fails at once when the answer shows anything of the other organisation. */
    private static Answer probe(String token, String pathAndQuery, String accept) {
        HttpRequest request = HttpRequest.newBuilder(suite.gateway().url(pathAndQuery)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Accept", accept).GET().build();
        try {
            HttpResponse<byte[]> response = services.http().send(request, HttpResponse.BodyHandlers.ofByteArray());
            String body = new String(response.body(), java.nio.charset.StandardCharsets.ISO_8859_1);
            String text = new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
            Answer answer = new Answer(pathAndQuery, accept, response.statusCode(), text);
            for (String secret : OF_THE_OTHER) {
                if (pathAndQuery.contains(secret)) {
                    continue; // "Titre <the id asked for> does not exist" tells the caller nothing new
                }
                assertThat(text).as("%s leaks %s", answer, secret).doesNotContain(secret);
                assertThat(body).as("%s leaks %s", answer, secret).doesNotContain(secret);
            }
            assertThat(answer.status).as(answer.toString()).isLessThan(500);
            return answer;
        } catch (IOException e) {
            throw new AssertionError("GET " + pathAndQuery + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** The required query parameters of an operation, with values that let it answer. */
    private static String requiredQuery(JsonNode operation, String ownOrganisation) {
        List<String> pairs = new ArrayList<>();
        for (JsonNode parameter : operation.path("parameters")) {
            if (!"query".equals(parameter.path("in").asText()) || !parameter.path("required").asBoolean()) {
                continue;
            }
            String name = parameter.path("name").asText();
            String value = switch (name) {
                case "year" -> "2025";
                case "issuer" -> "RESAH";
                case "through" -> "2025-01-02";
                case "debtorId", "organisationId" -> ownOrganisation;
                default -> throw new AssertionError("No value for the required query parameter " + name);
            };
            pairs.add(name + "=" + value);
        }
        return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
    }

    private static String accept(JsonNode operation) {
        JsonNode content = operation.path("responses").path("200").path("content");
        return content.has("application/json") || content.isMissingNode() ? "application/json" : content.fieldNames().next();
    }

    private static String fill(String template, String id) {
        return template.replaceAll("\\{[^}]+}", id);
    }

    private record Answer(String pathAndQuery, String accept, int status, String body) {
        @Override
        public String toString() {
            return "GET " + pathAndQuery + " (" + accept + ") → " + status + ": "
                    + (body.length() > 200 ? body.substring(0, 200) + "…" : body);
        }
    }
}
