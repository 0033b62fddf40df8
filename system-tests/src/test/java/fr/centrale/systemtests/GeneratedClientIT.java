package fr.centrale.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import fr.centrale.client.ApiClient;
import fr.centrale.client.ApiException;
import fr.centrale.client.api.TitresDeRecettesApi;
import fr.centrale.client.model.Event;
import fr.centrale.client.model.PageResponseTitreView;
import fr.centrale.client.model.Problem;
import fr.centrale.client.model.Titre;
import fr.centrale.client.model.TitreEventView;
import fr.centrale.client.model.TitreKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The gateway's merged OpenAPI document is all an integrator needs: the document the suite serves is the
 * one checked in as {@code docs/openapi.json} (from which the build generates a Java client), and that
 * client, compiled from the document alone, works against the suite through the gateway with a reader's
 * token.
 */
class GeneratedClientIT {

    @RegisterExtension
    static final ServiceGroup services = new ServiceGroup(GeneratedClientIT.class);

    private static GatewaySuite suite;
    private static String departement;

    @BeforeAll
    static void startTheSuiteWithTitres() throws InterruptedException {
        suite = GatewaySuite.start(services);
        JsonApi admin = suite.as("admin", null);
        departement = admin.create("/api/v1/organisations", """
                {"name": "Département du Pas-de-Calais", "siret": "22620001200012", "category": "DEPARTEMENT",
                 "address": {"street": "rue Ferdinand Buisson", "postalCode": "62018", "city": "Arras cedex"}}
                """).path("id").asText();
        // Worked example 1 (docs/rules.md): a bulletin of 11/12/2023 owes 600,00 € at the Q1 2024 run, and
        // 600,00 € each following year.
        admin.create("/api/v1/memberships",
                Map.of("organisationId", departement, "purchasingBody", "RESAH", "bulletinReceivedOn", "2023-12-11"));
        admin.create("/api/v1/billing-runs", Map.of("asOf", "2024-01-02"));
        admin.create("/api/v1/billing-runs", Map.of("asOf", "2025-01-02"));
        admin.create("/api/v1/billing-runs", Map.of("asOf", "2026-01-02"));
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
    void theLiveMergedDocumentIsTheCheckedInSnapshot() {
        JsonNode live = new JsonApi(suite.gateway(), services.http()).get("/q/openapi?format=json");
        assertThat(OpenApiSnapshot.operationIdProblems(live)).as("operationIds of the live merged document").isEmpty();
        if (Boolean.getBoolean(OpenApiSnapshot.REFRESH_PROPERTY)) {
            OpenApiSnapshot.write(OpenApiSnapshot.file(), live);
            System.out.println("[system-tests] wrote " + OpenApiSnapshot.file());
            return;
        }
        Path written = services.logDir().resolve("openapi.json");
        OpenApiSnapshot.write(written, live);
        assertThat(OpenApiSnapshot.format(live))
                .as("""
                        The gateway's merged OpenAPI document differs from docs/openapi.json (the live one is in %s).
                        If the change is meant, refresh the snapshot and commit it (the generated client follows):
                            %s""".formatted(written, OpenApiSnapshot.REFRESH_COMMAND))
                .isEqualTo(OpenApiSnapshot.format(OpenApiSnapshot.read()));
    }

    @Test
    void aClientGeneratedFromTheDocumentListsReadsAndMirrorsTitresWithAReadersToken() throws Exception {
        TitresDeRecettesApi titres = new TitresDeRecettesApi(client(suite.token("reader", null)));

        // List: the three yearly fees of worked example 1, newest first.
        PageResponseTitreView page = titres.listTitres(UUID.fromString(departement), null, null, 0, 50, null, null);
        assertThat(page.getTotal()).isEqualTo(3);
        assertThat(page.getItems()).extracting(Titre::getNumber)
                .containsExactly("RESAH-2026-000001", "RESAH-2025-000001", "RESAH-2024-000001");
        assertThat(page.getItems()).extracting(Titre::getTotal).containsOnly(new BigDecimal("600.00"));

        // Read one: typed fields, dates as LocalDate, amounts as BigDecimal.
        Titre first = titres.getTitre(page.getItems().get(2).getId().toString());
        assertThat(first.getNumber()).isEqualTo("RESAH-2024-000001");
        assertThat(first.getKind()).isEqualTo(TitreKind.ORIGINAL);
        assertThat(first.getIssuedOn()).isEqualTo(LocalDate.of(2024, 1, 2));
        assertThat(first.getDueOn()).isEqualTo(LocalDate.of(2024, 2, 1));
        assertThat(first.getDebtor().getName()).isEqualTo("Département du Pas-de-Calais");
        assertThat(first.getTotal()).isEqualByComparingTo("600.00");

        // Mirror the event feed to its end, two events a page: every titre once, positions 1..n without gap.
        Map<UUID, Titre> mirror = new LinkedHashMap<>();
        List<Long> positions = new ArrayList<>();
        long after = 0;
        for (int pages = 0; pages < 100; pages++) {
            TitreEventView events = titres.listTitreEvents((int) after, 2);
            for (Event e : events.getItems()) {
                positions.add(e.getPosition());
                mirror.put(e.getTitreId(), e.getTitre());
            }
            after = events.getLastPosition();
            if (!Boolean.TRUE.equals(events.getMore())) {
                break;
            }
        }
        assertThat(positions).containsExactly(1L, 2L, 3L);
        assertThat(mirror.keySet()).containsExactlyInAnyOrderElementsOf(page.getItems().stream().map(Titre::getId).toList());
        assertThat(mirror.get(first.getId()).getNumber()).isEqualTo(first.getNumber());
        // The end of the feed: resuming from the last position gives nothing new.
        assertThat(titres.listTitreEvents((int) after, 2).getItems()).isEmpty();

        // An error is a problem+json the document describes: the client reads it into its Problem model.
        ApiException unknown = catchThrowableOfType(ApiException.class,
                () -> titres.getTitre("00000000-0000-4000-8000-000000000000"));
        assertThat(unknown.getCode()).isEqualTo(404);
        Problem problem = ApiClient.createDefaultObjectMapper().readValue(unknown.getResponseBody(), Problem.class);
        assertThat(problem.getCode()).isEqualTo("NOT_FOUND");
        assertThat(problem.getStatus()).isEqualTo(404);
    }

    /** The generated client on the gateway of the suite, every request with {@code token}. */
    private static ApiClient client(String token) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(suite.gateway().baseUrl());
        client.setReadTimeout(Duration.ofSeconds(30));
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }
}
