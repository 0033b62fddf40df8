-- docs/rules.md, R-1: each yearly fee schedule states whether its amounts are net of tax (no VAT: RESAH and
-- La Fibre, "nets de taxe" on the RESAH bulletin) or before VAT, with the VAT rate in percent. Every existing
-- schedule was entered net of tax, which is what the default gives it.
ALTER TABLE membership_fee
    ADD COLUMN taxation varchar(20)  NOT NULL DEFAULT 'NET_OF_TAX' CHECK (taxation IN ('NET_OF_TAX', 'BEFORE_VAT')),
    ADD COLUMN vat_rate numeric(5, 2) CHECK (vat_rate > 0 AND vat_rate <= 100),
    ADD CONSTRAINT membership_fee_vat_rate_ck CHECK ((taxation = 'BEFORE_VAT') = (vat_rate IS NOT NULL));
