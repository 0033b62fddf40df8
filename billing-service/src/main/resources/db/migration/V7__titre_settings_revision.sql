-- docs/rules.md, R-4: a titre freezes the officer (and the mentions, R-5) in force at its issue. Each titre names
-- the issuer_settings revision in force on its issue date; a reprint reads that revision, whatever came after.
ALTER TABLE titre ADD COLUMN settings_revision_id uuid REFERENCES issuer_settings (id);
CREATE INDEX titre_settings_revision_idx ON titre (settings_revision_id);

-- The titres issued before this migration were printed with the officer of the configuration
-- (centrale.billing.officer."CODE".name / .role, read here through the Flyway placeholders set in
-- application.properties; a dollar sign right before a placeholder escapes it, hence the space and btrim) and the mention "Montants nets de taxe": each issuer that has titres gets one revision
-- reproducing that, valid from 1900-01-01 so that it is never the one in force for a titre issued from now on
-- (those of V6 are valid from 2000-01-01). Its payment details and imputation are those of V6 (never printed).
INSERT INTO issuer_settings (id, issuer, revision, valid_from, officer_name, officer_first_names, officer_title,
                             executory_formula, accountant_kind, accountant_name, accountant_street,
                             accountant_postal_code, accountant_city, iban, bic, payment_means, imputation_nature,
                             imputation_function, imputation_service, recourse, no_vat_mention, created_by)
SELECT gen_random_uuid(), i.issuer,
       (SELECT coalesce(max(s.revision), 0) + 1 FROM issuer_settings s WHERE s.issuer = i.issuer),
       DATE '1900-01-01',
       CASE i.issuer WHEN 'RESAH' THEN btrim($o$ ${resah_officer_name}$o$)
                     WHEN 'CAIH' THEN btrim($o$ ${caih_officer_name}$o$)
                     WHEN 'FIBRE5962' THEN btrim($o$ ${fibre5962_officer_name}$o$)
                     ELSE 'L''ordonnateur' END,
       '',
       CASE i.issuer WHEN 'RESAH' THEN btrim($o$ ${resah_officer_role}$o$)
                     WHEN 'CAIH' THEN btrim($o$ ${caih_officer_role}$o$)
                     WHEN 'FIBRE5962' THEN btrim($o$ ${fibre5962_officer_role}$o$)
                     ELSE 'Ordonnateur' END,
       'Le présent titre est rendu exécutoire par son ordonnateur.',
       b.accountant_kind, b.accountant_name, b.accountant_street, b.accountant_postal_code, b.accountant_city,
       b.iban, b.bic, b.payment_means, b.imputation_nature, b.imputation_function, b.imputation_service,
       'Dans un délai de deux mois suivant la notification du présent titre, vous pouvez contester la somme réclamée en saisissant le '
           || coalesce((SELECT t.issuer_court FROM titre t WHERE t.issuer = i.issuer AND t.issuer_court IS NOT NULL
                        ORDER BY t.created_at DESC LIMIT 1), 'tribunal administratif compétent')
           || ' (article L. 1617-5 du code général des collectivités territoriales).',
       'Montants nets de taxe',
       'flyway V7'
  FROM (SELECT DISTINCT issuer FROM titre) i
  JOIN issuer_settings b
    ON b.revision = 1
   AND b.issuer = CASE WHEN EXISTS (SELECT 1 FROM issuer_settings o WHERE o.issuer = i.issuer) THEN i.issuer ELSE 'DEFAULT' END;

ALTER TABLE titre DISABLE TRIGGER titre_never_changes;
UPDATE titre t SET settings_revision_id = s.id
  FROM issuer_settings s
 WHERE s.issuer = t.issuer AND s.created_by = 'flyway V7' AND t.settings_revision_id IS NULL;
ALTER TABLE titre ENABLE TRIGGER titre_never_changes;
