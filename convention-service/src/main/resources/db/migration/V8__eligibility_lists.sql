-- docs/rules.md, R-12: offers open only to listed potential beneficiaries (2021-045 lots 2 and 4, 2021-047-001,
-- 2021-063-002: annex 1 of the framework agreement's CCAP) or to RESAH members and former beneficiaries of market
-- 2016-042 (2020-027) carry that list of SIRETs, managed through the API. The list belongs to the offer's code, so that
-- it survives new versions of its terms. eligibility_list: LISTED (only listed organisations), MEMBER_OR_LISTED (a
-- member of the purchasing body, or a listed former beneficiary), NULL (no list). The seeds do not reproduce the lists:
-- they start empty, and an empty list restricts nothing until it is loaded (README).
ALTER TABLE offer ADD COLUMN eligibility_list varchar(20) CHECK (eligibility_list IN ('LISTED', 'MEMBER_OR_LISTED'));
UPDATE offer SET eligibility_list = 'LISTED'
WHERE code IN ('RESAH-2021-045-LOT2', 'RESAH-2021-045-LOT4', 'RESAH-2021-047-001', 'RESAH-2021-063-002');
UPDATE offer SET eligibility_list = 'MEMBER_OR_LISTED' WHERE code LIKE 'RESAH-2020-027-%';

CREATE TABLE offer_eligible_beneficiary (
    offer_code varchar(64)  NOT NULL,
    siret      char(14)     NOT NULL CHECK (siret ~ '^[0-9]{14}$'),
    name       varchar(255),
    added_at   timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (offer_code, siret)
);
