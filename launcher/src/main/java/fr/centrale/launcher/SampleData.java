package fr.centrale.launcher;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The sample data of the one-command run, loaded through the services' REST APIs, so it goes
 * through the same validation and rules as real input.
 * <p>
 * It is organised in sections, one per service, loaded in order; a section is skipped when its
 * service does not run (module not built) or already holds data (an external database kept from
 * an earlier run). Later sections may use what earlier ones created, through {@link Ids}: the
 * convention-service section refers to the organisation {@code "pas-de-calais"} by
 * {@code ids.get("pas-de-calais")}; so it is skipped too when the membership-service section did not
 * load its data in this run.
 */
final class SampleData {

    private SampleData() {
    }

    // ---------------------------------------------------------------------------------------------
    // membership-service
    // ---------------------------------------------------------------------------------------------

    /** An organisation to create (the body of POST /api/v1/organisations), under a short key. */
    record Organisation(String key, String json) {
    }

    /**
     * SIRETs pass the Luhn check on the 14 digits and on the SIREN (SampleDataTest checks it).
     * Béthune-Bruay's is its real SIRET; the others were made up to pass the checks.
     */
    static final List<Organisation> ORGANISATIONS = List.of(
            // 226 200 016 00019 was the number first given: its SIREN 226200016 fails the Luhn check, so no
            // NIC can make a valid SIRET of it. 226 200 012 keeps the prefix 22620001 with its valid key (2).
            new Organisation("pas-de-calais", """
                    {"name": "Département du Pas-de-Calais", "siret": "226 200 012 00012", "category": "DEPARTEMENT",
                     "address": {"street": "Hôtel du Département, rue Ferdinand Buisson", "postalCode": "62018", "city": "Arras cedex"},
                     "chorus": {"legalCommitment": "2300004512", "serviceCode": "DSI"},
                     "contacts": [{"name": "Service de la commande publique", "role": "Acheteur",
                                   "email": "commande.publique@pasdecalais.fr", "phone": "03 21 21 62 62"}]}"""),
            new Organisation("bethune-bruay", """
                    {"name": "Communauté d'Agglomération de Béthune-Bruay, Artois-Lys Romane", "siret": "200 072 460 00013",
                     "category": "COMMUNAUTE_AGGLOMERATION", "population": 277000,
                     "address": {"street": "100 avenue de Londres, CS 40548", "postalCode": "62411", "city": "Béthune cedex"}}"""),
            new Organisation("ehpad-tilleuls", """
                    {"name": "EHPAD Les Tilleuls", "siret": "266 200 476 00015", "category": "ESMS", "headcount": 90,
                     "address": {"street": "12 rue des Tilleuls", "postalCode": "62300", "city": "Lens"}}"""),
            new Organisation("ch-arras", """
                    {"name": "Centre hospitalier d'Arras", "siret": "266 200 153 00010", "category": "EPS", "headcount": 1200,
                     "address": {"street": "3 boulevard Georges Besnier", "postalCode": "62000", "city": "Arras"}}"""),
            new Organisation("lievin", """
                    {"name": "Commune de Liévin", "siret": "216 251 009 00017", "category": "COMMUNE", "population": 30000,
                     "address": {"street": "Hôtel de ville, place Gambetta", "postalCode": "62800", "city": "Liévin"}}"""),
            new Organisation("sdis-nord", """
                    {"name": "SDIS du Nord", "siret": "285 900 015 00014", "category": "SDIS",
                     "address": {"street": "18 rue Jean Walter", "postalCode": "59000", "city": "Lille"}}"""),
            // Outside the Nord and the Pas-de-Calais: La Fibre 59 62 would refuse it.
            new Organisation("pays-de-lunel", """
                    {"name": "Communauté de communes du Pays de Lunel", "siret": "243 400 017 00014",
                     "category": "COMMUNAUTE_COMMUNES",
                     "address": {"street": "152 chemin des Merles", "postalCode": "34400", "city": "Lunel"}}"""));

    /** A membership (POST /api/v1/memberships); kind null lets the organisation's eligibility decide. */
    record Membership(String organisation, String purchasingBody, String kind, String bulletinReceivedOn) {
        String key() {
            return organisation + "/" + purchasingBody;
        }
    }

