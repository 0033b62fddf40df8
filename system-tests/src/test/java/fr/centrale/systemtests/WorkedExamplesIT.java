package fr.centrale.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The worked examples of docs/rules.md, end to end: the three packaged services talking over real HTTP, the
 * data created through the membership and convention APIs, billing runs in date order, and the titres
 * de recettes the ledger holds afterwards, to the cent.
 *
 * <p>The set-up is the scenario (create, then bill as of each date); each test reads one aspect of the
 * resulting ledger, the last one re-runs every date.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkedExamplesIT {

    @RegisterExtension
    static final ServiceGroup services = new ServiceGroup(WorkedExamplesIT.class);

    /** The billing runs, in date order: each issues what fell due since the previous one. */
    private static final List<String> RUN_DATES =
            List.of("2022-03-01", "2022-12-15", "2023-01-02", "2024-01-02", "2024-01-15", "2025-01-02");

    private static Databases databases;
    private static JsonApi membership;
    private static JsonApi convention;
    private static JsonApi billing;

    private static String departement;
    private static String agglomeration;
    /** A titre line's sourceId → what the source is, for readable ledger rows ("RESAH-2021-008-LOT3"). */
    private static final Map<String, String> SOURCES = new HashMap<>();
    private static final Map<String, JsonNode> FIRST_RUNS = new LinkedHashMap<>();

    @BeforeAll
    static void createTheExamplesThroughTheApisAndBillInDateOrder() throws InterruptedException {
        // Fail before starting anything when a service is not built.
        List.of("membership-service", "convention-service", "billing-service").forEach(Centrale::runJar);
        databases = Databases.start("membership", "convention", "billing");

        ServiceProcess ms = services.start("membership-service", "membership-service", databases.datasource("membership"));
        Map<String, String> cs = new LinkedHashMap<>(databases.datasource("convention"));
        cs.put("quarkus.rest-client.membership.url", ms.baseUrl());
        cs.put("centrale.q1-run-day", "01-02");
        ServiceProcess csp = services.start("convention-service", "convention-service", cs);
        Map<String, String> bs = new LinkedHashMap<>(databases.datasource("billing"));
        bs.put("quarkus.rest-client.membership.url", ms.baseUrl());
        bs.put("quarkus.rest-client.convention.url", csp.baseUrl());
        // No daily run racing the test's runs.
        bs.put("centrale.billing.cron", "off");
        bs.put("centrale.q1-run-day", "01-02");
        ServiceProcess bsp = services.start("billing-service", "billing-service", bs);
        services.awaitReady(ms, csp, bsp);
        membership = new JsonApi(ms, services.http());
        convention = new JsonApi(csp, services.http());
        billing = new JsonApi(bsp, services.http());

        // A SIRET whose 14 digits and SIREN pass the Luhn check; 5 000 employees (CAIH sizes by headcount).
        departement = membership.create("/api/v1/organisations", """
                {"name": "Département du Pas-de-Calais", "siret": "22620001200012", "category": "DEPARTEMENT",
                 "headcount": 5000,
                 "address": {"street": "Hôtel du Département, rue Ferdinand Buisson", "postalCode": "62018", "city": "Arras cedex"}}
                """).path("id").asText();
        agglomeration = membership.create("/api/v1/organisations", """
                {"name": "Communauté d'Agglomération de Béthune-Bruay, Artois-Lys Romane", "siret": "20007246000013",
                 "category": "COMMUNAUTE_AGGLOMERATION", "population": 277000,
                 "address": {"street": "100 avenue de Londres", "postalCode": "62411", "city": "Béthune cedex"}}
                """).path("id").asText();

        // Worked example 1: bulletin received after 31 October, so nothing for 2023 and 600 € at the Q1 2024 run.
        membershipOf(departement, "RESAH", "2023-12-11");
        membershipOf(agglomeration, "RESAH", "2022-01-10");

        // Worked example 3 (model P): 2 500,00 € for the first execution year, then 1 152,08 € prorated.
        signedConvention(departement, "RESAH-2021-008-LOT3", "2024-01-15", "2025-06-30", "2023-12-20");
        // Worked example 6 (model C): a département pays the local authority ceiling, 1 500 €, for 2022 and 2023.
        signedConvention(departement, "CAIH-SO360", "2022-12-15", "2023-07-16", "2022-12-13");
        // Ends with its framework agreement: one execution year of 7.90 months, 658,33 €.
        signedConvention(departement, "RESAH-2020-027-LOT1-SECURITE", "2024-01-01", "2024-08-27", "2023-12-20");
        // Worked example 5: 1 000 € for each of the three execution years.
        signedConvention(agglomeration, "RESAH-2021-045-LOT2", "2022-03-01", "2025-02-15", "2022-02-20");

        for (String date : RUN_DATES) {
            FIRST_RUNS.put(date, billingRun(date));
        }
    }

    @AfterAll
    static void stopEverything() {
        services.stopAll();
        if (databases != null) {
            databases.close();
        }
    }

    @Test
    @Order(1)
    void eachRunCompletesAndIssuesWhatFellDueSinceThePreviousOne() {
        // Issued: CA year 1 | CAIH 2022 | CAIH 2023, CA fee 2023, CA year 2 | fees 2024 ×2, 2020-027, CA year 3
        //       | 2021-008 year 1 | fees 2025 ×2, 2021-008 year 2
        int[] issued = {1, 1, 3, 4, 1, 3};
        int[] already = {0, 1, 2, 5, 9, 10};
        for (int i = 0; i < RUN_DATES.size(); i++) {
            JsonNode run = FIRST_RUNS.get(RUN_DATES.get(i));
            assertThat(List.of(run.path("asOf").asText(), run.path("status").asText(), run.path("issuedCount").asInt(),
                    run.path("alreadyIssuedCount").asInt(), run.path("failedCount").asInt()))
                    .as("billing run %s: %s", RUN_DATES.get(i), run)
                    .containsExactly(RUN_DATES.get(i), "COMPLETED", issued[i], already[i], 0);
        }
    }

    @Test
    @Order(2)
    void theDepartementsLedger() {
        assertThat(ledgerRows(departement)).containsExactlyInAnyOrder(
                // Worked example 6: CAIH, 50 days to pay; its amounts are HT, with 20 % VAT (R-1, worked example 7).
                "CAIH-SO360 #1: CAIH 1500.00 HT, 1800.00 TTC issued 2022-12-15 due 2023-02-03",
                "CAIH-SO360 #2: CAIH 1500.00 HT, 1800.00 TTC issued 2023-01-02 due 2023-02-21",
                // Worked example 1: nothing for 2023; the fee of 2024 at the Q1 run, then every year.
                "membership RESAH #1: RESAH 600.00 HT, 600.00 TTC issued 2024-01-02 due 2024-02-01",
                "membership RESAH #2: RESAH 600.00 HT, 600.00 TTC issued 2025-01-02 due 2025-02-01",
                // Worked example 3.
                "RESAH-2021-008-LOT3 #1: RESAH 2500.00 HT, 2500.00 TTC issued 2024-01-15 due 2024-02-14",
                "RESAH-2021-008-LOT3 #2: RESAH 1152.08 HT, 1152.08 TTC issued 2025-01-02 due 2025-02-01",
                // Starts on 2024-01-01: its titre falls due that day, the run of 2024-01-02 issues it.
                "RESAH-2020-027-LOT1-SECURITE #1: RESAH 658.33 HT, 658.33 TTC issued 2024-01-02 due 2024-02-01");
    }

    @Test
    @Order(3)
    void workedExample6_caihNumbersAndDueDate() {
        JsonNode first = titre(departement, "CAIH-SO360", 1);
        assertThat(first.path("number").asText()).isEqualTo("CAIH-2022-000001");
        assertThat(first.path("fiscalYear").asInt()).isEqualTo(2022);
        assertThat(first.path("dueOn").asText()).isEqualTo("2023-02-03");
        // the CAIH grid is HT; 1 500,00 HT + 300,00 VAT (20 %) = 1 800,00 claimed.
        assertThat(List.of(cents(first, "totalHt"), cents(first, "totalVat"), cents(first, "total"), line(first, "vatRate")))
                .containsExactly("1500.00", "300.00", "1800.00", "20.00");
        assertThat(titre(departement, "CAIH-SO360", 2).path("number").asText()).isEqualTo("CAIH-2023-000001");
    }

    @Test
    @Order(4)
    void workedExample1_noFeeFor2023_600AtTheQ1Run2024() {
        List<JsonNode> fees = titres(departement).stream()
                .filter(t -> source(t).equals("membership RESAH")).toList();
        assertThat(fees).extracting(t -> t.path("fiscalYear").asInt()).containsExactlyInAnyOrder(2024, 2025);
        JsonNode fee2024 = titre(departement, "membership RESAH", 1);
        assertThat(line(fee2024, "periodStart")).isEqualTo("2024-01-01");
        assertThat(line(fee2024, "periodEnd")).isEqualTo("2024-12-31");
        assertThat(line(fee2024, "annualAmount")).isEqualTo("600.00");
        assertThat(cents(fee2024, "total")).isEqualTo("600.00");
        assertThat(fee2024.path("number").asText()).startsWith("RESAH-2024-");
    }

    @Test
    @Order(5)
    void workedExample3_2500ThenProrated1152_08() {
        JsonNode year1 = titre(departement, "RESAH-2021-008-LOT3", 1);
        assertThat(List.of(cents(year1, "total"), line(year1, "periodStart"), line(year1, "periodEnd"), line(year1, "annualAmount")))
                .containsExactly("2500.00", "2024-01-15", "2025-01-14", "2500.00");
        JsonNode year2 = titre(departement, "RESAH-2021-008-LOT3", 2);
        assertThat(List.of(cents(year2, "total"), year2.path("issuedOn").asText(), line(year2, "periodStart"),
                line(year2, "periodEnd"), line(year2, "months"), line(year2, "annualAmount"), line(year2, "amount")))
                .containsExactly("1152.08", "2025-01-02", "2025-01-15", "2025-06-30", "5.53", "2500.00", "1152.08");
    }

    @Test
    @Order(6)
    void resah2020027_oneProratedTitreUntilTheFrameworkAgreementEnds() {
        JsonNode t = titre(departement, "RESAH-2020-027-LOT1-SECURITE", 1);
        assertThat(List.of(cents(t, "total"), t.path("issuedOn").asText(), line(t, "periodStart"), line(t, "periodEnd"),
                line(t, "months")))
                .containsExactly("658.33", "2024-01-02", "2024-01-01", "2024-08-27", "7.90");
    }

    @Test
    @Order(7)
    void workedExample5_theAgglomerationsLedger() {
        assertThat(ledgerRows(agglomeration)).containsExactlyInAnyOrder(
                // Three execution years, 1 000 € each: at the start, then at the Q1 runs.
                "RESAH-2021-045-LOT2 #1: RESAH 1000.00 HT, 1000.00 TTC issued 2022-03-01 due 2022-03-31",
                "RESAH-2021-045-LOT2 #2: RESAH 1000.00 HT, 1000.00 TTC issued 2023-01-02 due 2023-02-01",
                "RESAH-2021-045-LOT2 #3: RESAH 1000.00 HT, 1000.00 TTC issued 2024-01-02 due 2024-02-01",
                // Joined on 2022-01-10, but RESAH's fees start in 2023 (no schedule for 2022, nothing billed).
                "membership RESAH #2: RESAH 600.00 HT, 600.00 TTC issued 2023-01-02 due 2023-02-01",
                "membership RESAH #3: RESAH 600.00 HT, 600.00 TTC issued 2024-01-02 due 2024-02-01",
                "membership RESAH #4: RESAH 600.00 HT, 600.00 TTC issued 2025-01-02 due 2025-02-01");
    }

    @Test
    @Order(8)
    void numberingIsContinuousPerIssuerAndYear() {
        JsonNode page = billing.get("/api/v1/titres?size=500");
        List<JsonNode> all = new ArrayList<>();
        page.path("items").forEach(all::add);
        assertThat(page.path("total").asInt()).isEqualTo(13);
        Map<String, List<Integer>> serials = new TreeMap<>();
        for (JsonNode t : all) {
            String number = t.path("number").asText();
            String series = t.path("issuer").asText() + "-" + t.path("fiscalYear").asInt();
            assertThat(number).as("number of %s", t).matches(series + "-\\d{6}");
            assertThat(t.path("fiscalYear").asInt()).isEqualTo(LocalDate.parse(t.path("issuedOn").asText()).getYear());
            serials.computeIfAbsent(series, s -> new ArrayList<>()).add(Integer.parseInt(number.substring(number.length() - 6)));
        }
        serials.values().forEach(list -> list.sort(null));
        assertThat(serials).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                "CAIH-2022", oneTo(1), "CAIH-2023", oneTo(1),
                "RESAH-2022", oneTo(1), "RESAH-2023", oneTo(2), "RESAH-2024", oneTo(5), "RESAH-2025", oneTo(3))));

        // The same through the issuer and year filters: RESAH 2024 is 1..5, no gap, no duplicate.
        List<Integer> resah2024 = new ArrayList<>();
        billing.get("/api/v1/titres?issuer=RESAH&year=2024&size=100").path("items")
                .forEach(t -> resah2024.add(Integer.parseInt(t.path("number").asText().substring("RESAH-2024-".length()))));
        assertThat(resah2024).containsExactlyInAnyOrderElementsOf(oneTo(5));
    }

    @Test
    @Order(9)
    void everyTitreIsAnIssuedOriginalWithOneLineThatAddsUp() {
        for (String debtor : List.of(departement, agglomeration)) {
            for (JsonNode t : titres(debtor)) {
                assertThat(List.of(t.path("kind").asText(), t.path("status").asText(), t.path("debtor").path("id").asText(),
                        t.path("lines").size(), cents(t, "remainingAmount")))
                        .as("titre %s", t)
                        .containsExactly("ORIGINAL", "ISSUED", debtor, 1, cents(t, "total"));
                assertThat(line(t, "amountTtc")).as("line of %s", t.path("number")).isEqualTo(cents(t, "total"));
                assertThat(line(t, "amount")).as("line of %s", t.path("number")).isEqualTo(cents(t, "totalHt"));
            }
        }
        assertThat(titre(departement, "CAIH-SO360", 1).path("debtor").path("siret").asText()).isEqualTo("22620001200012");
    }

    @Test
    @Order(10)
    void runningEveryDateAgainIssuesNothing() {
        int[] alreadyIssued = {1, 2, 5, 9, 10, 13};
        for (int i = 0; i < RUN_DATES.size(); i++) {
            JsonNode run = billingRun(RUN_DATES.get(i));
            assertThat(List.of(run.path("status").asText(), run.path("issuedCount").asInt(),
                    run.path("alreadyIssuedCount").asInt(), run.path("failedCount").asInt()))
                    .as("second billing run as of %s: %s", RUN_DATES.get(i), run)
                    .containsExactly("COMPLETED", 0, alreadyIssued[i], 0);
        }
        assertThat(billing.get("/api/v1/titres?size=1").path("total").asInt()).isEqualTo(13);
    }

    // ---------------------------------------------------------------------------------------------

    private static void membershipOf(String organisation, String body, String bulletinReceivedOn) {
        JsonNode created = membership.create("/api/v1/memberships",
                Map.of("organisationId", organisation, "purchasingBody", body, "bulletinReceivedOn", bulletinReceivedOn));
        SOURCES.put(created.path("id").asText(), "membership " + body);
    }

    /** An OWN_ACCOUNT convention (the signatory is its only beneficiary), created then signed. */
    private static void signedConvention(String signatory, String offer, String startsOn, String endsOn, String signedOn) {
        JsonNode draft = convention.create("/api/v1/conventions", Map.of(
                "offer", offer, "signatoryId", signatory, "mode", "OWN_ACCOUNT", "endsOn", endsOn,
                "beneficiaries", List.of(Map.of("organisationId", signatory, "startsOn", startsOn))));
        String id = draft.path("id").asText();
        convention.post("/api/v1/conventions/" + id + "/signature", Map.of("signedOn", signedOn), 200);
        SOURCES.put(id, offer);
    }

    private static JsonNode billingRun(String asOf) {
        return billing.create("/api/v1/billing-runs", Map.of("asOf", asOf));
    }

    private static List<JsonNode> titres(String debtor) {
        JsonNode page = billing.get("/api/v1/titres?debtorId=" + debtor + "&size=100");
        List<JsonNode> titres = new ArrayList<>();
        page.path("items").forEach(titres::add);
        assertThat(titres).as("the page holds every titre of %s", debtor).hasSize(page.path("total").asInt());
        return titres;
    }

    /**
     * The titres in issue order, each as one line: "RESAH-2021-008-LOT3 #2: RESAH 1152.08 HT, 1152.08 TTC issued 2025-01-02 due
     * 2025-02-01", where the first part is the source of its line and the item's sequence; the TTC is what the titre claims.
     */
    private static List<String> ledgerRows(String debtor) {
        return titres(debtor).stream()
                .sorted(Comparator.comparing((JsonNode t) -> t.path("issuedOn").asText()).thenComparing(t -> t.path("number").asText()))
                .map(t -> "%s #%s: %s %s HT, %s TTC issued %s due %s".formatted(source(t), t.path("lines").path(0).path("sequence").asText(),
                        t.path("issuer").asText(), cents(t, "totalHt"), cents(t, "total"), t.path("issuedOn").asText(),
                        t.path("dueOn").asText()))
                .collect(Collectors.toList());
    }

    private static JsonNode titre(String debtor, String source, int sequence) {
        List<JsonNode> found = titres(debtor).stream()
                .filter(t -> source(t).equals(source) && t.path("lines").path(0).path("sequence").asInt() == sequence)
                .toList();
        assertThat(found).as("titres of %s for %s #%d", debtor, source, sequence).hasSize(1);
        return found.get(0);
    }

    private static String source(JsonNode titre) {
        String id = titre.path("lines").path(0).path("sourceId").asText();
        return SOURCES.getOrDefault(id, "unknown source " + id);
    }

    /** An amount exactly as the service wrote it, read as a BigDecimal: "1152.08", "1500.00". */
    private static String cents(JsonNode node, String field) {
        JsonNode value = node.path(field);
        assertThat(value.isBigDecimal()).as("%s of %s is a decimal number", field, node.path("number")).isTrue();
        return value.decimalValue().toPlainString();
    }

    /** A field of the titre's (single) line, as text: dates, and decimals as written. */
    private static String line(JsonNode titre, String field) {
        JsonNode value = titre.path("lines").path(0).path(field);
        return value.isBigDecimal() ? value.decimalValue().toPlainString() : value.asText();
    }

    private static List<Integer> oneTo(int n) {
        return IntStream.rangeClosed(1, n).boxed().toList();
    }
}
