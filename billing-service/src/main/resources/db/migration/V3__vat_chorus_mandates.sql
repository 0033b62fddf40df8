-- docs/rules.md, R-1: each line states its amount HT, VAT rate, VAT and TTC; the titre totals HT, VAT and TTC and
-- claims the TTC (titre.total keeps meaning "the amount claimed"). R-5: each line freezes the legal basis of its
-- claim. R-7: a correction of a titre of a closed fiscal year is a mandat (account 673) with its own number series.
-- The titres issued before this revision were printed "net of tax": they become rate 0, VAT 0, TTC = amount.

ALTER TABLE titre_line
    ADD COLUMN vat_rate    numeric(5, 2)  NOT NULL DEFAULT 0 CHECK (vat_rate >= 0 AND vat_rate < 100),
    ADD COLUMN vat_amount  numeric(14, 2) NOT NULL DEFAULT 0,
    ADD COLUMN amount_ttc  numeric(14, 2),
    ADD COLUMN taxation    varchar(20)    NOT NULL DEFAULT 'NET_OF_TAX' CHECK (taxation IN ('NET_OF_TAX', 'BEFORE_VAT')),
    ADD COLUMN legal_basis text;

ALTER TABLE titre
    ADD COLUMN total_ht  numeric(14, 2),
    ADD COLUMN total_vat numeric(14, 2);

-- The ledger's rows are never changed, but for this one-off completion of the new columns.
ALTER TABLE titre_line DISABLE TRIGGER titre_line_never_changes;
UPDATE titre_line SET amount_ttc = amount;
ALTER TABLE titre_line ENABLE TRIGGER titre_line_never_changes;
ALTER TABLE titre DISABLE TRIGGER titre_never_changes;
UPDATE titre SET total_ht = total, total_vat = 0;
ALTER TABLE titre ENABLE TRIGGER titre_never_changes;

-- From now on every insert states them.
ALTER TABLE titre_line
    ALTER COLUMN vat_rate DROP DEFAULT,
    ALTER COLUMN vat_amount DROP DEFAULT,
    ALTER COLUMN taxation DROP DEFAULT,
    ALTER COLUMN amount_ttc SET NOT NULL,
    ADD CONSTRAINT titre_line_ttc_check CHECK (amount_ttc = amount + vat_amount);
ALTER TABLE titre
    ALTER COLUMN total_ht SET NOT NULL,
    ALTER COLUMN total_vat SET NOT NULL,
    ADD CONSTRAINT titre_totals_check CHECK (total = total_ht + total_vat);

-- R-7: MANDATE_673, numbered in a series of its own per issuer and year (RESAH-2025-M673-000001).
ALTER TABLE titre DROP CONSTRAINT titre_kind_check;
ALTER TABLE titre ADD CONSTRAINT titre_kind_check CHECK (kind IN ('ORIGINAL', 'CANCELLATION', 'REDUCTION', 'MANDATE_673'));
ALTER TABLE titre DROP CONSTRAINT titre_issuer_fiscal_year_serial_key;
CREATE UNIQUE INDEX titre_serial_key ON titre (issuer, fiscal_year, (kind = 'MANDATE_673'), serial);

-- The series discriminator: '' for titres (ORIGINAL, CANCELLATION, REDUCTION), 'M673' for mandats.
ALTER TABLE number_series ADD COLUMN series varchar(10) NOT NULL DEFAULT '';
ALTER TABLE number_series DROP CONSTRAINT number_series_pkey;
ALTER TABLE number_series ADD PRIMARY KEY (issuer, fiscal_year, series);
