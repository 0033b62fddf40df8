-- The offer catalogue of DOMAIN.md section 4, present out of the box: one offer per framework agreement,
-- lot and formula, with its tariff grid (annual amounts in euros net of tax). DOMAIN.md is the authority for
-- every amount; CatalogueGridTest checks each of them against this file.
--
-- Tariff rows: the first matching row (by rank) wins. GROUP rows select on the number of beneficiaries
-- (min/max included); CATEGORY rows on the organisation's category, communes also on their population
-- (min/max included); SIZE_CLASS rows (CAIH) on beds/places or employees. A NULL amount is a quote
-- ("Nous contacter", "Sur devis"); a case no row matches is a quote too. Rows "Autres" are listed for the
-- catalogue (they match the category OTHER).
--
-- Fixed ids: offers 0ffe0000-0000-4000-8000-0000000000NN, their rows 7a200000-00NN-4000-8000-0000000000RR
-- (NN the offer, RR the rank). These rows are never updated: a change of terms is a new version of the offer.

-- RESAH 2021-046-001, telephony infrastructure (seed 000, art. 4.1): per execution year of each subsequent market, model F (D-5b).
-- Complementary fees (art. 4.2): tier change = annual difference; 150 EUR per added beneficiary; 300 EUR per maximum raise.
INSERT INTO offer (id, code, offer_version, superseded, purchasing_body, framework_agreement, lot, formula, title, ends_on,
                   max_duration_months, pricing_model, billed_per_subsequent_market, payment_term_days,
                   termination_notice_months, has_maximum_amounts, beneficiaries_may_pay, membership_required,
                   eligible_categories, eligibility_note, add_beneficiary_fee, increase_maximum_fee,
                   increase_maximum_due_at_signature, tier_change_complement, group_cap, local_authority_amount)
VALUES ('0ffe0000-0000-4000-8000-000000000001', 'RESAH-2021-046-001', 1, false,
        'RESAH', '2021-046-001', NULL, NULL,
        'Fourniture, installation, exploitation et maintenance d''infrastructures téléphoniques multimarques et services connexes',
        NULL, NULL, 'FULL_YEAR', true, 30, 0, true, true, true, NULL, NULL,
        150.00, 300.00, false, true, NULL, NULL);
INSERT INTO tariff_row (id, offer_id, rank, code, kind, categories, min_value, max_value, amount, label)
VALUES ('7a200000-0001-4000-8000-000000000001', '0ffe0000-0000-4000-8000-000000000001', 1, 'GROUP_10_PLUS', 'GROUP', NULL, 10, NULL, 4000.00,
        'Groupement à partir de 10 bénéficiaires'),
       ('7a200000-0001-4000-8000-000000000002', '0ffe0000-0000-4000-8000-000000000001', 2, 'GROUP_5_9', 'GROUP', NULL, 5, 9, 3500.00,
        'Groupement de 5 à 9 bénéficiaires'),
       ('7a200000-0001-4000-8000-000000000003', '0ffe0000-0000-4000-8000-000000000001', 3, 'GROUP_2_4', 'GROUP', NULL, 2, 4, 3000.00,
        'Groupement de 2 à 4 bénéficiaires'),
       ('7a200000-0001-4000-8000-000000000004', '0ffe0000-0000-4000-8000-000000000001', 4, 'EPS_ESPIC_CD_SDIS_OPH', 'CATEGORY', 'EPS,ESPIC,DEPARTEMENT,SDIS,OPH', NULL, NULL, 2500.00,
        'EPS, ESPIC, Département, SDIS, OPH'),
       ('7a200000-0001-4000-8000-000000000005', '0ffe0000-0000-4000-8000-000000000001', 5, 'ESMS', 'CATEGORY', 'ESMS', NULL, NULL, 1500.00,
        'ESMS'),
       ('7a200000-0001-4000-8000-000000000006', '0ffe0000-0000-4000-8000-000000000001', 6, 'OTHERS', 'CATEGORY', 'OTHER', NULL, NULL, NULL,
        'Autres');

-- RESAH 2021-047-001, telephony infrastructure for local authorities (seed 002, art. 4): per execution year of each subsequent market, model F (D-5b).
-- No fixed complementary fee: a new subsequent market (maximum reached or at risk) is an amendment that states its amount (DOMAIN.md 6).
INSERT INTO offer (id, code, offer_version, superseded, purchasing_body, framework_agreement, lot, formula, title, ends_on,
                   max_duration_months, pricing_model, billed_per_subsequent_market, payment_term_days,
                   termination_notice_months, has_maximum_amounts, beneficiaries_may_pay, membership_required,
                   eligible_categories, eligibility_note, add_beneficiary_fee, increase_maximum_fee,
                   increase_maximum_due_at_signature, tier_change_complement, group_cap, local_authority_amount)
VALUES ('0ffe0000-0000-4000-8000-000000000002', 'RESAH-2021-047-001', 1, false,
        'RESAH', '2021-047-001', NULL, NULL,
        'Fourniture, installation, exploitation et maintenance d''infrastructures téléphoniques multimarques et services connexes pour les besoins des pouvoirs adjudicateurs identifiés en annexe 1 du CCAP',
        NULL, NULL, 'FULL_YEAR', true, 30, 0, true, true, true, NULL, 'Only signatories and beneficiaries listed as potential beneficiaries in annex 1 of the framework agreement''s CCAP may sign; a listed EPCI also for the purchasing groups it coordinates',
        NULL, NULL, false, false, NULL, NULL);
