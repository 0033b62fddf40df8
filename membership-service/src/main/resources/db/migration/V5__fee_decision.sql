-- docs/rules.md, R-5: a titre states the legal basis of its claim, for a membership fee the bulletin and the
-- decision fixing the fee. Each yearly schedule may record that decision (free text, printed as is).
ALTER TABLE membership_fee ADD COLUMN decision varchar(500);

-- Seed 000: "Après délibération du Conseil d'administration du GIP RESAH du 29 septembre 2022, les tarifs
-- d'adhésion à la centrale d'achat ont été fixés" (300 € médico-social, 600 € other organisations, from 2023).
UPDATE membership_fee SET decision = 'délibération du conseil d''administration du RESAH du 29/09/2022'
WHERE purchasing_body_id = '7c0f1d2e-0001-4000-8000-000000000001' AND year = 2023 AND decision IS NULL;
