-- docs/rules.md, R-15: a membership keeps the history of the bulletins it was signed or renewed on (seed 000:
-- "mettre à jour le bulletin d'adhésion" after the 2023 tariff change), each with its terms and its Chorus
-- references (R-3). The latest bulletin's references are the membership's current ones from its date on.
CREATE TABLE membership_bulletin (
    id                      uuid PRIMARY KEY,
    membership_id           uuid          NOT NULL REFERENCES membership (id),
    received_on             date          NOT NULL,
    fee_category            varchar(20) CHECK (fee_category IN ('MEDICO_SOCIAL', 'OTHER')),
    stated_fee              numeric(12, 2) CHECK (stated_fee >= 0),
    terms                   varchar(2000),
    chorus_legal_commitment varchar(50),
    chorus_service_code     varchar(100),
    recorded_at             timestamptz   NOT NULL DEFAULT now(),
    UNIQUE (membership_id, received_on)
);

-- Every existing membership was created on its first bulletin: record it, with the membership's references.
-- The id is derived from the membership's, so the migration gives the same ids wherever it runs.
INSERT INTO membership_bulletin (id, membership_id, received_on, chorus_legal_commitment, chorus_service_code, recorded_at)
SELECT md5(m.id::text || '/bulletin/1')::uuid, m.id, m.bulletin_received_on, m.chorus_legal_commitment,
       m.chorus_service_code, m.created_at
FROM membership m;
