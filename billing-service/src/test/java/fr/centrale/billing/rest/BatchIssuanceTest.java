package fr.centrale.billing.rest;

import fr.centrale.billing.testing.SourceServicesStub;
import fr.centrale.common.billing.BillableItem;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static fr.centrale.billing.rest.Ledger.issuer;
import static fr.centrale.billing.rest.Ledger.item;
import static fr.centrale.billing.rest.Ledger.run;
import static fr.centrale.common.billing.BillableItem.SourceType.CONVENTION;
import static fr.centrale.common.billing.BillableItem.SourceType.MEMBERSHIP;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Billing runs issue a batch of items per transaction, with the debtors of a page read in one lookup, and keep
 * every guarantee of one titre at a time: each item once, numbers without gap in issue order, events without
 * gap, debtors frozen, amounts to the cent; a bad item is reported alone and the others issued.
 */
@QuarkusTest
class BatchIssuanceTest {

    private static final String LOOKUP = SourceServicesStub.ORGANISATIONS + "/lookup";

    @Inject
    CircuitBreakerMaintenance breakers;

    @Inject
    EntityManager em;

    @BeforeEach
    void freshSources() {
        SourceServicesStub.reset();
        breakers.resetAll();
    }

    /** 1 300 items of two issuers over both feeds: several pages, several batches, all numbered 1..n. */
    @Test
    void aLargeRunIssuesEveryItemOnceWithNumbersAndEventsWithoutGaps() {
        String a = issuer(30, "Tribunal administratif de Paris");
        String b = issuer(50, "Tribunal administratif de Lyon");
        List<UUID> debtors = IntStream.range(0, 40).mapToObj(i -> UUID.randomUUID()).toList();
        stubLookup(debtors);
        List<BillableItem> memberships = new ArrayList<>();
        List<BillableItem> conventions = new ArrayList<>();
        for (int i = 0; i < 700; i++) {
            memberships.add(item(MEMBERSHIP, UUID.randomUUID(), 1, i % 2 == 0 ? a : b, debtors.get(i % 40), "Cotisation 2024",
                    "2024-01-01", "2024-12-31", "2024-01-02", null, "600.00", "600.00", 30));
        }
        for (int i = 0; i < 300; i++) {
            UUID convention = UUID.randomUUID();
            conventions.add(item(CONVENTION, convention, 1, a, debtors.get(i % 40), "Contribution année 1",
                    "2023-03-01", "2024-02-29", "2023-03-01", "12.00", "2500.00", "2500.00", 30));
            conventions.add(item(CONVENTION, convention, 2, a, debtors.get(i % 40), "Contribution année 2",
                    "2024-03-01", "2024-08-27", "2024-01-02", "5.90", "2500.00", "1229.17", 30));
        }
        SourceServicesStub.stubMembershipFeed(memberships);
        SourceServicesStub.stubConventionFeed(conventions);

        run("2024-01-02").statusCode(201).body("status", equalTo("COMPLETED")).body("issuedCount", equalTo(1300))
                .body("alreadyIssuedCount", equalTo(0)).body("failedCount", equalTo(0));

        assertEquals(serials(a, 2024), IntStream.rangeClosed(1, 950).boxed().toList(), a + " 2024: 1..950");
        assertEquals(serials(b, 2024), IntStream.rangeClosed(1, 350).boxed().toList(), b + " 2024: 1..350");
        // The 2023 item of each convention belongs to the fiscal year of the run's date, like every other.
        assertEquals(0, serials(a, 2023).size());
        assertEquals(new BigDecimal("1170000.00").add(new BigDecimal("1229.17").multiply(new BigDecimal(300))),
                sum("SELECT sum(t.total) FROM titre t WHERE t.issuer IN ('" + a + "', '" + b + "')"));
        // One ISSUED event per titre, at consecutive positions.
        List<Object[]> events = rows("""
                SELECT count(*), count(DISTINCT e.titre_id), max(e.position) - min(e.position) + 1
                  FROM titre_event e JOIN titre t ON t.id = e.titre_id
                 WHERE t.issuer IN ('%s', '%s') AND e.type = 'ISSUED'""".formatted(a, b));
        assertEquals(List.of(1300L, 1300L, 1300L), List.of(number(events.get(0)[0]), number(events.get(0)[1]), number(events.get(0)[2])));
        // The debtors were read a page at a time, never one by one.
        SourceServicesStub.server().verify(1, postRequestedFor(urlPathEqualTo(LOOKUP)));
        SourceServicesStub.server().verify(0, getRequestedFor(urlPathMatching(SourceServicesStub.ORGANISATIONS + "/.*")));

        // Again: nothing to issue, so no debtor to read.
        run("2024-01-02").statusCode(201).body("issuedCount", equalTo(0)).body("alreadyIssuedCount", equalTo(1300));
        SourceServicesStub.server().verify(1, postRequestedFor(urlPathEqualTo(LOOKUP)));
    }

