-- docs/rules.md, R-5: a titre states the legal basis of its claim: the convention with its number and signature date
-- (and the deliberation authorizing it). A convention gets a number: the one the parties gave it when stated at
-- creation, else CONV-<year of creation>-<serial>. Existing conventions are numbered in the order they were created.
CREATE SEQUENCE convention_number_seq;

ALTER TABLE convention ADD COLUMN number varchar(50);

WITH numbered AS (
    SELECT id, created_at, row_number() OVER (ORDER BY created_at, id) AS serial FROM convention
)
UPDATE convention c
SET number = 'CONV-' || to_char(n.created_at AT TIME ZONE 'Europe/Paris', 'YYYY') || '-' || lpad(n.serial::text, 6, '0')
FROM numbered n
WHERE n.id = c.id;

SELECT setval('convention_number_seq', (SELECT count(*) FROM convention) + 1, false);

-- A row inserted without a number (straight SQL: benchmarks, fault-injection tests) gets one the same way.
ALTER TABLE convention ALTER COLUMN number SET DEFAULT
    ('CONV-' || to_char(now() AT TIME ZONE 'Europe/Paris', 'YYYY') || '-' || lpad(nextval('convention_number_seq')::text, 6, '0'));
ALTER TABLE convention ALTER COLUMN number SET NOT NULL;
ALTER TABLE convention ADD CONSTRAINT convention_number_uq UNIQUE (number);