INSERT INTO tariff_row (id, offer_id, rank, code, kind, categories, min_value, max_value, amount, label)
VALUES ('7a200000-0002-4000-8000-000000000001', '0ffe0000-0000-4000-8000-000000000002', 1, 'GROUP_20_PLUS', 'GROUP', NULL, 20, NULL, 5000.00,
        'Groupement à partir de 20 bénéficiaires'),
       ('7a200000-0002-4000-8000-000000000002', '0ffe0000-0000-4000-8000-000000000002', 2, 'GROUP_10_19', 'GROUP', NULL, 10, 19, 4000.00,
        'Groupement de 10 à 19 bénéficiaires'),
       ('7a200000-0002-4000-8000-000000000003', '0ffe0000-0000-4000-8000-000000000002', 3, 'GROUP_5_9', 'GROUP', NULL, 5, 9, 3500.00,
        'Groupement de 5 à 9 bénéficiaires'),
       ('7a200000-0002-4000-8000-000000000004', '0ffe0000-0000-4000-8000-000000000002', 4, 'GROUP_2_4', 'GROUP', NULL, 2, 4, 3000.00,
        'Groupement de 2 à 4 bénéficiaires'),
       ('7a200000-0002-4000-8000-000000000005', '0ffe0000-0000-4000-8000-000000000002', 5, 'REGION', 'CATEGORY', 'REGION', NULL, NULL, 4000.00,
        'Régions'),
       ('7a200000-0002-4000-8000-000000000006', '0ffe0000-0000-4000-8000-000000000002', 6, 'METROPOLE', 'CATEGORY', 'METROPOLE', NULL, NULL, 3500.00,
        'Métropoles pour leurs besoins propres'),
       ('7a200000-0002-4000-8000-000000000007', '0ffe0000-0000-4000-8000-000000000002', 7, 'COMMUNAUTE_URBAINE', 'CATEGORY', 'COMMUNAUTE_URBAINE', NULL, NULL, 3000.00,
        'Communautés urbaines pour leurs besoins propres'),
       ('7a200000-0002-4000-8000-000000000008', '0ffe0000-0000-4000-8000-000000000002', 8, 'COMMUNAUTE_AGGLOMERATION', 'CATEGORY', 'COMMUNAUTE_AGGLOMERATION', NULL, NULL, 2500.00,
        'Communautés d''agglomérations pour leurs besoins propres'),
       ('7a200000-0002-4000-8000-000000000009', '0ffe0000-0000-4000-8000-000000000002', 9, 'COMMUNE_50000_PLUS', 'CATEGORY', 'COMMUNE', 50000, NULL, 2500.00,
        'Communes à partir de 50.000 habitants pour leurs besoins propres'),
       ('7a200000-0002-4000-8000-000000000010', '0ffe0000-0000-4000-8000-000000000002', 10, 'COMMUNAUTE_COMMUNES', 'CATEGORY', 'COMMUNAUTE_COMMUNES', NULL, NULL, 1500.00,
        'Communautés de communes pour leurs besoins propres'),
       ('7a200000-0002-4000-8000-000000000011', '0ffe0000-0000-4000-8000-000000000002', 11, 'COMMUNE_20000_49999', 'CATEGORY', 'COMMUNE', 20000, 49999, 1500.00,
        'Communes de ≥ 20.000 et < 50 000 habitants pour leurs besoins propres'),
       ('7a200000-0002-4000-8000-000000000012', '0ffe0000-0000-4000-8000-000000000002', 12, 'OTHERS', 'CATEGORY', 'OTHER', NULL, NULL, NULL,
        'Autres');

-- RESAH 2021-008 lot 1 INFRA IT, IT project-management assistance (seed 000, annex 2): model P, at most 4 years of execution.
-- Maximum amounts are optional here (only where the subsequent market is a purchase-order framework).
-- D-2: a group of exactly 10 takes the "plus de 10" row (min 10). The grid prints no "Autres" row: anything unlisted is on quote.
INSERT INTO offer (id, code, offer_version, superseded, purchasing_body, framework_agreement, lot, formula, title, ends_on,
                   max_duration_months, pricing_model, billed_per_subsequent_market, payment_term_days,
                   termination_notice_months, has_maximum_amounts, beneficiaries_may_pay, membership_required,
                   eligible_categories, eligibility_note, add_beneficiary_fee, increase_maximum_fee,
                   increase_maximum_due_at_signature, tier_change_complement, group_cap, local_authority_amount)
VALUES ('0ffe0000-0000-4000-8000-000000000003', 'RESAH-2021-008-LOT1', 1, false,
        'RESAH', '2021-008', '1', NULL,
        'Prestations d''assistance à la maîtrise d''œuvre informatique — Lot 1 : INFRA IT',
        NULL, 48, 'PRORATED_LAST_PERIOD', false, 30, 0, true, true, true, NULL, NULL,
        NULL, NULL, false, false, NULL, NULL);
INSERT INTO tariff_row (id, offer_id, rank, code, kind, categories, min_value, max_value, amount, label)
VALUES ('7a200000-0003-4000-8000-000000000001', '0ffe0000-0000-4000-8000-000000000003', 1, 'GROUP_10_PLUS', 'GROUP', NULL, 10, NULL, 2500.00,
        'Groupement de plus de 10 bénéficiaires'),
       ('7a200000-0003-4000-8000-000000000002', '0ffe0000-0000-4000-8000-000000000003', 2, 'GROUP_5_9', 'GROUP', NULL, 5, 9, 2000.00,
        'Groupement de 5 à 9 bénéficiaires'),
       ('7a200000-0003-4000-8000-000000000003', '0ffe0000-0000-4000-8000-000000000003', 3, 'GROUP_2_4', 'GROUP', NULL, 2, 4, 1500.00,
        'Groupement de 2 à 4 bénéficiaires'),
       ('7a200000-0003-4000-8000-000000000004', '0ffe0000-0000-4000-8000-000000000003', 4, 'REGION', 'CATEGORY', 'REGION', NULL, NULL, 2500.00,
        'Régions'),
       ('7a200000-0003-4000-8000-000000000005', '0ffe0000-0000-4000-8000-000000000003', 5, 'METROPOLE', 'CATEGORY', 'METROPOLE', NULL, NULL, 2500.00,
        'Métropoles pour leurs propres besoins'),
       ('7a200000-0003-4000-8000-000000000006', '0ffe0000-0000-4000-8000-000000000003', 6, 'DEPARTEMENT', 'CATEGORY', 'DEPARTEMENT', NULL, NULL, 2500.00,
        'Départements'),
       ('7a200000-0003-4000-8000-000000000007', '0ffe0000-0000-4000-8000-000000000003', 7, 'COMMUNAUTE_URBAINE', 'CATEGORY', 'COMMUNAUTE_URBAINE', NULL, NULL, 2000.00,
        'Communautés urbaines pour leurs besoins propres'),
       ('7a200000-0003-4000-8000-000000000008', '0ffe0000-0000-4000-8000-000000000003', 8, 'COMMUNAUTE_AGGLOMERATION', 'CATEGORY', 'COMMUNAUTE_AGGLOMERATION', NULL, NULL, 2000.00,
        'Communautés d''agglomération pour leurs besoins propres'),
       ('7a200000-0003-4000-8000-000000000009', '0ffe0000-0000-4000-8000-000000000003', 9, 'COMMUNE_50000_PLUS', 'CATEGORY', 'COMMUNE', 50000, NULL, 1500.00,
        'Communes à partir de 50.000 habitants pour leurs besoins propres'),
       ('7a200000-0003-4000-8000-000000000010', '0ffe0000-0000-4000-8000-000000000003', 10, 'COMMUNAUTE_COMMUNES', 'CATEGORY', 'COMMUNAUTE_COMMUNES', NULL, NULL, 1500.00,
        'Communautés de communes pour leurs besoins propres'),
       ('7a200000-0003-4000-8000-000000000011', '0ffe0000-0000-4000-8000-000000000003', 11, 'COMMUNE_UNDER_50000', 'CATEGORY', 'COMMUNE', NULL, 49999, 1000.00,
        'Communes de < 50 000 habitants pour leurs besoins propres');