    static final List<Membership> MEMBERSHIPS = List.of(
            //             organisation      body         kind  bulletin received on
            new Membership("pas-de-calais",  "RESAH",     null, "2022-07-04"), // Commission Permanente of 04/07/2022 (seed 000); bulletin updated below
            new Membership("pas-de-calais",  "CAIH",      null, "2022-12-15"), // not eligible to CAIH membership: THIRD_PARTY_BENEFICIARY
            new Membership("bethune-bruay",  "RESAH",     null, "2024-03-01"),
            new Membership("bethune-bruay",  "FIBRE5962", null, "2023-09-18"), // joined in La Fibre's window: no participation until 31/01/2027
            new Membership("ehpad-tilleuls", "RESAH",     null, "2024-05-10"), // médico-social: the lower RESAH fee
            new Membership("ch-arras",       "CAIH",      null, "2023-02-01"), // eligible: MEMBER
            new Membership("ch-arras",       "RESAH",     null, "2023-06-01"),
            new Membership("lievin",         "FIBRE5962", null, "2022-06-01"));

    /**
     * A bulletin renewing a membership above on new terms (POST /api/v1/memberships/{id}/bulletins, docs/rules.md, R-15);
     * statedFee in euros, checked against the fee schedule.
     */
    record Bulletin(String membership, String receivedOn, String feeCategory, String statedFee, String terms) {
    }

    static final List<Bulletin> BULLETINS = List.of(
            // Seed 000: after the RESAH board's tariffs of 29/09/2022, the Département "met à jour le bulletin d'adhésion"
            // (délibération 2023-544 of 11/12/2023): 600 € for 2023 on.
            new Bulletin("pas-de-calais/RESAH", "2023-12-11", "OTHER", "600.00",
                    "Bulletin d'adhésion 2023 : 600 euros nets de taxe (autres organismes), délibération n°2023-544 du 11/12/2023"));

    /** A year's membership fees (PUT /api/v1/purchasing-bodies/{code}/membership-fees/{year}), in euros. */
    record FeeSchedule(String purchasingBody, int year, String medicoSocial, String other) {
    }

    static final List<FeeSchedule> FEE_SCHEDULES = List.of(
            new FeeSchedule("FIBRE5962", 2024, "0.00", "250.00"));

    /** A non-renewal letter (POST /api/v1/memberships/{id}/non-renewal) for a membership above. */
    record NonRenewal(String membership, String receivedOn) {
    }

    static final List<NonRenewal> NON_RENEWALS = List.of(
            new NonRenewal("ehpad-tilleuls/RESAH", "2025-10-15"));            // in time: ends on 31/12/2025

    /** The purchasing bodies and fees Flyway creates, which the memberships above rely on. */
    private static final Set<String> REFERENCE_BODIES = Set.of("RESAH", "CAIH", "FIBRE5962");

    private static Section membershipSection() {
        List<Step> steps = new ArrayList<>();
        steps.add(new Step("check the reference purchasing bodies", (api, ids) -> checkReferenceData(api)));
        for (Organisation o : ORGANISATIONS) {
            steps.add(new Step("organisation " + o.key(), (api, ids) ->
                    ids.put(o.key(), api.post("/api/v1/organisations", o.json()))));
        }
        for (Membership m : MEMBERSHIPS) {
            steps.add(new Step("membership " + m.key(), (api, ids) -> {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("organisationId", ids.get(m.organisation()));
                body.put("purchasingBody", m.purchasingBody());
                if (m.kind() != null) {
                    body.put("kind", m.kind());
                }
                body.put("bulletinReceivedOn", m.bulletinReceivedOn());
                ids.put(m.key(), api.post("/api/v1/memberships", body));
            }));
        }
        for (Bulletin b : BULLETINS) {
            steps.add(new Step("bulletin " + b.membership() + " of " + b.receivedOn(), (api, ids) -> {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("receivedOn", b.receivedOn());
                body.put("feeCategory", b.feeCategory());
                body.put("statedFee", new BigDecimal(b.statedFee()));
                body.put("terms", b.terms());
                api.post("/api/v1/memberships/" + ids.get(b.membership()) + "/bulletins", body);
            }));
        }
        for (FeeSchedule f : FEE_SCHEDULES) {
            steps.add(new Step("fees " + f.purchasingBody() + " " + f.year(), (api, ids) ->
                    api.put("/api/v1/purchasing-bodies/" + f.purchasingBody() + "/membership-fees/" + f.year(),
                            Map.of("medicoSocial", new BigDecimal(f.medicoSocial()), "other", new BigDecimal(f.other())))));
        }
        for (NonRenewal n : NON_RENEWALS) {
            steps.add(new Step("non-renewal " + n.membership(), (api, ids) ->
                    api.post("/api/v1/memberships/" + ids.get(n.membership()) + "/non-renewal",
                            Map.of("receivedOn", n.receivedOn()))));
        }
        String summary = ORGANISATIONS.size() + " organisations, " + MEMBERSHIPS.size() + " memberships, "
                + BULLETINS.size() + " renewed bulletin(s), " + FEE_SCHEDULES.size() + " fee schedule(s), " + NON_RENEWALS.size() + " non-renewal(s)";
        return new Section(Service.MEMBERSHIP, Set.of(), summary, api -> total(api, "/api/v1/organisations") > 0, steps);
    }

