-- The offer catalogue: framework agreements, lots and formulas, with their tariff grids.
CREATE TABLE offer (
    id                                uuid PRIMARY KEY,
    code                              varchar(64)  NOT NULL,
    offer_version                     integer      NOT NULL DEFAULT 1,
    superseded                        boolean      NOT NULL DEFAULT false,
    purchasing_body                   varchar(32)  NOT NULL,
    framework_agreement               varchar(64)  NOT NULL,
    lot                               varchar(32),
    formula                           varchar(100),
    title                             varchar(500) NOT NULL,
    ends_on                           date,
    max_duration_months               integer CHECK (max_duration_months > 0),
    pricing_model                     varchar(30)  NOT NULL CHECK (pricing_model IN ('PRORATED_LAST_PERIOD', 'FULL_YEAR', 'CALENDAR_YEAR')),
    billed_per_subsequent_market      boolean      NOT NULL DEFAULT false,
    payment_term_days                 integer      NOT NULL CHECK (payment_term_days BETWEEN 0 AND 365),
    termination_notice_months         integer      NOT NULL DEFAULT 0 CHECK (termination_notice_months BETWEEN 0 AND 36),
    has_maximum_amounts               boolean      NOT NULL DEFAULT false,
    beneficiaries_may_pay             boolean      NOT NULL DEFAULT false,
    membership_required               boolean      NOT NULL DEFAULT false,
    eligible_categories               text,
    eligibility_note                  text,
    add_beneficiary_fee               numeric(12, 2) CHECK (add_beneficiary_fee >= 0),
    increase_maximum_fee              numeric(12, 2) CHECK (increase_maximum_fee >= 0),
    increase_maximum_due_at_signature boolean      NOT NULL DEFAULT false,
    tier_change_complement            boolean      NOT NULL DEFAULT false,
    group_cap                         numeric(12, 2),
    local_authority_amount            numeric(12, 2),
    version                           bigint       NOT NULL DEFAULT 0,
    UNIQUE (code, offer_version)
);
-- One current version per code.
CREATE UNIQUE INDEX offer_current_uq ON offer (code) WHERE NOT superseded;

CREATE TABLE tariff_row (
    id         uuid PRIMARY KEY,
    offer_id   uuid         NOT NULL REFERENCES offer (id),
    rank       integer      NOT NULL,
    code       varchar(64)  NOT NULL,
    kind       varchar(20)  NOT NULL CHECK (kind IN ('CATEGORY', 'GROUP', 'SIZE_CLASS')),
    categories text,
    min_value  integer,
    max_value  integer,
    amount     numeric(12, 2) CHECK (amount >= 0),
    label      varchar(255) NOT NULL,
    UNIQUE (offer_id, rank),
    UNIQUE (offer_id, code)
);

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
