package fr.centrale.convention.benchmark;

import io.quarkus.narayana.jta.QuarkusTransaction;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;


/**
 * How fast the billing feed serves every convention's items. Not part of the test suite (its name does not end
 * in Test); run it with
 * {@code ./mvnw -pl convention-service -am test -Dtest=ConventionFeedBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dbench.conventions=100000}.
 * It inserts the conventions straight into PostgreSQL, spread over offers of the three pricing models, then pages
 * through {@code GET /api/v1/conventions/billable-items} over HTTP, 1 000 conventions a page, and prints a table.
 */
@QuarkusTest
class ConventionFeedBenchmark {

    private static final List<String> OFFERS = List.of("RESAH-2021-008-LOT3", "RESAH-2020-027-LOT1-SECURITE",
            "RESAH-2021-045-LOT2", "CAIH-SO360");

    @Inject
    EntityManager em;

    @TestHTTPResource("/")
    URI base;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void feedOfEveryConvention() throws Exception {
        int n = Integer.getInteger("bench.conventions", 10_000);
        long t0 = System.nanoTime();
        QuarkusTransaction.requiringNew().run(() -> insert(n));
        long inserted = System.nanoTime();

        int conventions;
        int items = 0;
        int pages = 0;
        String cursor = null;
        HttpClient http = HttpClient.newHttpClient();
        do {
            URI uri = URI.create(base + "api/v1/conventions/billable-items?through=2026-12-31&size=1000"
                    + (cursor == null ? "" : "&after=" + cursor));
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("feed answered " + response.statusCode());
            }
            JsonNode page = json.readTree(response.body());
            items += page.get("items").size();
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
            pages++;
        } while (cursor != null);
        conventions = n;
        long served = System.nanoTime();
        double seconds = (served - inserted) / 1e9;
        System.out.printf("%n| conventions | pages | billable items | insert (s) | feed (s) | conventions/s |%n");
        System.out.printf("|---|---|---|---|---|---|%n");
        System.out.printf("| %d | %d | %d | %.1f | %.1f | %.0f |%n%n", conventions, pages, items,
                (inserted - t0) / 1e9, seconds, conventions / seconds);
    }

    private void insert(int n) {
        for (int i = 0; i < OFFERS.size(); i++) {
            String offer = OFFERS.get(i);
            boolean caih = offer.startsWith("CAIH");
            em.createNativeQuery("""
                    INSERT INTO convention (id, offer_id, signatory_id, signatory_name, mode, status, ends_on, signed_on,
                                            annual_amount, negotiated, tier, grid_row, current_annual_amount, current_tier)
                    SELECT gen_random_uuid(), o.id, gen_random_uuid(), 'Bench ' || g, 'OWN_ACCOUNT', 'ACTIVE', ?2, ?3,
                           ?4, false, 'BENCH', 'Benchmark', ?4, 'BENCH'
                    FROM offer o, generate_series(1, ?1) g
                    WHERE o.code = ?5 AND NOT o.superseded""")
                    .setParameter(1, n / OFFERS.size() + (i < n % OFFERS.size() ? 1 : 0))
                    .setParameter(2, java.time.LocalDate.parse(caih ? "2023-07-16" : "2024-08-27"))
                    .setParameter(3, java.time.LocalDate.parse("2022-12-10"))
                    .setParameter(4, new java.math.BigDecimal("1500.00"))
                    .setParameter(5, offer)
                    .executeUpdate();
        }
        em.createNativeQuery("""
                INSERT INTO beneficiary (id, convention_id, rank, organisation_id, organisation_name, category, starts_on, consumed_amount)
                SELECT gen_random_uuid(), c.id, 0, c.signatory_id, c.signatory_name, 'DEPARTEMENT', DATE '2022-12-15', 0
                FROM convention c WHERE c.tier = 'BENCH'""").executeUpdate();
    }
}