-- RESAH 2021-008 lot 2 LOGICIELS: same terms and grid shape as lot 1.
INSERT INTO offer (id, code, offer_version, superseded, purchasing_body, framework_agreement, lot, formula, title, ends_on,
                   max_duration_months, pricing_model, billed_per_subsequent_market, payment_term_days,
                   termination_notice_months, has_maximum_amounts, beneficiaries_may_pay, membership_required,
                   eligible_categories, eligibility_note, add_beneficiary_fee, increase_maximum_fee,
                   increase_maximum_due_at_signature, tier_change_complement, group_cap, local_authority_amount)
VALUES ('0ffe0000-0000-4000-8000-000000000004', 'RESAH-2021-008-LOT2', 1, false,
        'RESAH', '2021-008', '2', NULL,
        'Prestations d''assistance à la maîtrise d''œuvre informatique — Lot 2 : LOGICIELS',
        NULL, 48, 'PRORATED_LAST_PERIOD', false, 30, 0, true, true, true, NULL, NULL,
        NULL, NULL, false, false, NULL, NULL);
INSERT INTO tariff_row (id, offer_id, rank, code, kind, categories, min_value, max_value, amount, label)
VALUES ('7a200000-0004-4000-8000-000000000001', '0ffe0000-0000-4000-8000-000000000004', 1, 'GROUP_10_PLUS', 'GROUP', NULL, 10, NULL, 2000.00,
        'Groupement de plus de 10 bénéficiaires'),
       ('7a200000-0004-4000-8000-000000000002', '0ffe0000-0000-4000-8000-000000000004', 2, 'GROUP_5_9', 'GROUP', NULL, 5, 9, 1500.00,
        'Groupement de 5 à 9 bénéficiaires'),
       ('7a200000-0004-4000-8000-000000000003', '0ffe0000-0000-4000-8000-000000000004', 3, 'GROUP_2_4', 'GROUP', NULL, 2, 4, 1000.00,
        'Groupement de 2 à 4 bénéficiaires'),
       ('7a200000-0004-4000-8000-000000000004', '0ffe0000-0000-4000-8000-000000000004', 4, 'REGION', 'CATEGORY', 'REGION', NULL, NULL, 2000.00,
        'Régions'),
       ('7a200000-0004-4000-8000-000000000005', '0ffe0000-0000-4000-8000-000000000004', 5, 'METROPOLE', 'CATEGORY', 'METROPOLE', NULL, NULL, 2000.00,
        'Métropoles pour leurs propres besoins'),
       ('7a200000-0004-4000-8000-000000000006', '0ffe0000-0000-4000-8000-000000000004', 6, 'DEPARTEMENT', 'CATEGORY', 'DEPARTEMENT', NULL, NULL, 2000.00,
        'Départements'),
       ('7a200000-0004-4000-8000-000000000007', '0ffe0000-0000-4000-8000-000000000004', 7, 'COMMUNAUTE_URBAINE', 'CATEGORY', 'COMMUNAUTE_URBAINE', NULL, NULL, 1500.00,
        'Communautés urbaines pour leurs besoins propres'),
       ('7a200000-0004-4000-8000-000000000008', '0ffe0000-0000-4000-8000-000000000004', 8, 'COMMUNAUTE_AGGLOMERATION', 'CATEGORY', 'COMMUNAUTE_AGGLOMERATION', NULL, NULL, 1500.00,
        'Communautés d''agglomération pour leurs besoins propres'),
       ('7a200000-0004-4000-8000-000000000009', '0ffe0000-0000-4000-8000-000000000004', 9, 'COMMUNE_50000_PLUS', 'CATEGORY', 'COMMUNE', 50000, NULL, 1000.00,
        'Communes à partir de 50.000 habitants pour leurs besoins propres'),
       ('7a200000-0004-4000-8000-000000000010', '0ffe0000-0000-4000-8000-000000000004', 10, 'COMMUNAUTE_COMMUNES', 'CATEGORY', 'COMMUNAUTE_COMMUNES', NULL, NULL, 1000.00,
        'Communautés de communes pour leurs besoins propres'),
       ('7a200000-0004-4000-8000-000000000011', '0ffe0000-0000-4000-8000-000000000004', 11, 'COMMUNE_UNDER_50000', 'CATEGORY', 'COMMUNE', NULL, 49999, 750.00,
        'Communes de < 50 000 habitants pour leurs besoins propres');

-- RESAH 2021-008 lot 3 POSTES UTILISATEURS: same terms and grid shape as lot 1.
INSERT INTO offer (id, code, offer_version, superseded, purchasing_body, framework_agreement, lot, formula, title, ends_on,
                   max_duration_months, pricing_model, billed_per_subsequent_market, payment_term_days,
                   termination_notice_months, has_maximum_amounts, beneficiaries_may_pay, membership_required,
                   eligible_categories, eligibility_note, add_beneficiary_fee, increase_maximum_fee,
                   increase_maximum_due_at_signature, tier_change_complement, group_cap, local_authority_amount)
VALUES ('0ffe0000-0000-4000-8000-000000000005', 'RESAH-2021-008-LOT3', 1, false,
        'RESAH', '2021-008', '3', NULL,
        'Prestations d''assistance à la maîtrise d''œuvre informatique — Lot 3 : POSTES UTILISATEURS',
        NULL, 48, 'PRORATED_LAST_PERIOD', false, 30, 0, true, true, true, NULL, NULL,
        NULL, NULL, false, false, NULL, NULL);
