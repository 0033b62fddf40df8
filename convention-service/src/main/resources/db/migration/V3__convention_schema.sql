-- Conventions, their beneficiaries, amendments and orders.
CREATE TABLE convention (
    id                       uuid PRIMARY KEY,
    offer_id                 uuid           NOT NULL REFERENCES offer (id),
    signatory_id             uuid           NOT NULL,
    signatory_name           varchar(255)   NOT NULL,
    mode                     varchar(20)    NOT NULL CHECK (mode IN ('OWN_ACCOUNT', 'MANDATE', 'PURCHASING_GROUP')),
    status                   varchar(20)    NOT NULL CHECK (status IN ('DRAFT', 'ACTIVE', 'TERMINATED', 'LAPSED')),
    ends_on                  date           NOT NULL,
    signed_on                date,
    annual_amount            numeric(12, 2) NOT NULL CHECK (annual_amount >= 0),
    negotiated               boolean        NOT NULL DEFAULT false,
    tier                     varchar(64)    NOT NULL,
    grid_row                 varchar(255)   NOT NULL,
    current_annual_amount    numeric(12, 2) NOT NULL CHECK (current_annual_amount >= 0),
    current_tier             varchar(64)    NOT NULL,
    act_number               varchar(100),
    act_date                 date,
    act_body                 varchar(255),
    budget_operation         varchar(100),
    budget_account           varchar(100),
    termination_notified_on  date,
    termination_effective_on date,
    lapsed_on                date,
    created_at               timestamptz    NOT NULL DEFAULT now(),
    version                  bigint         NOT NULL DEFAULT 0
);
CREATE INDEX convention_signatory_idx ON convention (signatory_id);
CREATE INDEX convention_offer_idx ON convention (offer_id);

CREATE TABLE beneficiary (
    id                uuid PRIMARY KEY,
    convention_id     uuid           NOT NULL REFERENCES convention (id),
    rank              integer        NOT NULL,
    organisation_id   uuid           NOT NULL,
    organisation_name varchar(255)   NOT NULL,
    category          varchar(40)    NOT NULL,
    population        integer,
    headcount         integer,
    starts_on         date           NOT NULL,
    maximum_amount    numeric(14, 2) CHECK (maximum_amount > 0),
    share             numeric(12, 2) CHECK (share > 0),
    consumed_amount   numeric(14, 2) NOT NULL DEFAULT 0 CHECK (consumed_amount >= 0),
    lapsed_on         date,
    amendment_number  integer,
    version           bigint         NOT NULL DEFAULT 0,
    UNIQUE (convention_id, organisation_id),
    UNIQUE (convention_id, rank),
    -- Orders never exceed the maximum (DOMAIN.md 7), whatever the concurrency.
    CHECK (maximum_amount IS NULL OR consumed_amount <= maximum_amount)
);
CREATE INDEX beneficiary_organisation_idx ON beneficiary (organisation_id);

CREATE TABLE amendment (
    id                     uuid PRIMARY KEY,
    convention_id          uuid        NOT NULL REFERENCES convention (id),
    number                 integer     NOT NULL,
    type                   varchar(30) NOT NULL CHECK (type IN ('ADD_BENEFICIARY', 'INCREASE_MAXIMUM', 'NEW_SUBSEQUENT_MARKET')),
    effective_on           date        NOT NULL,
    signed_on              date        NOT NULL,
    organisation_id        uuid,
    starts_on              date,
    ends_on                date,
    maximum_amount         numeric(14, 2),
    amount                 numeric(12, 2),
    complement_kind        varchar(20),
    complement_amount      numeric(12, 2),
    complement_due_on      date,
    previous_annual_amount numeric(12, 2),
    new_annual_amount      numeric(12, 2),
    new_tier               varchar(64),
    created_at             timestamptz NOT NULL DEFAULT now(),
    UNIQUE (convention_id, number)
);

CREATE TABLE purchase_order (
    id              uuid PRIMARY KEY,
    convention_id   uuid           NOT NULL REFERENCES convention (id),
    beneficiary_id  uuid           NOT NULL REFERENCES beneficiary (id),
    organisation_id uuid           NOT NULL,
    amount          numeric(14, 2) NOT NULL CHECK (amount > 0),
    ordered_on      date           NOT NULL,
    reference       varchar(100)   NOT NULL,
    created_at      timestamptz    NOT NULL DEFAULT now()
);
CREATE INDEX purchase_order_beneficiary_idx ON purchase_order (beneficiary_id);
