package fr.centrale.membership.rest;

/** Realistic examples for the OpenAPI document, taken from the seeds. */
final class Examples {

    private Examples() {
    }

    static final String BODY = """
            {"id": "7c0f1d2e-0001-4000-8000-000000000001", "code": "RESAH",
             "name": "GIP Réseau des acheteurs hospitaliers (Resah)", "siret": "13000501000025",
             "address": {"street": "47 rue de Charonne", "postalCode": "75011", "city": "Paris"},
             "paymentTermDays": 30, "renewal": "TACIT_YEARLY", "memberCategories": [], "thirdPartyAllowed": false,
             "territory": [], "court": "Tribunal administratif de Paris", "version": 0}""";

    static final String BODY_PAGE = "{\"items\": [" + BODY + "], \"page\": 0, \"size\": 50, \"total\": 3}";

    static final String BODY_REQUEST = """
            {"code": "UGAP", "name": "Union des groupements d'achats publics", "siret": "180 070 025 00011",
             "address": {"street": "1 boulevard Archimède", "postalCode": "77444", "city": "Champs-sur-Marne"},
             "paymentTermDays": 30, "renewal": "INDEFINITE", "terminationNoticeMonths": 3,
             "court": "Tribunal administratif de Melun"}""";

    static final String ORGANISATION_REQUEST = """
            {"name": "Communauté d'Agglomération de Béthune-Bruay, Artois-Lys Romane", "siret": "200 072 460 00013",
             "category": "COMMUNAUTE_AGGLOMERATION", "population": 277000,
             "address": {"street": "100 avenue de Londres, CS 40548", "postalCode": "62411", "city": "Béthune cedex"},
             "chorus": {"legalCommitment": "1300012345", "serviceCode": "DSI"},
             "contacts": [{"name": "Claire Martin", "role": "Responsable des achats", "email": "claire.martin@bethunebruay.fr",
                           "phone": "03 21 61 50 00"}]}""";

    static final String ORGANISATION = """
            {"id": "0a5e3c1e-6b51-4f0d-9d0b-2f3d7f7f0b11", "name": "Communauté d'Agglomération de Béthune-Bruay, Artois-Lys Romane",
             "siret": "20007246000013", "siren": "200072460", "category": "COMMUNAUTE_AGGLOMERATION", "population": 277000,
             "address": {"street": "100 avenue de Londres, CS 40548", "postalCode": "62411", "city": "Béthune cedex"},
             "departement": "62", "chorus": {"legalCommitment": "1300012345", "serviceCode": "DSI"},
             "contacts": [{"id": "5b8e0c55-2c4f-4d43-8d0e-9f5b7e0c1a01", "name": "Claire Martin", "role": "Responsable des achats",
                           "email": "claire.martin@bethunebruay.fr", "phone": "03 21 61 50 00", "version": 0}],
             "createdAt": "2025-01-15T09:30:00Z", "updatedAt": "2025-01-15T09:30:00Z", "version": 0}""";

    static final String ORGANISATION_PAGE = "{\"items\": [" + ORGANISATION + "], \"page\": 0, \"size\": 50, \"total\": 1}";

    static final String CONTACT_REQUEST = """
            {"name": "Claire Martin", "role": "Responsable des achats", "email": "claire.martin@bethunebruay.fr",
             "phone": "03 21 61 50 00"}""";

    static final String MEMBERSHIP_REQUEST = """
            {"organisationId": "0a5e3c1e-6b51-4f0d-9d0b-2f3d7f7f0b11", "purchasingBody": "RESAH",
             "kind": "MEMBER", "bulletinReceivedOn": "2023-12-11"}""";

    static final String MEMBERSHIP = """
            {"id": "c2d7a7f4-58a6-4c8e-a7c4-2b5d0b8e4f10", "organisationId": "0a5e3c1e-6b51-4f0d-9d0b-2f3d7f7f0b11",
             "organisationName": "Département du Pas-de-Calais", "purchasingBody": "RESAH", "kind": "MEMBER",
             "status": "ACTIVE", "bulletinReceivedOn": "2023-12-11", "startsOn": "2023-12-11", "firstFeeYear": 2024,
             "version": 0}""";