INSERT INTO tariff_row (id, offer_id, rank, code, kind, categories, min_value, max_value, amount, label)
VALUES ('7a200000-0005-4000-8000-000000000001', '0ffe0000-0000-4000-8000-000000000005', 1, 'GROUP_10_PLUS', 'GROUP', NULL, 10, NULL, 2500.00,
        'Groupement de plus de 10 bénéficiaires'),
       ('7a200000-0005-4000-8000-000000000002', '0ffe0000-0000-4000-8000-000000000005', 2, 'GROUP_5_9', 'GROUP', NULL, 5, 9, 2000.00,
        'Groupement de 5 à 9 bénéficiaires'),
       ('7a200000-0005-4000-8000-000000000003', '0ffe0000-0000-4000-8000-000000000005', 3, 'GROUP_2_4', 'GROUP', NULL, 2, 4, 1500.00,
        'Groupement de 2 à 4 bénéficiaires'),
       ('7a200000-0005-4000-8000-000000000004', '0ffe0000-0000-4000-8000-000000000005', 4, 'REGION', 'CATEGORY', 'REGION', NULL, NULL, 2500.00,
        'Régions'),
       ('7a200000-0005-4000-8000-000000000005', '0ffe0000-0000-4000-8000-000000000005', 5, 'METROPOLE', 'CATEGORY', 'METROPOLE', NULL, NULL, 2500.00,
        'Métropoles pour leurs propres besoins'),
       ('7a200000-0005-4000-8000-000000000006', '0ffe0000-0000-4000-8000-000000000005', 6, 'DEPARTEMENT', 'CATEGORY', 'DEPARTEMENT', NULL, NULL, 2500.00,
        'Départements'),
       ('7a200000-0005-4000-8000-000000000007', '0ffe0000-0000-4000-8000-000000000005', 7, 'COMMUNAUTE_URBAINE', 'CATEGORY', 'COMMUNAUTE_URBAINE', NULL, NULL, 2000.00,
        'Communautés urbaines pour leurs besoins propres'),
       ('7a200000-0005-4000-8000-000000000008', '0ffe0000-0000-4000-8000-000000000005', 8, 'COMMUNAUTE_AGGLOMERATION', 'CATEGORY', 'COMMUNAUTE_AGGLOMERATION', NULL, NULL, 2000.00,
        'Communautés d''agglomération pour leurs besoins propres'),
       ('7a200000-0005-4000-8000-000000000009', '0ffe0000-0000-4000-8000-000000000005', 9, 'COMMUNE_50000_PLUS', 'CATEGORY', 'COMMUNE', 50000, NULL, 1500.00,
        'Communes à partir de 50.000 habitants pour leurs besoins propres'),
       ('7a200000-0005-4000-8000-000000000010', '0ffe0000-0000-4000-8000-000000000005', 10, 'COMMUNAUTE_COMMUNES', 'CATEGORY', 'COMMUNAUTE_COMMUNES', NULL, NULL, 1500.00,
        'Communautés de communes pour leurs besoins propres'),
       ('7a200000-0005-4000-8000-000000000011', '0ffe0000-0000-4000-8000-000000000005', 11, 'COMMUNE_UNDER_50000', 'CATEGORY', 'COMMUNE', NULL, 49999, 1000.00,
        'Communes de < 50 000 habitants pour leurs besoins propres');

-- RESAH 2021-008 lot 4 PRESTATIONS IDF (ESS): same terms and grid shape as lot 1.
INSERT INTO offer (id, code, offer_version, superseded, purchasing_body, framework_agreement, lot, formula, title, ends_on,
                   max_duration_months, pricing_model, billed_per_subsequent_market, payment_term_days,
                   termination_notice_months, has_maximum_amounts, beneficiaries_may_pay, membership_required,
                   eligible_categories, eligibility_note, add_beneficiary_fee, increase_maximum_fee,
                   increase_maximum_due_at_signature, tier_change_complement, group_cap, local_authority_amount)
VALUES ('0ffe0000-0000-4000-8000-000000000006', 'RESAH-2021-008-LOT4', 1, false,
        'RESAH', '2021-008', '4', NULL,
        'Prestations d''assistance à la maîtrise d''œuvre informatique — Lot 4 : PRESTATIONS IDF (ESS)',
        NULL, 48, 'PRORATED_LAST_PERIOD', false, 30, 0, true, true, true, NULL, NULL,
        NULL, NULL, false, false, NULL, NULL);
INSERT INTO tariff_row (id, offer_id, rank, code, kind, categories, min_value, max_value, amount, label)
VALUES ('7a200000-0006-4000-8000-000000000001', '0ffe0000-0000-4000-8000-000000000006', 1, 'GROUP_10_PLUS', 'GROUP', NULL, 10, NULL, 300.00,
        'Groupement de plus de 10 bénéficiaires'),
       ('7a200000-0006-4000-8000-000000000002', '0ffe0000-0000-4000-8000-000000000006', 2, 'GROUP_5_9', 'GROUP', NULL, 5, 9, 300.00,
        'Groupement de 5 à 9 bénéficiaires'),
       ('7a200000-0006-4000-8000-000000000003', '0ffe0000-0000-4000-8000-000000000006', 3, 'GROUP_2_4', 'GROUP', NULL, 2, 4, 300.00,
        'Groupement de 2 à 4 bénéficiaires'),
       ('7a200000-0006-4000-8000-000000000004', '0ffe0000-0000-4000-8000-000000000006', 4, 'REGION', 'CATEGORY', 'REGION', NULL, NULL, 300.00,
        'Régions'),
       ('7a200000-0006-4000-8000-000000000005', '0ffe0000-0000-4000-8000-000000000006', 5, 'METROPOLE', 'CATEGORY', 'METROPOLE', NULL, NULL, 300.00,
        'Métropoles pour leurs propres besoins'),
       ('7a200000-0006-4000-8000-000000000006', '0ffe0000-0000-4000-8000-000000000006', 6, 'DEPARTEMENT', 'CATEGORY', 'DEPARTEMENT', NULL, NULL, 300.00,
        'Départements'),
       ('7a200000-0006-4000-8000-000000000007', '0ffe0000-0000-4000-8000-000000000006', 7, 'COMMUNAUTE_URBAINE', 'CATEGORY', 'COMMUNAUTE_URBAINE', NULL, NULL, 300.00,
        'Communautés urbaines pour leurs besoins propres'),
       ('7a200000-0006-4000-8000-000000000008', '0ffe0000-0000-4000-8000-000000000006', 8, 'COMMUNAUTE_AGGLOMERATION', 'CATEGORY', 'COMMUNAUTE_AGGLOMERATION', NULL, NULL, 300.00,
        'Communautés d''agglomération pour leurs besoins propres'),
       ('7a200000-0006-4000-8000-000000000009', '0ffe0000-0000-4000-8000-000000000006', 9, 'COMMUNE_50000_PLUS', 'CATEGORY', 'COMMUNE', 50000, NULL, 300.00,
        'Communes à partir de 50.000 habitants pour leurs besoins propres'),
       ('7a200000-0006-4000-8000-000000000010', '0ffe0000-0000-4000-8000-000000000006', 10, 'COMMUNAUTE_COMMUNES', 'CATEGORY', 'COMMUNAUTE_COMMUNES', NULL, NULL, 300.00,
        'Communautés de communes pour leurs besoins propres'),
       ('7a200000-0006-4000-8000-000000000011', '0ffe0000-0000-4000-8000-000000000006', 11, 'COMMUNE_UNDER_50000', 'CATEGORY', 'COMMUNE', NULL, 49999, 300.00,
        'Communes de < 50 000 habitants pour leurs besoins propres');

