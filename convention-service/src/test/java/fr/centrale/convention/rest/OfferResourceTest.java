package fr.centrale.convention.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyIterable;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class OfferResourceTest {

    private static final String OFFERS = "/api/v1/offers";
    private static final List<String> CATALOGUE = List.of(
            "RESAH-2021-046-001", "RESAH-2021-047-001",
            "RESAH-2021-008-LOT1", "RESAH-2021-008-LOT2", "RESAH-2021-008-LOT3", "RESAH-2021-008-LOT4",
            "RESAH-2020-027-LOT1-HEBERGEMENT", "RESAH-2020-027-LOT1-SECURITE", "RESAH-2020-027-LOT1-HEBERGEMENT-SECURITE",
            "RESAH-2021-045-LOT2", "RESAH-2021-045-LOT4", "RESAH-2021-063-002", "CAIH-SO360");
    private static final String HEADER =
            "Centrale d'achat;Accord-cadre;Lot;Formule;Offre;Catégorie ou tranche;Montant annuel HT (€)";

    // ---- The catalogue out of the box

    @Test
    void everyOfferOfTheCatalogueIsThereOutOfTheBox() {
        List<String> codes = given().queryParam("size", 500).when().get(OFFERS).then().statusCode(200)
                .body("page", equalTo(0)).body("size", equalTo(500)).body("total", greaterThanOrEqualTo(13))
                .extract().path("items.code");
        assertThat(codes).containsAll(CATALOGUE);

        String lot3 = given().when().get(OFFERS + "/RESAH-2021-008-LOT3").then().statusCode(200)
                .body("id", equalTo("0ffe0000-0000-4000-8000-000000000005"))
                .body("offerVersion", equalTo(1)).body("superseded", equalTo(false))
                .body("purchasingBody", equalTo("RESAH")).body("frameworkAgreement", equalTo("2021-008"))
                .body("lot", equalTo("3")).body("displayName", equalTo("RESAH 2021-008 lot 3"))
                .body("pricingModel", equalTo("PRORATED_LAST_PERIOD")).body("maxDurationMonths", equalTo(48))
                .body("paymentTermDays", equalTo(30)).body("beneficiariesMayPay", equalTo(true))
                .body("tariffs.size()", equalTo(11))
                .body("tariffs[0].code", equalTo("GROUP_10_PLUS")).body("tariffs[0].min", equalTo(10))
                .body("tariffs.find { it.code == 'DEPARTEMENT' }.amount", equalTo(2500.00f))
                .body("tariffs.find { it.code == 'DEPARTEMENT' }.categories", contains("DEPARTEMENT"))
                .body("tariffs.find { it.code == 'DEPARTEMENT' }.label", equalTo("Départements"))
                .body("tariffs.find { it.code == 'COMMUNE_UNDER_50000' }.max", equalTo(49999))
                .extract().asString();
        assertThat(lot3).contains("\"amount\":2500.00").contains("\"amount\":1000.00");

        given().when().get(OFFERS + "/CAIH-SO360").then().statusCode(200)
                .body("pricingModel", equalTo("CALENDAR_YEAR")).body("paymentTermDays", equalTo(50))
                .body("terminationNoticeMonths", equalTo(3)).body("endsOn", equalTo("2023-07-16"))
                .body("membershipRequired", equalTo(false)).body("hasMaximumAmounts", equalTo(false))
                .body("groupCap", equalTo(1500.00f)).body("localAuthorityAmount", equalTo(1500.00f))
                .body("tariffs.code", contains("SIZE_500_PLUS", "SIZE_100_499", "SIZE_UNDER_100"))
                .body("tariffs.amount", contains(400.00f, 200.00f, 100.00f));
        given().when().get(OFFERS + "/RESAH-2021-063-002").then().statusCode(200)
                .body("fees.increaseMaximum", equalTo(150.00f)).body("fees.increaseMaximumDueAtSignature", equalTo(true))
                .body("tariffs.find { it.code == 'COMMUNE_20000_30000' }.max", equalTo(30000))
                .body("tariffs.find { it.code == 'OTHERS' }.onQuote", equalTo(true))
                .body("tariffs.find { it.code == 'OTHERS' }.amount", nullValue());
        given().when().get(OFFERS + "/RESAH-2021-046-001").then().statusCode(200)
                .body("billedPerSubsequentMarket", equalTo(true))
                .body("fees.addBeneficiary", equalTo(150.00f)).body("fees.increaseMaximum", equalTo(300.00f))
                .body("fees.tierChangeComplement", equalTo(true));
        given().when().get(OFFERS + "/RESAH-2020-027-LOT1-SECURITE").then().statusCode(200)
                .body("formula", equalTo("Sécurité")).body("endsOn", equalTo("2024-08-27"))
                .body("eligibilityNote", containsString("2016-042"))
                .body("tariffs.find { it.code == 'DEPARTEMENT' }.amount", equalTo(1000.00f));
    }

    @Test
    void anOfferIsFoundByCodeWhateverItsCaseAndById() {
        given().when().get(OFFERS + "/resah-2021-008-lot3").then().statusCode(200).body("code", equalTo("RESAH-2021-008-LOT3"));
        given().when().get(OFFERS + "/0ffe0000-0000-4000-8000-000000000005").then().statusCode(200)
                .body("code", equalTo("RESAH-2021-008-LOT3"));
        given().when().get(OFFERS + "/0ffe0000-0000-4000-8000-000000000013").then().statusCode(200)
                .body("code", equalTo("CAIH-SO360"));
    }

    @Test
    void theListFiltersByPurchasingBody() {
        given().queryParam("purchasingBody", "CAIH").when().get(OFFERS).then().statusCode(200)
                .body("items.purchasingBody", everyItem(equalTo("CAIH"))).body("items.code", hasItem("CAIH-SO360"));
        given().queryParam("purchasingBody", "resah").queryParam("size", 500).when().get(OFFERS).then().statusCode(200)
                .body("items.purchasingBody", everyItem(equalTo("RESAH")))
                .body("items.code", hasItems("RESAH-2021-008-LOT1", "RESAH-2021-063-002"))
                .body("items.code", not(hasItem("CAIH-SO360")));
        given().queryParam("purchasingBody", "NOBODY").when().get(OFFERS).then().statusCode(200)
                .body("total", equalTo(0)).body("items", emptyIterable());
        given().queryParam("size", 2).queryParam("purchasingBody", "RESAH").when().get(OFFERS).then().statusCode(200)
                .body("items.size()", equalTo(2)).body("total", greaterThanOrEqualTo(12));
        given().queryParam("size", 501).when().get(OFFERS).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("size"));
        given().queryParam("includeSuperseded", "maybe").when().get(OFFERS).then().statusCode(400)
                .body("errors[0].field", equalTo("includeSuperseded"));
    }

    // ---- CSV export

    @Test
    void theCatalogueExportsAsACsvThatExcelInFrenchOpens() {
        Response response = given().when().get(OFFERS + "/export");
        response.then().statusCode(200)
                .contentType(startsWith("text/csv"))
                .header("Content-Disposition", containsString("attachment"))
                .header("Content-Disposition", containsString("filename=\"catalogue.csv\""));
        byte[] bytes = response.asByteArray();
        assertThat(bytes).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
        assertThat(text.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        assertThat(text).endsWith("\r\n");
        List<String> lines = List.of(text.split("\r\n"));
        assertThat(lines.get(0)).isEqualTo(HEADER);
        assertThat(lines).contains(
                "RESAH;n° 2021-008;3;;Prestations d'assistance à la maîtrise d'œuvre informatique — Lot 3 : POSTES UTILISATEURS;"
                        + "Départements;2500,00",
                "RESAH;n° 2020-027;1;Sécurité;Hébergement cloud hybride avec services et offre de cybersécurité — formule « Sécurité »;"
                        + "CD (Département);1000,00",
                "RESAH;n° 2021-063-002;;;Fourniture et intégration de solutions de sécurité et services managés;Autres;Sur devis");
        // Every tariff row of the 13 offers, plus the CAIH cap and local-authority amount.
        assertThat(lines.size() - 1).isGreaterThanOrEqualTo(6 + 12 + 4 * 11 + 3 * 7 + 2 * 8 + 8 + 3 + 2);
        assertThat(lines.stream().skip(1).filter(l -> l.startsWith("RESAH;") || l.startsWith("CAIH;")))
                .allSatisfy(l -> assertThat(l.split(";", -1)).hasSize(7));

        String caih = new String(given().queryParam("purchasingBody", "CAIH").when().get(OFFERS + "/export")
                .then().statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8);
        String caihTitle = "CAIH;n° AOO-CAIH SO360;;;Prestations et fournitures de services de sécurité opérés à 360°;";
        assertThat(caih.substring(1).split("\r\n")).containsExactly(HEADER,
                caihTitle + "Etablissement + de 500 lits/places ou + de 500 employés;400,00",
                caihTitle + "Etablissement - de 500 lits/places ou - de 500 employés;200,00",
                caihTitle + "Etablissement - de 100 lits/places ou - de 100 employés;100,00",
                caihTitle + "GHT ou autre groupement d'établissements (plafond);1500,00",
                caihTitle + "Collectivité territoriale;1500,00");
    }

    @Test
    void csvFieldsWithSeparatorsOrQuotesAreQuotedAndFormulasDefused() {
        String body = uniqueBody();
        Map<String, Object> offer = offer(unique("CSV"), body);
        offer.put("formula", "-Spéciale");
        rows(offer).get(1).put("label", "Départements; \"hors\" Corse");
        given().contentType(ContentType.JSON).body(offer).when().post(OFFERS).then().statusCode(201);
        String csv = new String(given().queryParam("purchasingBody", body).when().get(OFFERS + "/export")
                .then().statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8);
        assertThat(csv.substring(1).split("\r\n")).containsExactly(HEADER,
                body + ";n° 2025-010;1;'-Spéciale;Offre de test;Groupement de 2 bénéficiaires et plus;3000,00",
                body + ";n° 2025-010;1;'-Spéciale;Offre de test;\"Départements; \"\"hors\"\" Corse\";2500,00",
                body + ";n° 2025-010;1;'-Spéciale;Offre de test;Communes à partir de 20 000 habitants;1000,50",
                body + ";n° 2025-010;1;'-Spéciale;Offre de test;Autres;Sur devis");
    }

    // ---- Creating offers

    @Test
    void anOfferIsCreatedOnceAndItsCodeThenConflicts() {
        String code = unique("RESAH-2025-010");
        Map<String, Object> offer = offer(code, uniqueBody());
        Response created = given().contentType(ContentType.JSON).body(offer).when().post(OFFERS);
        created.then().statusCode(201)
                .body("code", equalTo(code)).body("offerVersion", equalTo(1)).body("superseded", equalTo(false))
                .body("pricingModel", equalTo("FULL_YEAR")).body("terminationNoticeMonths", equalTo(0))
                .body("hasMaximumAmounts", equalTo(true)).body("membershipRequired", equalTo(false))
                .body("fees.increaseMaximum", equalTo(150.00f)).body("fees.tierChangeComplement", equalTo(false))
                .body("tariffs.code", contains("GROUP_2_PLUS", "DEPARTEMENT", "COMMUNE_20000_PLUS", "OTHERS"))
                .body("tariffs.rank", contains(1, 2, 3, 4))
                .body("tariffs[3].onQuote", equalTo(true));
        String id = created.path("id");
        created.then().header("Location", endsWith(OFFERS + "/" + id));
        assertThat(created.asString()).contains("\"amount\":2500.00").contains("\"amount\":1000.50")
                .contains("\"increaseMaximum\":150.00");
        given().when().get(OFFERS + "/" + code).then().statusCode(200).body("id", equalTo(id));

        offer.put("title", "Une autre offre sous le même code");
        given().contentType(ContentType.JSON).body(offer).when().post(OFFERS).then().statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("OFFER_EXISTS"));
        given().queryParam("includeSuperseded", "true").queryParam("purchasingBody", offer.get("purchasingBody"))
                .when().get(OFFERS).then().body("total", equalTo(1));
    }

    @Test
    void anIdempotencyKeyReplaysTheFirstAnswer() {
        String code = unique("RESAH-2025-011");
        Map<String, Object> offer = offer(code, uniqueBody());
        String key = UUID.randomUUID().toString();
        String id = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(offer)
                .when().post(OFFERS).then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(offer)
                .when().post(OFFERS).then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(id)).body("code", equalTo(code));
        offer.put("title", "Autre corps");
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(offer)
                .when().post(OFFERS).then().statusCode(409).body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
        given().queryParam("purchasingBody", offer.get("purchasingBody")).queryParam("includeSuperseded", "true")
                .when().get(OFFERS).then().body("total", equalTo(1));
    }

    @Test
    void racingCreationsOfOneCodeMakeOneOffer() throws Exception {
        Map<String, Object> offer = offer(unique("RACE"), uniqueBody());
        int racers = 6;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return given().contentType(ContentType.JSON).body(offer).post(OFFERS).statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : futures) {
                statuses.add(f.get());
            }
            assertThat(statuses).containsOnly(201, 409).filteredOn(s -> s == 201).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- Versions

    @Test
    void aNewVersionSupersedesTheCurrentOneWhichKeepsItsGrid() {
        String body = uniqueBody();
        String code = unique("RESAH-2025-012");
        Response v1 = given().contentType(ContentType.JSON).body(offer(code, body)).when().post(OFFERS);
        v1.then().statusCode(201);
        String id1 = v1.path("id");
        List<Map<String, Object>> grid1 = v1.path("tariffs");

        Map<String, Object> terms2 = offer(code, body);
        terms2.put("title", "Offre de test (tarifs 2026)");
        rows(terms2).get(1).put("amount", new BigDecimal("2600"));
        Response v2 = given().contentType(ContentType.JSON).body(terms2).when().post(OFFERS + "/" + code + "/versions");
        v2.then().statusCode(201)
                .body("code", equalTo(code)).body("offerVersion", equalTo(2)).body("superseded", equalTo(false))
                .body("tariffs[1].amount", equalTo(2600.00f)).body("title", equalTo("Offre de test (tarifs 2026)"));
        String id2 = v2.path("id");
        assertThat(id2).isNotEqualTo(id1);
        v2.then().header("Location", endsWith(OFFERS + "/" + id2));

        given().when().get(OFFERS + "/" + code.toLowerCase()).then().statusCode(200).body("id", equalTo(id2));
        Response old = given().when().get(OFFERS + "/" + id1);
        old.then().statusCode(200).body("superseded", equalTo(true)).body("offerVersion", equalTo(1))
                .body("title", equalTo("Offre de test")).body("tariffs[1].amount", equalTo(2500.00f));
        assertThat(old.<List<Map<String, Object>>>path("tariffs")).isEqualTo(grid1);

        given().queryParam("purchasingBody", body).when().get(OFFERS).then()
                .body("total", equalTo(1)).body("items[0].id", equalTo(id2));
        given().queryParam("purchasingBody", body).queryParam("includeSuperseded", "true").when().get(OFFERS).then()
                .body("total", equalTo(2)).body("items.offerVersion", contains(1, 2));
        given().when().get(OFFERS + "/" + code + "/versions").then().statusCode(200)
                .body("id", contains(id1, id2)).body("superseded", contains(true, false));

        // Any version's id names the offer; the current one is the one superseded.
        String key = UUID.randomUUID().toString();
        String id3 = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(offer(code, body))
                .when().post(OFFERS + "/" + id1 + "/versions").then().statusCode(201)
                .body("offerVersion", equalTo(3)).extract().path("id");
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(offer(code, body))
                .when().post(OFFERS + "/" + id1 + "/versions").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(id3));
        given().when().get(OFFERS + "/" + id2).then().body("superseded", equalTo(true))
                .body("tariffs[1].amount", equalTo(2600.00f));
        given().when().get(OFFERS + "/" + code + "/versions").then().body("size()", equalTo(3));
    }

    @Test
    void aVersionMustKeepTheCodeAndNameAnExistingOffer() {
        String body = uniqueBody();
        String code = unique("RESAH-2025-013");
        given().contentType(ContentType.JSON).body(offer(code, body)).when().post(OFFERS).then().statusCode(201);
        given().contentType(ContentType.JSON).body(offer(unique("OTHER"), body))
                .when().post(OFFERS + "/" + code + "/versions").then().statusCode(400)
                .body("errors[0].field", equalTo("code"));
        Map<String, Object> invalid = offer(code, body);
        rows(invalid).get(0).remove("label");
        given().contentType(ContentType.JSON).body(invalid)
                .when().post(OFFERS + "/" + code + "/versions").then().statusCode(400)
                .body("errors.field", hasItem("tariffs[0].label"));
        given().when().get(OFFERS + "/" + code + "/versions").then().body("size()", equalTo(1))
                .body("[0].superseded", equalTo(false));
        given().contentType(ContentType.JSON).body(offer("NOPE-NOPE", body))
                .when().post(OFFERS + "/NOPE-NOPE/versions").then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("NOT_FOUND"));
    }

    // ---- Bad input and unknown offers

    @Test
    void badOffersAreRefusedNamingTheFieldAndWriteNothing() {
        String body = uniqueBody();
        String code = unique("BAD");
        refused(Map.of(), "code", "purchasingBody", "frameworkAgreement", "title", "pricingModel", "paymentTermDays", "tariffs");
        refused(with(code, body, o -> rows(o).get(0).put("amount", -1)), "tariffs[0].amount");
        refused(with(code, body, o -> rows(o).get(1).put("amount", new BigDecimal("2500.001"))), "tariffs[1].amount");
        refused(with(code, body, o -> o.put("pricingModel", "SOMETIMES")), "pricingModel");
        refused(with(code, body, o -> rows(o).get(1).remove("label")), "tariffs[1].label");
        refused(with(code, body, o -> rows(o).get(1).put("label", " ")), "tariffs[1].label");
        refused(with(code, body, o -> rows(o).get(0).put("kind", "SOMETHING")), "tariffs[0].kind");
        refused(with(code, body, o -> rows(o).get(0).remove("min")), "tariffs[0].min");
        refused(with(code, body, o -> rows(o).get(1).remove("categories")), "tariffs[1].categories");
        refused(with(code, body, o -> rows(o).get(1).put("categories", List.of("PLANET"))), "tariffs[1].categories[0]");
        refused(with(code, body, o -> {
            rows(o).get(2).put("min", 30000);
            rows(o).get(2).put("max", 20000);
        }), "tariffs[2].max");
        refused(with(code, body, o -> rows(o).get(1).put("code", "GROUP_2_PLUS")), "tariffs[1].code");
        refused(with(code, body, o -> o.put("tariffs", List.of())), "tariffs");
        refused(with(code, body, o -> o.put("groupCap", 1500)), "groupCap");
        refused(with(code, body, o -> o.put("paymentTermDays", 400)), "paymentTermDays");
        refused(with(code, body, o -> o.put("fees", Map.of("increaseMaximum", -5))), "fees.increaseMaximum");
        refused(with(code, body, o -> o.put("code", "bad code")), "code");
        refused(with(code, body, o -> o.put("endsOn", "2024-02-30")), "endsOn");
        given().contentType(ContentType.JSON).body("{\"code\": ").when().post(OFFERS).then().statusCode(400)
                .contentType("application/problem+json");

        given().queryParam("purchasingBody", body).queryParam("includeSuperseded", "true").when().get(OFFERS).then()
                .body("total", equalTo(0));
        given().when().get(OFFERS + "/" + code).then().statusCode(404);
    }

    @Test
    void unknownOffersAreNotFound() {
        given().when().get(OFFERS + "/NOPE-NOPE").then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("NOT_FOUND"));
        given().when().get(OFFERS + "/" + UUID.randomUUID()).then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        given().when().get(OFFERS + "/" + UUID.randomUUID() + "/versions").then().statusCode(404);
        given().when().get(OFFERS + "/NOPE-NOPE/versions").then().statusCode(404);
    }

    // ---- VAT (docs/rules.md, R-1)

    @Test
    void caihIsPricedBeforeVatAt20PercentAndResahNetOfTax() {
        given().when().get(OFFERS + "/CAIH-SO360").then().statusCode(200)
                .body("taxation", equalTo("BEFORE_VAT"))
                .body("vatRates.validFrom", contains("2014-01-01")).body("vatRates.rate", contains(20.00f));
        for (String code : CATALOGUE.subList(0, CATALOGUE.size() - 1)) {
            given().when().get(OFFERS + "/" + code).then().statusCode(200)
                    .body("taxation", equalTo("NET_OF_TAX")).body("vatRates", nullValue());
        }
    }

    @Test
    void anOfferStatesItsTaxationAndANewVersionChangesIt() {
        String body = uniqueBody();
        String code = unique("VAT");
        given().contentType(ContentType.JSON).body(offer(code, body)).when().post(OFFERS).then().statusCode(201)
                .body("taxation", equalTo("NET_OF_TAX")).body("vatRates", nullValue());
        Map<String, Object> v2 = offer(code, body);
        v2.put("taxation", "BEFORE_VAT");
        v2.put("vatRates", List.of(Map.of("validFrom", "2027-01-01", "rate", 21), Map.of("validFrom", "2014-01-01", "rate", 20)));
        given().contentType(ContentType.JSON).body(v2).when().post(OFFERS + "/" + code + "/versions").then().statusCode(201)
                .body("offerVersion", equalTo(2)).body("taxation", equalTo("BEFORE_VAT"))
                .body("vatRates.validFrom", contains("2014-01-01", "2027-01-01")).body("vatRates.rate", contains(20.00f, 21.00f));
        given().when().get(OFFERS + "/" + code + "/versions").then().body("taxation", contains("NET_OF_TAX", "BEFORE_VAT"));
    }

    @Test
    void badTaxationIsRefusedAndWritesNothing() {
        String body = uniqueBody();
        String code = unique("BADVAT");
        refused(with(code, body, o -> o.put("taxation", "BEFORE_VAT")), "vatRates");
        refused(with(code, body, o -> o.put("vatRates", List.of(Map.of("validFrom", "2014-01-01", "rate", 20)))), "vatRates");
        refused(with(code, body, o -> o.put("taxation", "SOMETIMES")), "taxation");
        refused(with(code, body, o -> {
            o.put("taxation", "BEFORE_VAT");
            o.put("vatRates", List.of(Map.of("validFrom", "2014-01-01", "rate", 120)));
        }), "vatRates[0].rate");
        refused(with(code, body, o -> {
            o.put("taxation", "BEFORE_VAT");
            o.put("vatRates", List.of(Map.of("rate", 20)));
        }), "vatRates[0].validFrom");
        refused(with(code, body, o -> {
            o.put("taxation", "BEFORE_VAT");
            o.put("vatRates", List.of(Map.of("validFrom", "2014-01-01", "rate", 20), Map.of("validFrom", "2014-01-01", "rate", 5.5)));
        }), "vatRates[1].validFrom");
        given().queryParam("purchasingBody", body).queryParam("includeSuperseded", "true").when().get(OFFERS).then()
                .body("total", equalTo(0));
    }

    // ---- Helpers

    private static void refused(Map<String, Object> offer, String... fields) {
        given().contentType(ContentType.JSON).body(offer).when().post(OFFERS).then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("INVALID_REQUEST"))
                .body("errors.field", hasItems(fields));
    }

    private static Map<String, Object> with(String code, String body, Consumer<Map<String, Object>> change) {
        Map<String, Object> offer = offer(code, body);
        change.accept(offer);
        return offer;
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    /** A purchasing body code of its own, so that a test sees only its offers. */
    private static String uniqueBody() {
        return "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(Map<String, Object> offer) {
        return (List<Map<String, Object>>) offer.get("tariffs");
    }

    /** A valid offer: a group row, two category rows (one of communes by population) and a quote. */
    private static Map<String, Object> offer(String code, String purchasingBody) {
        Map<String, Object> offer = new LinkedHashMap<>();
        offer.put("code", code);
        offer.put("purchasingBody", purchasingBody);
        offer.put("frameworkAgreement", "2025-010");
        offer.put("lot", "1");
        offer.put("title", "Offre de test");
        offer.put("pricingModel", "FULL_YEAR");
        offer.put("paymentTermDays", 30);
        offer.put("hasMaximumAmounts", true);
        offer.put("fees", Map.of("increaseMaximum", 150));
        List<Map<String, Object>> tariffs = new ArrayList<>();
        tariffs.add(row("GROUP_2_PLUS", "GROUP", null, 2, null, new BigDecimal("3000"), "Groupement de 2 bénéficiaires et plus"));
        tariffs.add(row("DEPARTEMENT", "CATEGORY", List.of("DEPARTEMENT"), null, null, new BigDecimal("2500.00"), "Départements"));
        tariffs.add(row("COMMUNE_20000_PLUS", "CATEGORY", List.of("COMMUNE"), 20000, null, new BigDecimal("1000.5"),
                "Communes à partir de 20 000 habitants"));
        tariffs.add(row("OTHERS", "CATEGORY", List.of("OTHER"), null, null, null, "Autres"));
        offer.put("tariffs", tariffs);
        return offer;
    }

    private static Map<String, Object> row(String code, String kind, List<String> categories, Integer min, Integer max,
                                           BigDecimal amount, String label) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("code", code);
        row.put("kind", kind);
        if (categories != null) {
            row.put("categories", categories);
        }
        if (min != null) {
            row.put("min", min);
        }
        if (max != null) {
            row.put("max", max);
        }
        if (amount != null) {
            row.put("amount", amount);
        }
        row.put("label", label);
        return row;
    }
}
