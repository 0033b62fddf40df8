-- The titres de recettes ledger. Issued titres, their lines, payments and events are never updated nor
-- deleted (triggers below refuse it); a correction is a new cancellation or reduction titre.

-- Gap-free numbering per issuer and fiscal year ("série annuelle continue"): the row is incremented in the
-- transaction that issues the titre, so a rollback gives the number back and concurrent issuers queue.
CREATE TABLE number_series (
    issuer      varchar(32) NOT NULL,
    fiscal_year integer     NOT NULL,
    last_number integer     NOT NULL CHECK (last_number > 0),
    PRIMARY KEY (issuer, fiscal_year)
);

CREATE TABLE billing_run (
    id                   uuid PRIMARY KEY,
    as_of                date        NOT NULL,
    trigger              varchar(20) NOT NULL CHECK (trigger IN ('API', 'SCHEDULER')),
    status               varchar(20) NOT NULL CHECK (status IN ('RUNNING', 'COMPLETED', 'PARTIAL', 'FAILED', 'INTERRUPTED')),
    issued_count         integer     NOT NULL DEFAULT 0,
    already_issued_count integer     NOT NULL DEFAULT 0,
    failed_count         integer     NOT NULL DEFAULT 0,
    message              text,
    started_at           timestamptz NOT NULL DEFAULT now(),
    finished_at          timestamptz
);

CREATE TABLE titre (
    id                    uuid PRIMARY KEY,
    number                varchar(40)    NOT NULL UNIQUE,
    issuer                varchar(32)    NOT NULL,
    fiscal_year           integer        NOT NULL,
    serial                integer        NOT NULL,
    kind                  varchar(20)    NOT NULL CHECK (kind IN ('ORIGINAL', 'CANCELLATION', 'REDUCTION')),
    issued_on             date           NOT NULL,
    due_on                date           NOT NULL,
    issuer_name           varchar(255)   NOT NULL,
    issuer_siret          varchar(14),
    issuer_street         varchar(255),
    issuer_postal_code    varchar(10),
    issuer_city           varchar(255),
    issuer_court          varchar(255),
    debtor_id             uuid           NOT NULL,
    debtor_name           varchar(255)   NOT NULL,
    debtor_siret          varchar(14),
    debtor_street         varchar(255),
    debtor_postal_code    varchar(10),
    debtor_city           varchar(255),
    debtor_chorus_ej      varchar(50),
    debtor_chorus_service varchar(100),
    object                text           NOT NULL,
    total                 numeric(14, 2) NOT NULL CHECK (total > 0),
    cancels_titre_id      uuid REFERENCES titre (id),
    reason                text,
    run_id                uuid REFERENCES billing_run (id),
    created_at            timestamptz    NOT NULL DEFAULT now(),
    UNIQUE (issuer, fiscal_year, serial),
    CHECK ((kind = 'ORIGINAL') = (cancels_titre_id IS NULL))
);
CREATE INDEX titre_debtor_idx ON titre (debtor_id);
CREATE INDEX titre_year_idx ON titre (fiscal_year, issuer);
CREATE INDEX titre_cancels_idx ON titre (cancels_titre_id);

CREATE TABLE titre_line (
    id            uuid PRIMARY KEY,
    titre_id      uuid           NOT NULL REFERENCES titre (id),
    line_no       integer        NOT NULL,
    label         text           NOT NULL,
    basis         text,
    period_start  date,
    period_end    date,
    months        numeric(6, 2),
    annual_amount numeric(14, 2),
    amount        numeric(14, 2) NOT NULL,
    source_type   varchar(20),
    source_id     uuid,
    sequence      integer,
    item_kind     varchar(30),
    UNIQUE (titre_id, line_no)
);

-- Exactly one titre per billable item, whatever runs concurrently: the key is claimed first in the
-- issuing transaction (the titre it points to is checked at commit).
CREATE TABLE issued_item (
    source_type varchar(20) NOT NULL,
    source_id   uuid        NOT NULL,
    sequence    integer     NOT NULL,
    titre_id    uuid        NOT NULL REFERENCES titre (id) DEFERRABLE INITIALLY DEFERRED,
    PRIMARY KEY (source_type, source_id, sequence)
);

CREATE TABLE payment (
    id         uuid PRIMARY KEY,
    titre_id   uuid           NOT NULL REFERENCES titre (id),
    amount     numeric(14, 2) NOT NULL CHECK (amount > 0),
    paid_on    date           NOT NULL,
    reference  varchar(100)   NOT NULL,
    created_at timestamptz    NOT NULL DEFAULT now()
);
CREATE INDEX payment_titre_idx ON payment (titre_id);

-- What happened to titres, in commit order, for systems that mirror the ledger: the position comes from a
-- single counter row taken in the writing transaction, so a reader never sees position n + 1 before n.
CREATE TABLE feed_counter (
    id       integer PRIMARY KEY CHECK (id = 1),
    position bigint  NOT NULL
);
INSERT INTO feed_counter (id, position) VALUES (1, 0);

CREATE TABLE titre_event (
    position    bigint PRIMARY KEY,
    titre_id    uuid        NOT NULL REFERENCES titre (id),
    type        varchar(20) NOT NULL CHECK (type IN ('ISSUED', 'PAYMENT', 'CANCELLATION', 'REDUCTION')),
    occurred_at timestamptz NOT NULL DEFAULT now()
);

CREATE FUNCTION refuse_change() RETURNS trigger AS
$$
BEGIN
    RAISE EXCEPTION 'rows of % are never modified or deleted: issue a cancellation or reduction titre instead', TG_TABLE_NAME;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER titre_never_changes BEFORE UPDATE OR DELETE ON titre FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER titre_line_never_changes BEFORE UPDATE OR DELETE ON titre_line FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER issued_item_never_changes BEFORE UPDATE OR DELETE ON issued_item FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER payment_never_changes BEFORE UPDATE OR DELETE ON payment FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER titre_event_never_changes BEFORE UPDATE OR DELETE ON titre_event FOR EACH ROW EXECUTE FUNCTION refuse_change();

CREATE TABLE idempotency_record (
    operation       varchar(100) NOT NULL,
    idempotency_key varchar(200) NOT NULL,
    request_hash    char(64)     NOT NULL,
    status          integer,
    location        text,
    response_body   text,
    created_at      timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (operation, idempotency_key)
);