-- RESAH 2020-027 lot 1, hybrid cloud hosting and cybersecurity (seed 001, annex 2): end of agreement 27/08/2024, model P,
-- no maximum amounts, one formula per convention (D-10). The column "Groupement de 5 à 9 bénéficiaires / CD"
-- is two rows with the same amount, labelled as annex 1 lists them: groups of 5 to 9, and "CD" (a Département alone).
INSERT INTO offer (id, code, offer_version, superseded, purchasing_body, framework_agreement, lot, formula, title, ends_on,
                   max_duration_months, pricing_model, billed_per_subsequent_market, payment_term_days,
                   termination_notice_months, has_maximum_amounts, beneficiaries_may_pay, membership_required,
                   eligible_categories, eligibility_note, add_beneficiary_fee, increase_maximum_fee,
                   increase_maximum_due_at_signature, tier_change_complement, group_cap, local_authority_amount)
VALUES ('0ffe0000-0000-4000-8000-000000000007', 'RESAH-2020-027-LOT1-HEBERGEMENT', 1, false,
        'RESAH', '2020-027', '1', 'Hébergement',
        'Hébergement cloud hybride avec services et offre de cybersécurité — formule « Hébergement »',
        DATE '2024-08-27', NULL, 'PRORATED_LAST_PERIOD', false, 30, 0, false, false, true, NULL, 'RESAH members and former beneficiaries of market 2016-042',
        NULL, NULL, false, false, NULL, NULL);
INSERT INTO tariff_row (id, offer_id, rank, code, kind, categories, min_value, max_value, amount, label)
VALUES ('7a200000-0007-4000-8000-000000000001', '0ffe0000-0000-4000-8000-000000000007', 1, 'ESMS', 'CATEGORY', 'ESMS', NULL, NULL, 500.00,
        'EHPAD / ESAT / CLIC / MAS / IME / Centre de santé / APAJH / ADAPEI'),
       ('7a200000-0007-4000-8000-000000000002', '0ffe0000-0000-4000-8000-000000000007', 2, 'EPS_ESPIC_SDIS_GCSMS_OPH', 'CATEGORY', 'EPS,ESPIC,SDIS,GCSMS,OPH', NULL, NULL, 750.00,
        'EPS / ESPIC / SDIS / GCSMS / OHLM'),
       ('7a200000-0007-4000-8000-000000000003', '0ffe0000-0000-4000-8000-000000000007', 3, 'GROUP_2_4', 'GROUP', NULL, 2, 4, 1000.00,
        'Groupement de 2 à 4 bénéficiaires'),
       ('7a200000-0007-4000-8000-000000000004', '0ffe0000-0000-4000-8000-000000000007', 4, 'GROUP_5_9', 'GROUP', NULL, 5, 9, 1250.00,
        'Groupement de 5 à 9 bénéficiaires'),
       ('7a200000-0007-4000-8000-000000000005', '0ffe0000-0000-4000-8000-000000000007', 5, 'DEPARTEMENT', 'CATEGORY', 'DEPARTEMENT', NULL, NULL, 1250.00,
        'CD (Département)'),
       ('7a200000-0007-4000-8000-000000000006', '0ffe0000-0000-4000-8000-000000000007', 6, 'GROUP_10_PLUS', 'GROUP', NULL, 10, NULL, 2000.00,
        'Groupement à partir de 10 bénéficiaires'),
       ('7a200000-0007-4000-8000-000000000007', '0ffe0000-0000-4000-8000-000000000007', 7, 'OTHERS', 'CATEGORY', 'OTHER', NULL, NULL, NULL,
        'Autres structures');

-- RESAH 2020-027 lot 1, formula « Sécurité ».
INSERT INTO offer (id, code, offer_version, superseded, purchasing_body, framework_agreement, lot, formula, title, ends_on,
                   max_duration_months, pricing_model, billed_per_subsequent_market, payment_term_days,
                   termination_notice_months, has_maximum_amounts, beneficiaries_may_pay, membership_required,
                   eligible_categories, eligibility_note, add_beneficiary_fee, increase_maximum_fee,
                   increase_maximum_due_at_signature, tier_change_complement, group_cap, local_authority_amount)
VALUES ('0ffe0000-0000-4000-8000-000000000008', 'RESAH-2020-027-LOT1-SECURITE', 1, false,
        'RESAH', '2020-027', '1', 'Sécurité',
        'Hébergement cloud hybride avec services et offre de cybersécurité — formule « Sécurité »',
        DATE '2024-08-27', NULL, 'PRORATED_LAST_PERIOD', false, 30, 0, false, false, true, NULL, 'RESAH members and former beneficiaries of market 2016-042',
        NULL, NULL, false, false, NULL, NULL);
