-- docs/rules.md, R-3: Chorus Pro references belong to the commitment, not the organisation. A convention carries its
-- own engagement juridique (EJ) and service code; an amendment may state its own, which then apply to the items issued
-- from its effective date. Absent (NULL) when the commitment states none: billing falls back on the organisation's.
-- Existing conventions and amendments stated none: they keep NULL, which bills exactly as before.
ALTER TABLE convention
    ADD COLUMN chorus_legal_commitment varchar(50),
    ADD COLUMN chorus_service_code     varchar(100);
ALTER TABLE amendment
    ADD COLUMN chorus_legal_commitment varchar(50),
    ADD COLUMN chorus_service_code     varchar(100);