    private static void checkReferenceData(Api api) {
        Set<String> codes = new TreeSet<>();
        api.get("/api/v1/purchasing-bodies?size=500").path("items").forEach(b -> codes.add(b.path("code").asText()));
        if (!codes.containsAll(REFERENCE_BODIES)) {
            throw new LaunchException("membership-service should hold the purchasing bodies " + REFERENCE_BODIES
                    + " (Flyway V2), it holds " + codes);
        }
        boolean resah2023 = false;
        for (JsonNode fee : api.get("/api/v1/purchasing-bodies/RESAH/membership-fees")) {
            resah2023 |= fee.path("year").asInt() == 2023;
        }
        if (!resah2023) {
            throw new LaunchException("membership-service should hold the RESAH 2023 membership fees (Flyway V2)");
        }
    }

    // ---------------------------------------------------------------------------------------------
    // convention-service (refers to the organisations of the membership-service section)
    // ---------------------------------------------------------------------------------------------

    /** The debtor's délibération (authorizingAct of POST /api/v1/conventions). */
    record Act(String number, String date, String body) {
    }

    /** The debtor's imputation budgétaire (budgetLine of POST /api/v1/conventions). */
    record Budget(String operation, String account) {
    }

    /**
     * A convention signed for the signatory's own account (OWN_ACCOUNT: it is the only beneficiary):
     * POST /api/v1/conventions (DRAFT), then POST /api/v1/conventions/{id}/signature. maximumAmount only
     * where the offer has maximum amounts; act and budget may be null.
     */
    record Convention(String signatory, String offer, String startsOn, String endsOn, String maximumAmount,
                      String signedOn, Act act, Budget budget) {
        String key() {
            return signatory + "/" + offer;
        }

        /** The purchasing body, the first part of the offer code: RESAH and La Fibre check the membership at signature. */
        String purchasingBody() {
            return offer.substring(0, offer.indexOf('-'));
        }
    }

