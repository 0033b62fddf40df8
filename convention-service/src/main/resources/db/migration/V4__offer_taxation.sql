-- docs/rules.md, R-1 VAT: each offer version says whether its amounts are net of tax (no VAT applies: RESAH, La Fibre)
-- or before VAT (CAIH prices in "€ HT", seed 001: "1 500 € HT/an"), with its VAT rates by date. Grids, maximum
-- amounts and the amounts of billable items stay HT; billing adds the VAT of the rate in force on the issue date.
ALTER TABLE offer
    ADD COLUMN taxation varchar(20) NOT NULL DEFAULT 'NET_OF_TAX' CHECK (taxation IN ('NET_OF_TAX', 'BEFORE_VAT'));

CREATE TABLE offer_vat_rate (
    offer_id   uuid         NOT NULL REFERENCES offer (id),
    valid_from date         NOT NULL,
    rate       numeric(5, 2) NOT NULL CHECK (rate >= 0 AND rate < 100),
    PRIMARY KEY (offer_id, valid_from)
);

-- Existing offers: every CAIH offer (every version) prices before VAT, at the normal rate of 20 % in force since
-- 2014-01-01; every other offer (RESAH, La Fibre) is net of tax, the column's default.
UPDATE offer SET taxation = 'BEFORE_VAT' WHERE purchasing_body = 'CAIH';
INSERT INTO offer_vat_rate (offer_id, valid_from, rate)
SELECT id, DATE '2014-01-01', 20.00 FROM offer WHERE purchasing_body = 'CAIH';