INSERT INTO tariff_row (id, offer_id, rank, code, kind, categories, min_value, max_value, amount, label)
VALUES ('7a200000-0008-4000-8000-000000000001', '0ffe0000-0000-4000-8000-000000000008', 1, 'ESMS', 'CATEGORY', 'ESMS', NULL, NULL, 300.00,
        'EHPAD / ESAT / CLIC / MAS / IME / Centre de santé / APAJH / ADAPEI'),
       ('7a200000-0008-4000-8000-000000000002', '0ffe0000-0000-4000-8000-000000000008', 2, 'EPS_ESPIC_SDIS_GCSMS_OPH', 'CATEGORY', 'EPS,ESPIC,SDIS,GCSMS,OPH', NULL, NULL, 500.00,
        'EPS / ESPIC / SDIS / GCSMS / OHLM'),
       ('7a200000-0008-4000-8000-000000000003', '0ffe0000-0000-4000-8000-000000000008', 3, 'GROUP_2_4', 'GROUP', NULL, 2, 4, 750.00,
        'Groupement de 2 à 4 bénéficiaires'),
       ('7a200000-0008-4000-8000-000000000004', '0ffe0000-0000-4000-8000-000000000008', 4, 'GROUP_5_9', 'GROUP', NULL, 5, 9, 1000.00,
        'Groupement de 5 à 9 bénéficiaires'),
       ('7a200000-0008-4000-8000-000000000005', '0ffe0000-0000-4000-8000-000000000008', 5, 'DEPARTEMENT', 'CATEGORY', 'DEPARTEMENT', NULL, NULL, 1000.00,
        'CD (Département)'),
       ('7a200000-0008-4000-8000-000000000006', '0ffe0000-0000-4000-8000-000000000008', 6, 'GROUP_10_PLUS', 'GROUP', NULL, 10, NULL, 1500.00,
        'Groupement à partir de 10 bénéficiaires'),
       ('7a200000-0008-4000-8000-000000000007', '0ffe0000-0000-4000-8000-000000000008', 7, 'OTHERS', 'CATEGORY', 'OTHER', NULL, NULL, NULL,
        'Autres structures');

-- RESAH 2020-027 lot 1, formula « Hébergement + Sécurité ».
INSERT INTO offer (id, code, offer_version, superseded, purchasing_body, framework_agreement, lot, formula, title, ends_on,
                   max_duration_months, pricing_model, billed_per_subsequent_market, payment_term_days,
                   termination_notice_months, has_maximum_amounts, beneficiaries_may_pay, membership_required,
                   eligible_categories, eligibility_note, add_beneficiary_fee, increase_maximum_fee,
                   increase_maximum_due_at_signature, tier_change_complement, group_cap, local_authority_amount)
VALUES ('0ffe0000-0000-4000-8000-000000000009', 'RESAH-2020-027-LOT1-HEBERGEMENT-SECURITE', 1, false,
        'RESAH', '2020-027', '1', 'Hébergement + Sécurité',
        'Hébergement cloud hybride avec services et offre de cybersécurité — formule « Hébergement + Sécurité »',
        DATE '2024-08-27', NULL, 'PRORATED_LAST_PERIOD', false, 30, 0, false, false, true, NULL, 'RESAH members and former beneficiaries of market 2016-042; formula accessible only when subscribing to hosting and security together',
        NULL, NULL, false, false, NULL, NULL);
INSERT INTO tariff_row (id, offer_id, rank, code, kind, categories, min_value, max_value, amount, label)
VALUES ('7a200000-0009-4000-8000-000000000001', '0ffe0000-0000-4000-8000-000000000009', 1, 'ESMS', 'CATEGORY', 'ESMS', NULL, NULL, 720.00,
        'EHPAD / ESAT / CLIC / MAS / IME / Centre de santé / APAJH / ADAPEI'),
       ('7a200000-0009-4000-8000-000000000002', '0ffe0000-0000-4000-8000-000000000009', 2, 'EPS_ESPIC_SDIS_GCSMS_OPH', 'CATEGORY', 'EPS,ESPIC,SDIS,GCSMS,OPH', NULL, NULL, 1125.00,
        'EPS / ESPIC / SDIS / GCSMS / OHLM'),
       ('7a200000-0009-4000-8000-000000000003', '0ffe0000-0000-4000-8000-000000000009', 3, 'GROUP_2_4', 'GROUP', NULL, 2, 4, 1575.00,
        'Groupement de 2 à 4 bénéficiaires'),
       ('7a200000-0009-4000-8000-000000000004', '0ffe0000-0000-4000-8000-000000000009', 4, 'GROUP_5_9', 'GROUP', NULL, 5, 9, 2025.00,
        'Groupement de 5 à 9 bénéficiaires'),
       ('7a200000-0009-4000-8000-000000000005', '0ffe0000-0000-4000-8000-000000000009', 5, 'DEPARTEMENT', 'CATEGORY', 'DEPARTEMENT', NULL, NULL, 2025.00,
        'CD (Département)'),
       ('7a200000-0009-4000-8000-000000000006', '0ffe0000-0000-4000-8000-000000000009', 6, 'GROUP_10_PLUS', 'GROUP', NULL, 10, NULL, 3150.00,
        'Groupement à partir de 10 bénéficiaires'),
       ('7a200000-0009-4000-8000-000000000007', '0ffe0000-0000-4000-8000-000000000009', 7, 'OTHERS', 'CATEGORY', 'OTHER', NULL, NULL, NULL,
        'Autres structures');

-- RESAH 2021-045 lot 2 (seed 002, art. 4): model F ("toute année commencée est due"), maximum amount per beneficiary,
-- 150 EUR per request to raise a maximum, due at the amendment's effective date (art. 4.2). The grid has no group rows.
INSERT INTO offer (id, code, offer_version, superseded, purchasing_body, framework_agreement, lot, formula, title, ends_on,
                   max_duration_months, pricing_model, billed_per_subsequent_market, payment_term_days,
                   termination_notice_months, has_maximum_amounts, beneficiaries_may_pay, membership_required,
                   eligible_categories, eligibility_note, add_beneficiary_fee, increase_maximum_fee,
                   increase_maximum_due_at_signature, tier_change_complement, group_cap, local_authority_amount)
VALUES ('0ffe0000-0000-4000-8000-000000000010', 'RESAH-2021-045-LOT2', 1, false,
        'RESAH', '2021-045', '2', NULL,
        'Fourniture de services opérés de télécommunications et prestations associées — Lot 2 : Téléphonie fixe, services internet, numéros SVA, VPN, Webconférence, Distribution d''appels, Multi-diffusions, SD-Wan, Collecte niveau 2',
        NULL, NULL, 'FULL_YEAR', false, 30, 0, true, false, true, NULL, 'Only signatories and beneficiaries listed as potential beneficiaries in annex 1 of the framework agreement''s CCAP may sign',
        NULL, 150.00, false, false, NULL, NULL);