    static final List<Convention> CONVENTIONS = List.of(
            // Worked example 3 (model P): 2 500,00 € for the first execution year, then 1 152,08 € prorated.
            new Convention("pas-de-calais", "RESAH-2021-008-LOT3", "2024-01-15", "2025-06-30", null, "2023-12-20",
                    new Act("2023-544", "2023-12-11", "Commission Permanente du Conseil départemental"),
                    new Budget("C06-020N02", "6228//93020")),
            // Worked examples 6 and 7 (model C, no membership check: third-party beneficiary): a local authority pays the
            // 1 500 € HT ceiling, 2022 and 2023, plus 20 % VAT (docs/rules.md, R-1), under deliberation N°2022-504.
            new Convention("pas-de-calais", "CAIH-SO360", "2022-12-15", "2023-07-16", null, "2022-12-13",
                    new Act("2022-504", "2022-12-13", "Commission Permanente du Conseil départemental"),
                    new Budget("C06-020M02", "6281/930202")),
            // Worked example 7: "Sécurité" from 15/12/2022 (1 000 €, no VAT), to the framework agreement's end (27/08/2024).
            // Signed before its RESAH membership (bulletin of 11/12/2023): as a listed former beneficiary of market
            // 2016-042 (ELIGIBLE below; docs/rules.md, R-12).
            new Convention("pas-de-calais", "RESAH-2020-027-LOT1-SECURITE", "2022-12-15", "2024-08-27", null, "2022-12-13",
                    null, new Budget("C06-020M02", "6281/930202")),
            new Convention("bethune-bruay", "RESAH-2021-045-LOT2", "2024-04-01", "2027-03-31", "150000.00", "2024-03-15",
                    null, null),
            new Convention("bethune-bruay", "RESAH-2021-045-LOT4", "2024-04-01", "2027-03-31", "80000.00", "2024-03-15",
                    null, null),
            new Convention("bethune-bruay", "RESAH-2021-063-002", "2024-04-01", "2027-03-31", "60000.00", "2024-03-15",
                    null, null),
            new Convention("bethune-bruay", "RESAH-2021-047-001", "2024-04-01", "2027-03-31", "200000.00", "2024-03-15",
                    null, null),
            // 1 200 employees: the "more than 500" size class (400 € a calendar year).
            new Convention("ch-arras", "CAIH-SO360", "2023-02-15", "2023-07-16", null, "2023-02-10", null, null));

    /**
     * An organisation listed as a potential beneficiary of an offer open only to a list (docs/rules.md, R-12):
     * POST /api/v1/offers/{offer}/eligible-beneficiaries, before the conventions.
     */
    record Eligible(String offer, String organisation) {
    }

    static final List<Eligible> ELIGIBLE = List.of(
            // Annex 1 of the CCAP of 2021-045, 2021-047-001 and 2021-063-002 lists the CA (seed 002).
            new Eligible("RESAH-2021-045-LOT2", "bethune-bruay"),
            new Eligible("RESAH-2021-045-LOT4", "bethune-bruay"),
            new Eligible("RESAH-2021-047-001", "bethune-bruay"),
            new Eligible("RESAH-2021-063-002", "bethune-bruay"),
            // 2020-027 is for RESAH members and former beneficiaries of market 2016-042.
            new Eligible("RESAH-2020-027-LOT1-SECURITE", "pas-de-calais"));

    /** The SIRET of a sample organisation, digits only. */
    static String siretOf(String organisation) {
        return ORGANISATIONS.stream().filter(o -> o.key().equals(organisation)).findFirst()
                .map(o -> Api.parse(o.json()).path("siret").asText().replace(" ", ""))
                .orElseThrow(() -> new IllegalArgumentException("No sample organisation " + organisation));
    }

    /** An order (POST /api/v1/conventions/{id}/orders) by a beneficiary of a convention above. */
    record Order(String convention, String organisation, String amount, String orderedOn, String reference) {
    }

    static final List<Order> ORDERS = List.of(
            // 50 000 of a 60 000 maximum: 83 %, the beneficiary is at risk (threshold 80 %).
            new Order("bethune-bruay/RESAH-2021-063-002", "bethune-bruay", "50000.00", "2024-06-01", "BC-2024-0042"));

    /**
     * An amendment (POST /api/v1/conventions/{id}/amendments) of a convention above; {@code maximumAmount}: a new subsequent
     * market's own maximum (docs/rules.md, R-9).
     */
    record Amendment(String convention, String type, String effectiveOn, String signedOn, String amount, String maximumAmount) {
    }

    static final List<Amendment> AMENDMENTS = List.of(
            // A new subsequent market with a maximum of its own, billed 2 500 € per execution year from 01/04/2025.
            new Amendment("bethune-bruay/RESAH-2021-047-001", "NEW_SUBSEQUENT_MARKET", "2025-04-01", "2025-03-20", "2500.00",
                    "200000.00"));