    static final String CONTACT_CHANGES = """
            [{"id": "1d0c9b8a-7f6e-4d5c-8b4a-3f2e1d0c9b8a", "contactId": "9f8e7d6c-5b4a-4c3d-9e2f-1a0b9c8d7e6f",
              "organisationId": "0a5e3c1e-6b51-4f0d-9d0b-2f3d7f7f0b11", "kind": "CREATED", "changedBy": "marie.admin",
              "changedAt": "2025-03-01T09:00:00Z",
              "changes": [{"field": "name", "newValue": "Claire Martin"}, {"field": "email", "newValue": "claire.martin@pasdecalais.fr"}]},
             {"id": "2e1d0c9b-8a7f-4e6d-9c5b-4a3f2e1d0c9b", "contactId": "9f8e7d6c-5b4a-4c3d-9e2f-1a0b9c8d7e6f",
              "organisationId": "0a5e3c1e-6b51-4f0d-9d0b-2f3d7f7f0b11", "kind": "CORRECTED", "changedBy": "marie.admin",
              "changedAt": "2025-06-12T14:30:00Z",
              "changes": [{"field": "email", "oldValue": "claire.martin@pasdecalais.fr", "newValue": "claire.martin-dubois@pasdecalais.fr"}]}]""";

    static final String BULLETIN_REQUEST = """
            {"receivedOn": "2023-12-11", "feeCategory": "OTHER", "statedFee": 600.00,
             "terms": "Bulletin d'adhésion 2023 : 600 euros nets de taxe (autres organismes), délibération n°2023-544",
             "chorusLegalCommitment": "2300004512", "chorusServiceCode": "DSI"}""";

    static final String BULLETINS = """
            [{"id": "5b1f0c2a-8d7e-4f3a-9c1b-0e2d3f4a5b6c", "membershipId": "c2d7a7f4-58a6-4c8e-a7c4-2b5d0b8e4f10",
              "receivedOn": "2022-07-04", "feeCategory": "OTHER", "recordedAt": "2022-07-05T08:00:00Z"},
             {"id": "6c2a1d3b-9e8f-4a4b-8d2c-1f3e4a5b6c7d", "membershipId": "c2d7a7f4-58a6-4c8e-a7c4-2b5d0b8e4f10",
              "receivedOn": "2023-12-11", "feeCategory": "OTHER", "statedFee": 600.00,
              "terms": "Bulletin d'adhésion 2023 : 600 euros nets de taxe (autres organismes)",
              "chorusLegalCommitment": "2300004512", "chorusServiceCode": "DSI", "recordedAt": "2023-12-12T09:30:00Z"}]""";

    static final String MEMBERSHIP_ENDING = """
            {"id": "c2d7a7f4-58a6-4c8e-a7c4-2b5d0b8e4f10", "organisationId": "0a5e3c1e-6b51-4f0d-9d0b-2f3d7f7f0b11",
             "organisationName": "Département du Pas-de-Calais", "purchasingBody": "RESAH", "kind": "MEMBER",
             "status": "ENDING", "bulletinReceivedOn": "2023-12-11", "startsOn": "2023-12-11", "endsOn": "2024-12-31",
             "firstFeeYear": 2024, "nonRenewalReceivedOn": "2024-10-15", "version": 1}""";

    static final String MEMBERSHIP_PAGE = "{\"items\": [" + MEMBERSHIP + "], \"page\": 0, \"size\": 50, \"total\": 1}";

    static final String SCHEDULE = """
            [{"sourceType": "MEMBERSHIP", "sourceId": "c2d7a7f4-58a6-4c8e-a7c4-2b5d0b8e4f10", "sequence": 1,
              "kind": "MEMBERSHIP_FEE", "issuer": "RESAH", "debtorId": "0a5e3c1e-6b51-4f0d-9d0b-2f3d7f7f0b11",
              "label": "Cotisation d'adhésion RESAH 2024", "periodStart": "2024-01-01", "periodEnd": "2024-12-31",
              "issueOn": "2024-01-02", "annualAmount": 600.00, "amount": 600.00, "paymentTermDays": 30}]""";

    static final String PERSONAL_DATA = """
            {"contactId": "5b8e0c55-2c4f-4d43-8d0e-9f5b7e0c1a01", "name": "Claire Martin", "role": "Responsable des achats",
             "email": "claire.martin@bethunebruay.fr", "phone": "03 21 61 50 00",
             "heldBy": {"organisationId": "0a5e3c1e-6b51-4f0d-9d0b-2f3d7f7f0b11",
                        "organisationName": "Communauté d'Agglomération de Béthune-Bruay, Artois-Lys Romane",
                        "organisationSiret": "20007246000013"},
             "purpose": "Contact with the organisation about its memberships, conventions and titres de recettes",
             "legalBasis": "Performance of a public-service mission (RGPD art. 6.1.e)",
             "recipients": "The purchasing bodies the organisation belongs to",
             "retention": "As long as the organisation holds a membership or convention, then erased on request",
             "recordedAt": "2025-01-15T09:30:00Z", "updatedAt": "2025-01-15T09:30:00Z", "exportedAt": "2026-11-23T10:00:00Z"}""";
}
