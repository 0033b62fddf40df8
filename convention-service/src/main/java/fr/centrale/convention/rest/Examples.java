package fr.centrale.convention.rest;

/** Realistic examples for the OpenAPI document, taken from the seeds (RESAH 2021-008 lot 3, annex 2). */
final class Examples {

    private Examples() {
    }

    static final String OFFER_REQUEST = """
            {"code": "RESAH-2021-008-LOT3", "purchasingBody": "RESAH", "frameworkAgreement": "2021-008", "lot": "3",
             "title": "Prestations d'assistance à la maîtrise d'œuvre informatique — Lot 3 : POSTES UTILISATEURS",
             "maxDurationMonths": 48, "pricingModel": "PRORATED_LAST_PERIOD", "paymentTermDays": 30,
             "hasMaximumAmounts": true, "beneficiariesMayPay": true, "membershipRequired": true, "fees": {},
             "tariffs": [
              {"code": "GROUP_10_PLUS", "kind": "GROUP", "min": 10, "amount": 2500.00, "label": "Groupement de plus de 10 bénéficiaires"},
              {"code": "GROUP_5_9", "kind": "GROUP", "min": 5, "max": 9, "amount": 2000.00, "label": "Groupement de 5 à 9 bénéficiaires"},
              {"code": "GROUP_2_4", "kind": "GROUP", "min": 2, "max": 4, "amount": 1500.00, "label": "Groupement de 2 à 4 bénéficiaires"},
              {"code": "REGION", "kind": "CATEGORY", "categories": ["REGION"], "amount": 2500.00, "label": "Régions"},
              {"code": "METROPOLE", "kind": "CATEGORY", "categories": ["METROPOLE"], "amount": 2500.00, "label": "Métropoles pour leurs propres besoins"},
              {"code": "DEPARTEMENT", "kind": "CATEGORY", "categories": ["DEPARTEMENT"], "amount": 2500.00, "label": "Départements"},
              {"code": "COMMUNAUTE_URBAINE", "kind": "CATEGORY", "categories": ["COMMUNAUTE_URBAINE"], "amount": 2000.00, "label": "Communautés urbaines pour leurs besoins propres"},
              {"code": "COMMUNAUTE_AGGLOMERATION", "kind": "CATEGORY", "categories": ["COMMUNAUTE_AGGLOMERATION"], "amount": 2000.00, "label": "Communautés d'agglomération pour leurs besoins propres"},
              {"code": "COMMUNE_50000_PLUS", "kind": "CATEGORY", "categories": ["COMMUNE"], "min": 50000, "amount": 1500.00, "label": "Communes à partir de 50.000 habitants pour leurs besoins propres"},
              {"code": "COMMUNAUTE_COMMUNES", "kind": "CATEGORY", "categories": ["COMMUNAUTE_COMMUNES"], "amount": 1500.00, "label": "Communautés de communes pour leurs besoins propres"},
              {"code": "COMMUNE_UNDER_50000", "kind": "CATEGORY", "categories": ["COMMUNE"], "max": 49999, "amount": 1000.00, "label": "Communes de < 50 000 habitants pour leurs besoins propres"}]}""";

    static final String OFFER = """
            {"id": "0ffe0000-0000-4000-8000-000000000005", "code": "RESAH-2021-008-LOT3", "offerVersion": 1, "superseded": false,
             "purchasingBody": "RESAH", "frameworkAgreement": "2021-008", "lot": "3",
             "title": "Prestations d'assistance à la maîtrise d'œuvre informatique — Lot 3 : POSTES UTILISATEURS",
             "displayName": "RESAH 2021-008 lot 3", "maxDurationMonths": 48, "pricingModel": "PRORATED_LAST_PERIOD",
             "billedPerSubsequentMarket": false, "paymentTermDays": 30, "terminationNoticeMonths": 0,
             "hasMaximumAmounts": true, "beneficiariesMayPay": true, "membershipRequired": true,
             "fees": {"increaseMaximumDueAtSignature": false, "tierChangeComplement": false},
             "tariffs": [
              {"rank": 1, "code": "GROUP_10_PLUS", "kind": "GROUP", "min": 10, "amount": 2500.00, "onQuote": false, "label": "Groupement de plus de 10 bénéficiaires"},
              {"rank": 2, "code": "GROUP_5_9", "kind": "GROUP", "min": 5, "max": 9, "amount": 2000.00, "onQuote": false, "label": "Groupement de 5 à 9 bénéficiaires"},
              {"rank": 3, "code": "GROUP_2_4", "kind": "GROUP", "min": 2, "max": 4, "amount": 1500.00, "onQuote": false, "label": "Groupement de 2 à 4 bénéficiaires"},
              {"rank": 4, "code": "REGION", "kind": "CATEGORY", "categories": ["REGION"], "amount": 2500.00, "onQuote": false, "label": "Régions"},
              {"rank": 5, "code": "METROPOLE", "kind": "CATEGORY", "categories": ["METROPOLE"], "amount": 2500.00, "onQuote": false, "label": "Métropoles pour leurs propres besoins"},
              {"rank": 6, "code": "DEPARTEMENT", "kind": "CATEGORY", "categories": ["DEPARTEMENT"], "amount": 2500.00, "onQuote": false, "label": "Départements"},
              {"rank": 7, "code": "COMMUNAUTE_URBAINE", "kind": "CATEGORY", "categories": ["COMMUNAUTE_URBAINE"], "amount": 2000.00, "onQuote": false, "label": "Communautés urbaines pour leurs besoins propres"},
              {"rank": 8, "code": "COMMUNAUTE_AGGLOMERATION", "kind": "CATEGORY", "categories": ["COMMUNAUTE_AGGLOMERATION"], "amount": 2000.00, "onQuote": false, "label": "Communautés d'agglomération pour leurs besoins propres"},
              {"rank": 9, "code": "COMMUNE_50000_PLUS", "kind": "CATEGORY", "categories": ["COMMUNE"], "min": 50000, "amount": 1500.00, "onQuote": false, "label": "Communes à partir de 50.000 habitants pour leurs besoins propres"},
              {"rank": 10, "code": "COMMUNAUTE_COMMUNES", "kind": "CATEGORY", "categories": ["COMMUNAUTE_COMMUNES"], "amount": 1500.00, "onQuote": false, "label": "Communautés de communes pour leurs besoins propres"},
              {"rank": 11, "code": "COMMUNE_UNDER_50000", "kind": "CATEGORY", "categories": ["COMMUNE"], "max": 49999, "amount": 1000.00, "onQuote": false, "label": "Communes de < 50 000 habitants pour leurs besoins propres"}]}""";

    static final String OFFER_PAGE = "{\"items\": [" + OFFER + "], \"page\": 0, \"size\": 50, \"total\": 13}";

    static final String CATALOGUE_CSV = """
            Centrale d'achat;Accord-cadre;Lot;Formule;Offre;Catégorie ou tranche;Montant annuel HT (€)
            RESAH;n° 2021-008;3;;Prestations d'assistance à la maîtrise d'œuvre informatique — Lot 3 : POSTES UTILISATEURS;Départements;2500,00
            RESAH;n° 2021-045;2;;Fourniture de services opérés de télécommunications et prestations associées — Lot 2 : ...;Autres;Sur devis
            """;
}