    private static Section conventionSection() {
        List<Step> steps = new ArrayList<>();
        for (Eligible e : ELIGIBLE) {
            steps.add(new Step("eligible " + e.organisation() + " for " + e.offer(), (api, ids) ->
                    api.post("/api/v1/offers/" + e.offer() + "/eligible-beneficiaries",
                            Map.of("siret", siretOf(e.organisation())))));
        }
        for (Convention c : CONVENTIONS) {
            steps.add(new Step("convention " + c.key(), (api, ids) -> {
                String signatory = ids.get(c.signatory());
                Map<String, Object> beneficiary = new LinkedHashMap<>();
                beneficiary.put("organisationId", signatory);
                beneficiary.put("startsOn", c.startsOn());
                if (c.maximumAmount() != null) {
                    beneficiary.put("maximumAmount", new BigDecimal(c.maximumAmount()));
                }
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("offer", c.offer());
                body.put("signatoryId", signatory);
                body.put("mode", "OWN_ACCOUNT");
                body.put("endsOn", c.endsOn());
                body.put("beneficiaries", List.of(beneficiary));
                if (c.act() != null) {
                    body.put("authorizingAct", Map.of("number", c.act().number(), "date", c.act().date(),
                            "body", c.act().body()));
                }
                if (c.budget() != null) {
                    body.put("budgetLine", Map.of("operation", c.budget().operation(), "account", c.budget().account()));
                }
                ids.put(c.key(), api.post("/api/v1/conventions", body));
            }));
            steps.add(new Step("signature of " + c.key() + " on " + c.signedOn(), (api, ids) ->
                    api.post("/api/v1/conventions/" + ids.get(c.key()) + "/signature", Map.of("signedOn", c.signedOn()))));
        }
        for (Order o : ORDERS) {
            steps.add(new Step("order " + o.reference() + " under " + o.convention(), (api, ids) -> {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("organisationId", ids.get(o.organisation()));
                body.put("amount", new BigDecimal(o.amount()));
                body.put("orderedOn", o.orderedOn());
                body.put("reference", o.reference());
                api.post("/api/v1/conventions/" + ids.get(o.convention()) + "/orders", body);
            }));
        }
        for (Amendment a : AMENDMENTS) {
            steps.add(new Step("amendment " + a.type() + " of " + a.convention(), (api, ids) -> {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("type", a.type());
                body.put("effectiveOn", a.effectiveOn());
                body.put("signedOn", a.signedOn());
                body.put("amount", new BigDecimal(a.amount()));
                if (a.maximumAmount() != null) {
                    body.put("maximumAmount", new BigDecimal(a.maximumAmount()));
                }
                api.post("/api/v1/conventions/" + ids.get(a.convention()) + "/amendments", body);
            }));
        }
        String summary = CONVENTIONS.size() + " signed conventions, " + ORDERS.size() + " order(s), "
                + AMENDMENTS.size() + " amendment(s)";
        return new Section(Service.CONVENTION, Set.of(Service.MEMBERSHIP), summary,
                api -> total(api, "/api/v1/conventions") > 0, steps);
    }

    // ---------------------------------------------------------------------------------------------
    // The sections, in load order. billing-service adds its own here.
    // ---------------------------------------------------------------------------------------------

    static List<Section> sections() {
        return List.of(membershipSection(), conventionSection(), billingSection());
    }

