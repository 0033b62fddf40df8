-- docs/rules.md, R-2: an issuer does not issue a titre below its threshold (CGCT D1611-1: 15 €; a GIP's board sets its
-- own, at most 50 €), per issuer and by date. An entry applies from its date on: a later entry never changes what
-- was decided before it.
CREATE TABLE issuer_threshold (
    issuer     varchar(32)    NOT NULL,
    valid_from date           NOT NULL,
    amount     numeric(14, 2) NOT NULL CHECK (amount >= 0),
    created_at timestamptz    NOT NULL DEFAULT now(),
    PRIMARY KEY (issuer, valid_from)
);
INSERT INTO issuer_threshold (issuer, valid_from, amount) VALUES
    ('RESAH', DATE '2000-01-01', 15.00),
    ('CAIH', DATE '2000-01-01', 15.00),
    ('FIBRE5962', DATE '2000-01-01', 15.00);

-- An item below the threshold is claimed like an issued one (same key, same table, so that no run ever issues it
-- later nor waives it twice, whatever runs concurrently), without a titre, and described in waived_item.
ALTER TABLE issued_item ALTER COLUMN titre_id DROP NOT NULL;
ALTER TABLE issued_item ADD COLUMN waived boolean NOT NULL DEFAULT false;
ALTER TABLE issued_item ADD CONSTRAINT issued_item_waived_check CHECK (waived = (titre_id IS NULL));

CREATE TABLE waived_item (
    source_type varchar(20)    NOT NULL,
    source_id   uuid           NOT NULL,
    sequence    integer        NOT NULL,
    run_id      uuid           NOT NULL REFERENCES billing_run (id),
    issuer      varchar(32)    NOT NULL,
    debtor_id   uuid           NOT NULL,
    label       text           NOT NULL,
    issue_on    date           NOT NULL,
    waived_on   date           NOT NULL,
    amount_ht   numeric(14, 2) NOT NULL,
    amount_ttc  numeric(14, 2) NOT NULL,
    threshold   numeric(14, 2) NOT NULL,
    created_at  timestamptz    NOT NULL DEFAULT now(),
    PRIMARY KEY (source_type, source_id, sequence),
    FOREIGN KEY (source_type, source_id, sequence) REFERENCES issued_item (source_type, source_id, sequence)
);
CREATE INDEX waived_item_debtor_idx ON waived_item (debtor_id);
CREATE INDEX waived_item_run_idx ON waived_item (run_id);
CREATE TRIGGER waived_item_never_changes BEFORE UPDATE OR DELETE ON waived_item FOR EACH ROW EXECUTE FUNCTION refuse_change();

ALTER TABLE billing_run ADD COLUMN waived_count integer NOT NULL DEFAULT 0;