    /**
     * A bad item (the database refuses a titre without object; a titre of 0 € is now waived below the threshold,
     * docs/rules.md, R-2) fails alone: the rest of its batch is issued, without gap.
     */
    @Test
    void aBadItemIsReportedAloneAndTheOthersAreIssued() {
        String a = issuer(30, null);
        List<UUID> debtors = List.of(UUID.randomUUID(), UUID.randomUUID());
        UUID unknown = UUID.randomUUID();
        stubLookup(debtors);
        List<BillableItem> items = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            items.add(item(MEMBERSHIP, UUID.randomUUID(), 1, a, debtors.get(i % 2), i == 57 ? null : "Cotisation 2024",
                    "2024-01-01", "2024-12-31", "2024-01-02", null, "600.00", "600.00", 30));
        }
        UUID bad = items.get(57).sourceId();
        items.add(item(MEMBERSHIP, UUID.randomUUID(), 1, a, unknown, "Cotisation 2024",
                "2024-01-01", "2024-12-31", "2024-01-02", null, "600.00", "600.00", 30));
        SourceServicesStub.stubMembershipFeed(items);

        run("2024-01-02").statusCode(201).body("status", equalTo("PARTIAL")).body("issuedCount", equalTo(119))
                .body("failedCount", equalTo(2))
                .body("message", containsString("MEMBERSHIP " + bad + " #1"))
                .body("message", containsString("debtor " + unknown + " is unknown"));
        assertEquals(IntStream.rangeClosed(1, 119).boxed().toList(), serials(a, 2024), "no number lost to the bad item");