    /**
     * Billing runs as of each past 31 December, then as of today, issue every titre the sample memberships and
     * conventions have implied so far
     * (worked examples 3 and 6 among them; the Département's RESAH fees of 2023 on, 600 €), so that GET
     * /api/v1/titres shows a real ledger at once.
     */
    /** The year of the earliest sample membership or convention (the Département's, 2022). */
    static final int FIRST_SAMPLE_YEAR = 2022;
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private static Section billingSection() {
        List<Step> steps = new ArrayList<>();
        // Worked example 7 (docs/rules.md, R-17): the Département's budget line C06-020M02 6281/930202, 3 000 € of
        // credits for 2022, carrying its CAIH SO360 (1 800,00 TTC) and RESAH 2020-027 (1 000,00) conventions.
        steps.add(new Step("budget line C06-020M02 6281/930202 of the Département for 2022", (api, ids) ->
                ids.put("budget-line-2022", api.post("/api/v1/budget-lines", Map.of("debtorId", ids.get("pas-de-calais"),
                        "operationCode", "C06-020M02", "imputation", "6281/930202", "fiscalYear", 2022,
                        "credits", new BigDecimal("3000.00"), "label", "Adhésions et contributions aux centrales d'achat")))));
        for (String convention : List.of("pas-de-calais/CAIH-SO360", "pas-de-calais/RESAH-2020-027-LOT1-SECURITE")) {
            steps.add(new Step(convention + " on that budget line", (api, ids) ->
                    api.post("/api/v1/budget-lines/" + ids.get("budget-line-2022") + "/attachments",
                            Map.of("sourceType", "CONVENTION", "sourceId", ids.get(convention)))));
        }
        // The daily run as it would have run through the years: the titres of each year carry that year's date
        // and fiscal year (the CAIH and RESAH titres of December 2022 fall on the 2022 budget line), then today.
        int thisYear = LocalDate.now(PARIS).getYear();
        for (int year = FIRST_SAMPLE_YEAR; year < thisYear; year++) {
            String asOf = year + "-12-31";
            steps.add(new Step("billing run as of " + asOf, (api, ids) ->
                    api.post("/api/v1/billing-runs", Map.of("asOf", asOf))));
        }
        steps.add(new Step("billing run as of today", (api, ids) ->
                ids.put("billing-run", api.post("/api/v1/billing-runs", Map.of()))));
        return new Section(Service.BILLING, Set.of(Service.MEMBERSHIP, Service.CONVENTION),
                "the Département's 2022 budget line, and one billing run as of 31 December of each year since "
                        + FIRST_SAMPLE_YEAR + " then one as of today issued the titres fallen due "
                        + "(GET /api/v1/titres; the CAIH ones with 20 % VAT)",
                api -> total(api, "/api/v1/titres") > 0, steps);
    }

    /** Loads the sections of the running services; prints one line per section. */
    static void load(Set<Service> running, HttpClient http, PrintStream out) {
        Ids ids = new Ids();
        Set<Service> loaded = EnumSet.noneOf(Service.class);
        for (Section section : sections()) {
            String name = section.service().module();
            if (!running.contains(section.service())) {
                continue;
            }
            Set<Service> missing = EnumSet.noneOf(Service.class);
            missing.addAll(section.uses());
            missing.removeAll(loaded);
            if (!missing.isEmpty()) {
                // Its data refers to what those sections create: without them there is nothing to refer to.
                out.println("Sample data: " + name + ": nothing loaded, the sample data of "
                        + missing.stream().map(Service::module).toList() + " was not loaded in this run");
                continue;
            }
            Api api = new Api(section.service(), http);
            if (section.alreadyLoaded().test(api)) {
                out.println("Sample data: " + name + " already holds data (kept database?), nothing loaded");
                continue;
            }
            for (Step step : section.steps()) {
                try {
                    step.action().run(api, ids);
                } catch (LaunchException e) {
                    throw new LaunchException("Sample data for " + name + ", " + step.description() + ": "
                            + e.getMessage(), e);
                }
            }
            out.println("Sample data: " + name + ": " + section.summary());
            loaded.add(section.service());
        }
    }

    private static long total(Api api, String path) {
        return api.get(path + "?size=1").path("total").asLong();
    }

    /**
     * One service's sample data. {@code uses}: the services whose sections must have loaded their data in this
     * run first (their ids are referred to); otherwise this one is skipped too.
     */
    record Section(Service service, Set<Service> uses, String summary, Predicate<Api> alreadyLoaded, List<Step> steps) {
    }

    /** One call (or a few) to the section's service. */
    record Step(String description, Action action) {
    }

    @FunctionalInterface
    interface Action {
        void run(Api api, Ids ids);
    }

    /**
     * The ids of what the steps created, by their sample-data keys ("pas-de-calais", "ehpad-tilleuls/RESAH",
     * "bethune-bruay/RESAH-2021-063-002").
     */
    static final class Ids {

        private final Map<String, String> byKey = new HashMap<>();

        void put(String key, JsonNode created) {
            String id = created.path("id").asText(null);
            if (id == null) {
                throw new LaunchException("The answer for " + key + " has no id: " + created);
            }
            byKey.put(key, id);
        }

        String get(String key) {
            String id = byKey.get(key);
            if (id == null) {
                // A typo in the tables above, or a section loaded before the one creating it.
                throw new IllegalStateException("No sample-data id for " + key);
            }
            return id;
        }
    }
}
