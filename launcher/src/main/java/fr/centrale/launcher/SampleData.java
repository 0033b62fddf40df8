package fr.centrale.launcher;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.util.ArrayList;
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
 * an earlier run). Later sections may use what earlier ones created, through {@link Ids}: a
 * convention-service section would refer to the organisation {@code "pas-de-calais"} by
 * {@code ids.get("pas-de-calais")}.
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
            new Membership("pas-de-calais",  "RESAH",     null, "2023-12-11"), // the worked example: nothing for 2023, 600 € at the Q1 2024 run
            new Membership("pas-de-calais",  "CAIH",      null, "2022-12-15"), // not eligible to CAIH membership: THIRD_PARTY_BENEFICIARY
            new Membership("bethune-bruay",  "RESAH",     null, "2024-03-01"),
            new Membership("bethune-bruay",  "FIBRE5962", null, "2023-09-18"), // joined in La Fibre's franchise window (to 18/01/2024)
            new Membership("ehpad-tilleuls", "RESAH",     null, "2024-05-10"), // médico-social: the lower RESAH fee
            new Membership("ch-arras",       "CAIH",      null, "2023-02-01"), // eligible: MEMBER
            new Membership("ch-arras",       "RESAH",     null, "2023-06-01"),
            new Membership("lievin",         "FIBRE5962", null, "2022-06-01"));

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
                + FEE_SCHEDULES.size() + " fee schedule(s), " + NON_RENEWALS.size() + " non-renewal(s)";
        return new Section(Service.MEMBERSHIP, summary, api -> total(api, "/api/v1/organisations") > 0, steps);
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
    // The sections, in load order. convention-service and billing-service add theirs here.
    // ---------------------------------------------------------------------------------------------

    static List<Section> sections() {
        return List.of(membershipSection());
    }

    /** Loads the sections of the running services; prints one line per section. */
    static void load(Set<Service> running, HttpClient http, PrintStream out) {
        Ids ids = new Ids();
        for (Section section : sections()) {
            String name = section.service().module();
            if (!running.contains(section.service())) {
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
        }
    }

    private static long total(Api api, String path) {
        return api.get(path + "?size=1").path("total").asLong();
    }

    /** One service's sample data. */
    record Section(Service service, String summary, Predicate<Api> alreadyLoaded, List<Step> steps) {
    }

    /** One call (or a few) to the section's service. */
    record Step(String description, Action action) {
    }

    @FunctionalInterface
    interface Action {
        void run(Api api, Ids ids);
    }

    /** The ids of what the steps created, by their sample-data keys ("pas-de-calais", "ehpad-tilleuls/RESAH"). */
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