INSERT INTO tariff_row (id, offer_id, rank, code, kind, categories, min_value, max_value, amount, label)
VALUES ('7a200000-0010-4000-8000-000000000001', '0ffe0000-0000-4000-8000-000000000010', 1, 'REGION', 'CATEGORY', 'REGION', NULL, NULL, 1750.00,
        'Régions'),
       ('7a200000-0010-4000-8000-000000000002', '0ffe0000-0000-4000-8000-000000000010', 2, 'METROPOLE', 'CATEGORY', 'METROPOLE', NULL, NULL, 1750.00,
        'Métropoles pour leurs besoins propres'),
       ('7a200000-0010-4000-8000-000000000003', '0ffe0000-0000-4000-8000-000000000010', 3, 'COMMUNAUTE_URBAINE', 'CATEGORY', 'COMMUNAUTE_URBAINE', NULL, NULL, 1500.00,
        'Communautés urbaines pour leurs besoins propres'),
       ('7a200000-0010-4000-8000-000000000004', '0ffe0000-0000-4000-8000-000000000010', 4, 'COMMUNAUTE_AGGLOMERATION', 'CATEGORY', 'COMMUNAUTE_AGGLOMERATION', NULL, NULL, 1000.00,
        'Communautés d''agglomérations pour leurs besoins propres'),
       ('7a200000-0010-4000-8000-000000000005', '0ffe0000-0000-4000-8000-000000000010', 5, 'COMMUNE_50000_PLUS', 'CATEGORY', 'COMMUNE', 50000, NULL, 1000.00,
        'Communes à partir de 50.000 habitants pour leurs besoins propres'),
       ('7a200000-0010-4000-8000-000000000006', '0ffe0000-0000-4000-8000-000000000010', 6, 'COMMUNAUTE_COMMUNES', 'CATEGORY', 'COMMUNAUTE_COMMUNES', NULL, NULL, 750.00,
        'Communautés de communes pour leurs besoins propres'),
       ('7a200000-0010-4000-8000-000000000007', '0ffe0000-0000-4000-8000-000000000010', 7, 'COMMUNE_20000_49999', 'CATEGORY', 'COMMUNE', 20000, 49999, 750.00,
        'Communes de ≥ 20.000 et < 50 000 habitants pour leurs besoins propres'),
       ('7a200000-0010-4000-8000-000000000008', '0ffe0000-0000-4000-8000-000000000010', 8, 'OTHERS', 'CATEGORY', 'OTHER', NULL, NULL, NULL,
        'Autres');

-- RESAH 2021-045 lot 4: same terms as lot 2.
INSERT INTO offer (id, code, offer_version, superseded, purchasing_body, framework_agreement, lot, formula, title, ends_on,
                   max_duration_months, pricing_model, billed_per_subsequent_market, payment_term_days,
                   termination_notice_months, has_maximum_amounts, beneficiaries_may_pay, membership_required,
                   eligible_categories, eligibility_note, add_beneficiary_fee, increase_maximum_fee,
                   increase_maximum_due_at_signature, tier_change_complement, group_cap, local_authority_amount)
VALUES ('0ffe0000-0000-4000-8000-000000000011', 'RESAH-2021-045-LOT4', 1, false,
        'RESAH', '2021-045', '4', NULL,
        'Fourniture de services opérés de télécommunications et prestations associées — Lot 4 : Téléphonie mobile, M2M, MDM, Amélioration des couvertures indoor et outdoor',
        NULL, NULL, 'FULL_YEAR', false, 30, 0, true, false, true, NULL, 'Only signatories and beneficiaries listed as potential beneficiaries in annex 1 of the framework agreement''s CCAP may sign',
        NULL, 150.00, false, false, NULL, NULL);
INSERT INTO tariff_row (id, offer_id, rank, code, kind, categories, min_value, max_value, amount, label)
VALUES ('7a200000-0011-4000-8000-000000000001', '0ffe0000-0000-4000-8000-000000000011', 1, 'REGION', 'CATEGORY', 'REGION', NULL, NULL, 1100.00,
        'Régions'),
       ('7a200000-0011-4000-8000-000000000002', '0ffe0000-0000-4000-8000-000000000011', 2, 'METROPOLE', 'CATEGORY', 'METROPOLE', NULL, NULL, 1100.00,
        'Métropoles pour leurs besoins propres'),
       ('7a200000-0011-4000-8000-000000000003', '0ffe0000-0000-4000-8000-000000000011', 3, 'COMMUNAUTE_URBAINE', 'CATEGORY', 'COMMUNAUTE_URBAINE', NULL, NULL, 700.00,
        'Communautés urbaines pour leurs besoins propres'),
       ('7a200000-0011-4000-8000-000000000004', '0ffe0000-0000-4000-8000-000000000011', 4, 'COMMUNAUTE_AGGLOMERATION', 'CATEGORY', 'COMMUNAUTE_AGGLOMERATION', NULL, NULL, 500.00,
        'Communautés d''agglomérations pour leurs besoins propres'),
       ('7a200000-0011-4000-8000-000000000005', '0ffe0000-0000-4000-8000-000000000011', 5, 'COMMUNE_50000_PLUS', 'CATEGORY', 'COMMUNE', 50000, NULL, 500.00,
        'Communes à partir de 50.000 habitants pour leurs besoins propres'),
       ('7a200000-0011-4000-8000-000000000006', '0ffe0000-0000-4000-8000-000000000011', 6, 'COMMUNAUTE_COMMUNES', 'CATEGORY', 'COMMUNAUTE_COMMUNES', NULL, NULL, 300.00,
        'Communautés de communes pour leurs besoins propres'),
       ('7a200000-0011-4000-8000-000000000007', '0ffe0000-0000-4000-8000-000000000011', 7, 'COMMUNE_20000_49999', 'CATEGORY', 'COMMUNE', 20000, 49999, 300.00,
        'Communes de ≥ 20.000 et < 50 000 habitants pour leurs besoins propres'),
       ('7a200000-0011-4000-8000-000000000008', '0ffe0000-0000-4000-8000-000000000011', 8, 'OTHERS', 'CATEGORY', 'OTHER', NULL, NULL, NULL,
        'Autres');

