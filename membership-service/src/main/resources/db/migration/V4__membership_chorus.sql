-- docs/rules.md, R-3: the Chorus Pro references (engagement juridique, code service) belong to the commitment.
-- A membership carries its own; the organisation's stay the defaults billing falls back on, so existing
-- memberships start without any.
ALTER TABLE membership
    ADD COLUMN chorus_legal_commitment varchar(50),
    ADD COLUMN chorus_service_code     varchar(100);
