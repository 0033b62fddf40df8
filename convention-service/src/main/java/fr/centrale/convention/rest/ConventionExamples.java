package fr.centrale.convention.rest;

/** Realistic examples for the OpenAPI document, from the seeds (worked example 3: RESAH 2021-008 lot 3). */
final class ConventionExamples {

    private ConventionExamples() {
    }

    static final String CREATE = """
            {"offer": "RESAH-2021-008-LOT3", "signatoryId": "0a5e3c1e-6b51-4f0d-9d0b-2f3d7f7f0b11", "mode": "OWN_ACCOUNT",
             "endsOn": "2025-06-30",
             "beneficiaries": [{"organisationId": "0a5e3c1e-6b51-4f0d-9d0b-2f3d7f7f0b11", "startsOn": "2024-01-15"}],
             "authorizingAct": {"number": "2023-544", "date": "2023-12-11", "body": "Commission Permanente"},
             "budgetLine": {"operation": "C06-020N02", "account": "6228//93020"}}""";

    static final String CONVENTION = """
            {"id": "9b2f3c4d-0000-4000-8000-000000000001", "offer": "RESAH-2021-008-LOT3", "offerVersion": 1,
             "offerTitle": "Assistance à maîtrise d'ouvrage informatique — lot 3 postes utilisateurs", "purchasingBody": "RESAH",
             "signatoryId": "0a5e3c1e-6b51-4f0d-9d0b-2f3d7f7f0b11", "signatoryName": "Département du Pas-de-Calais",
             "mode": "OWN_ACCOUNT", "status": "ACTIVE", "signedOn": "2024-01-10", "executionStart": "2024-01-15",
             "endsOn": "2025-06-30", "effectiveEnd": "2025-06-30", "annualAmount": 2500.00, "negotiated": false,
             "tier": "REGION_METROPOLE_CD", "gridRow": "Région, Métropole, Département", "currentAnnualAmount": 2500.00,
             "currentTier": "REGION_METROPOLE_CD", "totalCommitment": 3652.08,
             "beneficiaries": [{"organisationId": "0a5e3c1e-6b51-4f0d-9d0b-2f3d7f7f0b11", "organisationName": "Département du Pas-de-Calais",
                                "category": "DEPARTEMENT", "startsOn": "2024-01-15", "consumedAmount": 0.00, "status": "ACTIVE"}],
             "authorizingAct": {"number": "2023-544", "date": "2023-12-11", "body": "Commission Permanente"},
             "budgetLine": {"operation": "C06-020N02", "account": "6228//93020"}, "amendments": 0, "version": 1}""";

    static final String SCHEDULE = """
            [{"sourceType": "CONVENTION", "sourceId": "9b2f3c4d-0000-4000-8000-000000000001", "sequence": 1,
              "kind": "ANNUAL_CONTRIBUTION", "issuer": "RESAH", "debtorId": "0a5e3c1e-6b51-4f0d-9d0b-2f3d7f7f0b11",
              "label": "Contribution RESAH 2021-008 lot 3 — année d'exécution 1", "periodStart": "2024-01-15",
              "periodEnd": "2025-01-14", "issueOn": "2024-01-15", "months": 12.00, "annualAmount": 2500.00,
              "amount": 2500.00, "paymentTermDays": 30},
             {"sourceType": "CONVENTION", "sourceId": "9b2f3c4d-0000-4000-8000-000000000001", "sequence": 2,
              "kind": "ANNUAL_CONTRIBUTION", "issuer": "RESAH", "debtorId": "0a5e3c1e-6b51-4f0d-9d0b-2f3d7f7f0b11",
              "label": "Contribution RESAH 2021-008 lot 3 — année d'exécution 2", "periodStart": "2025-01-15",
              "periodEnd": "2025-06-30", "issueOn": "2025-01-02", "months": 5.53, "annualAmount": 2500.00,
              "amount": 1152.08, "paymentTermDays": 30}]""";

    static final String AMENDMENT = """
            {"type": "ADD_BENEFICIARY", "effectiveOn": "2024-09-01", "signedOn": "2024-08-20",
             "organisationId": "5d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d", "maximumAmount": 80000.00}""";

    static final String AMENDMENT_CREATED = """
            {"id": "1f2e3d4c-5b6a-4789-8abc-def012345678", "conventionId": "9b2f3c4d-0000-4000-8000-000000000002", "number": 1,
             "type": "ADD_BENEFICIARY", "effectiveOn": "2024-09-01", "signedOn": "2024-08-20",
             "organisationId": "5d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d", "startsOn": "2024-09-01", "maximumAmount": 80000.00,
             "previousAnnualAmount": 3000.00, "newAnnualAmount": 3500.00, "newTier": "GROUP_5_9",
             "complementaryContribution": {"kind": "ANNUAL_DIFFERENCE", "amount": 500.00, "dueOn": "2024-09-01", "items": []}}""";

    static final String ORDER = """
            {"organisationId": "0a5e3c1e-6b51-4f0d-9d0b-2f3d7f7f0b11", "amount": 12500.00, "orderedOn": "2024-03-04",
             "reference": "BC-2024-0042"}""";

    static final String NEW_SUBSEQUENT_MARKET = """
            {"type": "NEW_SUBSEQUENT_MARKET", "effectiveOn": "2024-03-01", "signedOn": "2024-02-20", "amount": 2500.00,
             "maximumAmount": 120000.00}""";

    static final String RESTATED_SHARES = """
            {"type": "ADD_BENEFICIARY", "effectiveOn": "2024-09-01", "signedOn": "2024-08-20",
             "organisationId": "5d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
             "shares": [{"organisationId": "0a5e3c1e-6b51-4f0d-9d0b-2f3d7f7f0b11", "amount": 1000.00},
                        {"organisationId": "5d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d", "amount": 500.00}],
             "complementPayerId": "5d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d"}""";

    static final String SUBSEQUENT_MARKETS = """
            [{"conventionId": "9b2f3c4d-0000-4000-8000-000000000003", "seq": 1, "startsOn": "2022-03-01", "endsOn": "2026-02-28",
              "annualAmount": 2500.00, "maximumAmount": 100000.00, "consumedAmount": 100000.00, "remainingAmount": 0.00,
              "exhausted": true, "exhaustedOn": "2023-06-15", "contributionEndsOn": "2024-02-29",
              "executionYears": [{"year": 1, "startsOn": "2022-03-01", "endsOn": "2023-02-28", "billed": true},
                                 {"year": 2, "startsOn": "2023-03-01", "endsOn": "2024-02-29", "billed": true},
                                 {"year": 3, "startsOn": "2024-03-01", "endsOn": "2025-02-28", "billed": false},
                                 {"year": 4, "startsOn": "2025-03-01", "endsOn": "2026-02-28", "billed": false}]},
             {"conventionId": "9b2f3c4d-0000-4000-8000-000000000003", "seq": 2, "amendmentNumber": 1, "startsOn": "2023-09-01",
              "endsOn": "2026-02-28", "annualAmount": 2500.00, "maximumAmount": 120000.00, "consumedAmount": 0.00,
              "remainingAmount": 120000.00, "exhausted": false, "contributionEndsOn": "2026-02-28",
              "executionYears": [{"year": 1, "startsOn": "2023-09-01", "endsOn": "2024-08-31", "billed": true},
                                 {"year": 2, "startsOn": "2024-09-01", "endsOn": "2025-08-31", "billed": true},
                                 {"year": 3, "startsOn": "2025-09-01", "endsOn": "2026-02-28", "billed": true}]}]""";
}