-- RESAH 2021-063-002, security solutions and managed services (seed 002, art. 4): model F, maximum amount per beneficiary,
-- 150 EUR per request to raise a maximum, due at the amendment's signature (art. 4.2).
-- Communes of 20 000 to 30 000 inclusive pay 300; under 20 000 or 30 001-49 999: on quote (no row matches).
INSERT INTO offer (id, code, offer_version, superseded, purchasing_body, framework_agreement, lot, formula, title, ends_on,
                   max_duration_months, pricing_model, billed_per_subsequent_market, payment_term_days,
                   termination_notice_months, has_maximum_amounts, beneficiaries_may_pay, membership_required,
                   eligible_categories, eligibility_note, add_beneficiary_fee, increase_maximum_fee,
                   increase_maximum_due_at_signature, tier_change_complement, group_cap, local_authority_amount)
VALUES ('0ffe0000-0000-4000-8000-000000000012', 'RESAH-2021-063-002', 1, false,
        'RESAH', '2021-063-002', NULL, NULL,
        'Fourniture et intégration de solutions de sécurité et services managés',
        NULL, NULL, 'FULL_YEAR', false, 30, 0, true, false, true, NULL, 'Only signatories and beneficiaries listed as potential beneficiaries in annex 1 of the framework agreement''s CCAP may sign',
        NULL, 150.00, true, false, NULL, NULL);
INSERT INTO tariff_row (id, offer_id, rank, code, kind, categories, min_value, max_value, amount, label)
VALUES ('7a200000-0012-4000-8000-000000000001', '0ffe0000-0000-4000-8000-000000000012', 1, 'REGION', 'CATEGORY', 'REGION', NULL, NULL, 1500.00,
        'Régions'),
       ('7a200000-0012-4000-8000-000000000002', '0ffe0000-0000-4000-8000-000000000012', 2, 'METROPOLE', 'CATEGORY', 'METROPOLE', NULL, NULL, 750.00,
        'Métropoles'),
       ('7a200000-0012-4000-8000-000000000003', '0ffe0000-0000-4000-8000-000000000012', 3, 'COMMUNAUTE_URBAINE', 'CATEGORY', 'COMMUNAUTE_URBAINE', NULL, NULL, 750.00,
        'Communautés urbaines pour leurs besoins propres'),
       ('7a200000-0012-4000-8000-000000000004', '0ffe0000-0000-4000-8000-000000000012', 4, 'COMMUNE_50000_PLUS', 'CATEGORY', 'COMMUNE', 50000, NULL, 500.00,
        'Communes à partir de 50 000 habitants pour leurs besoins propres'),
       ('7a200000-0012-4000-8000-000000000005', '0ffe0000-0000-4000-8000-000000000012', 5, 'COMMUNAUTE_AGGLOMERATION', 'CATEGORY', 'COMMUNAUTE_AGGLOMERATION', NULL, NULL, 500.00,
        'Communautés d''agglomération pour leurs besoins propres'),
       ('7a200000-0012-4000-8000-000000000006', '0ffe0000-0000-4000-8000-000000000012', 6, 'COMMUNE_20000_30000', 'CATEGORY', 'COMMUNE', 20000, 30000, 300.00,
        'Communes de 20 000 habitants à 30 000 habitants pour leurs besoins propres'),
       ('7a200000-0012-4000-8000-000000000007', '0ffe0000-0000-4000-8000-000000000012', 7, 'COMMUNAUTE_COMMUNES', 'CATEGORY', 'COMMUNAUTE_COMMUNES', NULL, NULL, 300.00,
        'Communauté des communes pour leurs besoins propres'),
       ('7a200000-0012-4000-8000-000000000008', '0ffe0000-0000-4000-8000-000000000012', 8, 'OTHERS', 'CATEGORY', 'OTHER', NULL, NULL, NULL,
        'Autres');

-- CAIH AOO-CAIH SO360, managed security services 360° (seed 001, art. 3): end of agreement 16/07/2023, model C, 50 days,
-- 3 months' notice, no maximum amounts. Annual membership of the agreement per establishment by size class (D-9);
-- a GHT or other group pays the sum capped at 1 500 (group_cap); a local authority pays 1 500 (local_authority_amount, D-4).
INSERT INTO offer (id, code, offer_version, superseded, purchasing_body, framework_agreement, lot, formula, title, ends_on,
                   max_duration_months, pricing_model, billed_per_subsequent_market, payment_term_days,
                   termination_notice_months, has_maximum_amounts, beneficiaries_may_pay, membership_required,
                   eligible_categories, eligibility_note, add_beneficiary_fee, increase_maximum_fee,
                   increase_maximum_due_at_signature, tier_change_complement, group_cap, local_authority_amount)
VALUES ('0ffe0000-0000-4000-8000-000000000013', 'CAIH-SO360', 1, false,
        'CAIH', 'AOO-CAIH SO360', NULL, NULL,
        'Prestations et fournitures de services de sécurité opérés à 360°',
        DATE '2023-07-16', NULL, 'CALENDAR_YEAR', false, 50, 3, false, false, false, NULL, 'CAIH members, or third-party beneficiaries (tiers bénéficiaires) when not eligible to membership',
        NULL, NULL, false, false, 1500.00, 1500.00);
INSERT INTO tariff_row (id, offer_id, rank, code, kind, categories, min_value, max_value, amount, label)
VALUES ('7a200000-0013-4000-8000-000000000001', '0ffe0000-0000-4000-8000-000000000013', 1, 'SIZE_500_PLUS', 'SIZE_CLASS', NULL, 500, NULL, 400.00,
        'Etablissement + de 500 lits/places ou + de 500 employés'),
       ('7a200000-0013-4000-8000-000000000002', '0ffe0000-0000-4000-8000-000000000013', 2, 'SIZE_100_499', 'SIZE_CLASS', NULL, 100, 499, 200.00,
        'Etablissement - de 500 lits/places ou - de 500 employés'),
       ('7a200000-0013-4000-8000-000000000003', '0ffe0000-0000-4000-8000-000000000013', 3, 'SIZE_UNDER_100', 'SIZE_CLASS', NULL, 0, 99, 100.00,
        'Etablissement - de 100 lits/places ou - de 100 employés');
