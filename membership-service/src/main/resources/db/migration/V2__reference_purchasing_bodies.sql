-- The three purchasing centres of the seeds, present out of the box (DOMAIN.md 1 and 3).
INSERT INTO purchasing_body (id, code, name, siret, street, postal_code, city, payment_term_days, renewal,
                             termination_notice_months, member_categories, third_party_allowed, territory,
                             franchise_window_start, franchise_years, court)
VALUES ('7c0f1d2e-0001-4000-8000-000000000001', 'RESAH',
        'GIP Réseau des acheteurs hospitaliers (Resah)', '13000501000025',
        '47 rue de Charonne', '75011', 'Paris', 30, 'TACIT_YEARLY', NULL, NULL, false, NULL, NULL, NULL,
        'Tribunal administratif de Paris'),
       ('7c0f1d2e-0002-4000-8000-000000000002', 'CAIH',
        'Centrale d''Achat de l''Informatique Hospitalière (CAIH)', NULL,
        '9 rue des Tuiliers', '69003', 'Lyon', 50, 'INDEFINITE', 3,
        'EPS,ESMS,ESPIC,GCSMS,GHT,HEALTH_ESTABLISHMENT,SDIS', true, NULL, NULL, NULL,
        'Tribunal administratif de Lyon'),
       ('7c0f1d2e-0003-4000-8000-000000000003', 'FIBRE5962',
        'Syndicat mixte La Fibre Numérique 59 62', NULL,
        '335 allée du Général Girard, Quartier des Trois Parallèles, la Citadelle', '62000', 'Arras', 30,
        'INDEFINITE', 1,
        'COMMUNAUTE_AGGLOMERATION,COMMUNAUTE_COMMUNES,COMMUNAUTE_URBAINE,COMMUNE,DEPARTEMENT,METROPOLE,OPH,REGION,SDIS',
        false, '59,62', DATE '2022-01-19', 2, 'Tribunal administratif de Lille');

-- RESAH board decision of 29/09/2022: from 2023 on, 300 € médico-social, 600 € other organisations.
INSERT INTO membership_fee (purchasing_body_id, year, medico_social, other)
VALUES ('7c0f1d2e-0001-4000-8000-000000000001', 2023, 300.00, 600.00);
