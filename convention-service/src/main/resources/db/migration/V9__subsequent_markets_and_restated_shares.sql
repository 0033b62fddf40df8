-- docs/rules.md, R-9: a subsequent market of RESAH 2021-046-001 or 2021-047-001 is an object of its own, with its start,
-- end and maximum (seed 000: "Ce montant constitue le maximum du marché subséquent"); orders count against the market in
-- force, and an exhausted market ("épuise ses effets") is billed no further than the execution year in progress.
CREATE TABLE subsequent_market (
    id               uuid PRIMARY KEY,
    convention_id    uuid           NOT NULL REFERENCES convention (id),
    seq              integer        NOT NULL CHECK (seq >= 1),
    starts_on        date           NOT NULL,
    ends_on          date           NOT NULL,
    maximum_amount   numeric(14, 2) CHECK (maximum_amount > 0),
    consumed_amount  numeric(14, 2) NOT NULL DEFAULT 0 CHECK (consumed_amount >= 0),
    exhausted_on     date,
    amendment_number integer,
    version          bigint         NOT NULL DEFAULT 0,
    UNIQUE (convention_id, seq),
    CONSTRAINT subsequent_market_end_after_start CHECK (ends_on >= starts_on),
    -- A market's maximum cannot be exceeded, whatever the concurrency.
    CONSTRAINT subsequent_market_within_maximum CHECK (maximum_amount IS NULL OR consumed_amount <= maximum_amount)
);
CREATE INDEX subsequent_market_convention_idx ON subsequent_market (convention_id);

ALTER TABLE purchase_order ADD COLUMN subsequent_market_seq integer;

-- Market 1 of every existing convention of an offer billed per subsequent market, from its current data: from its
-- execution start to its end; its maximum is the sum of its beneficiaries' maxima when every one states one (none
-- otherwise), its consumption the orders recorded so far.
INSERT INTO subsequent_market (id, convention_id, seq, starts_on, ends_on, maximum_amount, consumed_amount)
SELECT md5(c.id::text || ':subsequent-market:1')::uuid, c.id, 1, s.starts_on, GREATEST(c.ends_on, s.starts_on),
       CASE WHEN s.without_maximum = 0 THEN s.maximum END, s.consumed
FROM convention c
JOIN offer o ON o.id = c.offer_id AND o.billed_per_subsequent_market
JOIN LATERAL (SELECT COALESCE(min(b.starts_on) FILTER (WHERE b.amendment_number IS NULL), min(b.starts_on),
                              c.signed_on, c.created_at::date) AS starts_on,
                     count(*) FILTER (WHERE b.maximum_amount IS NULL) AS without_maximum,
                     sum(b.maximum_amount) AS maximum,
                     COALESCE(sum(b.consumed_amount), 0) AS consumed
              FROM beneficiary b WHERE b.convention_id = c.id) s ON true;

-- Its orders count against it; when they reached its maximum it was exhausted on the last one's date (or the lapse).
UPDATE purchase_order p SET subsequent_market_seq = 1
WHERE EXISTS (SELECT 1 FROM subsequent_market m WHERE m.convention_id = p.convention_id);
UPDATE subsequent_market m
SET exhausted_on = COALESCE((SELECT max(p.ordered_on) FROM purchase_order p WHERE p.convention_id = m.convention_id),
                            (SELECT c.lapsed_on FROM convention c WHERE c.id = m.convention_id))
WHERE m.maximum_amount IS NOT NULL AND m.consumed_amount = m.maximum_amount;

-- A NEW_SUBSEQUENT_MARKET amendment already recorded opened market 2 (then 3, …): its dates, the maximum it stated (none
-- before R-9), nothing consumed yet.
INSERT INTO subsequent_market (id, convention_id, seq, starts_on, ends_on, maximum_amount, consumed_amount, amendment_number)
SELECT md5(a.convention_id::text || ':subsequent-market:' || (1 + a.rank))::uuid, a.convention_id, 1 + a.rank,
       a.starts_on, GREATEST(a.ends_on, a.starts_on), a.maximum_amount, 0, a.number
FROM (SELECT a.convention_id, a.number, a.maximum_amount,
             COALESCE(a.starts_on, a.effective_on) AS starts_on, COALESCE(a.ends_on, c.ends_on) AS ends_on,
             row_number() OVER (PARTITION BY a.convention_id ORDER BY a.number) AS rank
      FROM amendment a JOIN convention c ON c.id = a.convention_id
      WHERE a.type = 'NEW_SUBSEQUENT_MARKET'
        AND EXISTS (SELECT 1 FROM subsequent_market m WHERE m.convention_id = a.convention_id)) a;

-- docs/rules.md, R-11: an amendment adding a beneficiary where beneficiaries pay their own shares restates every share
-- (they still add up to the annual amount) and says who pays its complementary contribution (NULL: the signatory).
ALTER TABLE amendment ADD COLUMN complement_payer_id uuid;
CREATE TABLE amendment_share (
    amendment_id    uuid           NOT NULL REFERENCES amendment (id),
    rank            integer        NOT NULL,
    organisation_id uuid           NOT NULL,
    amount          numeric(12, 2) NOT NULL CHECK (amount > 0),
    PRIMARY KEY (amendment_id, rank),
    UNIQUE (amendment_id, organisation_id)
);