        // The next run tries the bad items again, and only them.
        run("2024-01-02").statusCode(201).body("status", equalTo("PARTIAL")).body("issuedCount", equalTo(0))
                .body("alreadyIssuedCount", equalTo(119)).body("failedCount", equalTo(2));
    }

    /** Two runs at once over 1 200 items (overlapping batches): each item once, numbers 1..1200. */
    @Test
    void twoRunsAtOnceOverManyBatchesIssueEachItemOnce() {
        String a = issuer(30, null);
        List<UUID> debtors = IntStream.range(0, 10).mapToObj(i -> UUID.randomUUID()).toList();
        stubLookup(debtors);
        List<BillableItem> items = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            items.add(item(MEMBERSHIP, UUID.randomUUID(), 1, a, debtors.get(i % 10), "Cotisation 2024",
                    "2024-01-01", "2024-12-31", "2024-01-02", null, "600.00", "600.00", 30));
        }
        SourceServicesStub.stubMembershipFeed(items);
        CompletableFuture<Integer> x = CompletableFuture.supplyAsync(() -> run("2024-01-02").statusCode(201)
                .body("status", equalTo("COMPLETED")).extract().path("issuedCount"));
        CompletableFuture<Integer> y = CompletableFuture.supplyAsync(() -> run("2024-01-02").statusCode(201)
                .body("status", equalTo("COMPLETED")).extract().path("issuedCount"));
        assertEquals(1200, x.join() + y.join(), "each item issued by exactly one of the two runs");
        assertEquals(IntStream.rangeClosed(1, 1200).boxed().toList(), serials(a, 2024));
        assertEquals(1200L, number(rows("SELECT count(DISTINCT l.source_id) FROM titre_line l JOIN titre t ON t.id = l.titre_id "
                + "WHERE t.issuer = '" + a + "'").get(0)[0]));
        // docs/rules.md, R-6: each run that issued has one bordereau for the issuer and year, numbered 1, 2 without gap
        // (the bordereau's number is taken in the transaction of its first titres, after theirs); every titre is on
        // exactly one, and each bordereau's count and totals are those of the titres that name it.
        int runsThatIssued = (x.join() > 0 ? 1 : 0) + (y.join() > 0 ? 1 : 0);
        List<Object[]> bordereaux = rows("""
                SELECT b.serial, b.number, b.titre_count, b.total_ttc, b.run_id,
                       (SELECT count(*) FROM titre t WHERE t.bordereau_id = b.id),
                       (SELECT coalesce(sum(t.total), 0) FROM titre t WHERE t.bordereau_id = b.id),
                       (SELECT count(DISTINCT t.run_id) FROM titre t WHERE t.bordereau_id = b.id AND t.run_id = b.run_id)
                  FROM bordereau b WHERE b.issuer = '%s' AND b.fiscal_year = 2024 ORDER BY b.serial""".formatted(a));
        assertEquals(IntStream.rangeClosed(1, runsThatIssued).boxed().toList(),
                bordereaux.stream().map(r -> (int) number(r[0])).toList(), "bordereau serials without gap");
        for (Object[] b : bordereaux) {
            assertEquals(a + "-2024-B-" + String.format("%06d", number(b[0])), b[1]);
            assertEquals(number(b[2]), number(b[5]), "titre_count of " + b[1]);
            assertEquals(0, ((BigDecimal) b[3]).compareTo((BigDecimal) b[6]), "total of " + b[1]);
            assertEquals(1L, number(b[7]), "the titres of " + b[1] + " are its run's");
        }
        assertEquals(1200L, bordereaux.stream().mapToLong(r -> number(r[5])).sum());
        assertEquals(0L, number(rows("SELECT count(*) FROM titre WHERE issuer = '" + a + "' AND bordereau_id IS NULL").get(0)[0]),
                "every titre is on a bordereau");
        // README, "Tamper evidence": each run chained its bordereau as it ended, one after the other (positions 1..k, in
        // whichever order the runs ended), the series' head its last; the verification recomputes them and finds it whole.
        List<Object[]> chain = rows("""
                SELECT b.chain_position, b.chain_hash, h.length, h.head FROM bordereau b
                  JOIN ledger_chain h ON h.issuer = b.issuer AND h.fiscal_year = b.fiscal_year AND h.kind = 'BORDEREAU'
                 WHERE b.issuer = '%s' AND b.fiscal_year = 2024 ORDER BY b.chain_position""".formatted(a));
        assertEquals(IntStream.rangeClosed(1, runsThatIssued).boxed().toList(), chain.stream().map(r -> (int) number(r[0])).toList(),
                "bordereau chain positions");
        assertEquals(runsThatIssued, number(chain.get(chain.size() - 1)[2]));
        assertEquals(chain.get(chain.size() - 1)[1], chain.get(chain.size() - 1)[3], "the head is the last bordereau's hash");
        io.restassured.RestAssured.given().header(fr.centrale.common.identity.IdentityFilter.USER, "someone@example.fr")
                .header(fr.centrale.common.identity.IdentityFilter.ROLES, "finance").queryParam("issuer", a).queryParam("year", 2024)
                .when().get("/api/v1/ledger/verification").then().statusCode(200).body("holds", equalTo(true))
                .body("chains.find { it.kind == 'BORDEREAU' }.length", equalTo(runsThatIssued))
                .body("checks.find { it.name == 'CHAINS' }.checked", equalTo(1200 + runsThatIssued));
    }

    /** Without the lookup (an older membership-service), the debtors are read one by one, as before. */
    @Test
    void withoutTheLookupDebtorsAreReadOneByOne() {
        String a = issuer(30, null);
        UUID dep = Ledger.debtor("Département du Pas-de-Calais");
        SourceServicesStub.stubMembershipFeed(List.of(item(MEMBERSHIP, UUID.randomUUID(), 1, a, dep, "Cotisation 2024",
                "2024-01-01", "2024-12-31", "2024-01-02", null, "600.00", "600.00", 30)));
        run("2024-01-02").statusCode(201).body("status", equalTo("COMPLETED")).body("issuedCount", equalTo(1));
        SourceServicesStub.server().verify(1, getRequestedFor(urlPathEqualTo(SourceServicesStub.ORGANISATIONS + "/" + dep)));
        assertTrue(QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "SELECT debtor_name FROM titre WHERE debtor_id = ?1").setParameter(1, dep).getSingleResult())
                .equals("Département du Pas-de-Calais"));
    }

    // ---------------------------------------------------------------------------------------------

    /** membership-service's lookup knows these debtors (and no other). */
    private static void stubLookup(List<UUID> debtors) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < debtors.size(); i++) {
            json.append(i == 0 ? "" : ",").append("""
                    {"id": "%s", "name": "Organisation %d", "siret": "22620001200012", "category": "COMMUNE",
                     "address": {"street": "Hôtel de ville", "postalCode": "62300", "city": "Lens"},
                     "chorus": {"legalCommitment": "1300%06d", "serviceCode": "FIN"}, "version": 0}""".formatted(debtors.get(i), i, i));
        }
        json.append("]");
        SourceServicesStub.server().stubFor(post(urlPathEqualTo(LOOKUP)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(json.toString())));
    }

    private List<Integer> serials(String issuer, int year) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "SELECT serial FROM titre WHERE issuer = ?1 AND fiscal_year = ?2 ORDER BY serial")
                .setParameter(1, issuer).setParameter(2, year).getResultList().stream()
                .map(s -> ((Number) s).intValue()).toList());
    }

    private BigDecimal sum(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> (BigDecimal) em.createNativeQuery(sql).getSingleResult());
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> result = em.createNativeQuery(sql).getResultList();
            return result.stream().map(r -> r instanceof Object[] a ? a : new Object[]{r}).toList();
        });
    }

    private static long number(Object o) {
        return ((Number) o).longValue();
    }
}
