-- membership-service owns purchasing bodies, their membership fees, organisations, contacts and memberships.

CREATE TABLE purchasing_body (
    id                        uuid PRIMARY KEY,
    code                      varchar(32)  NOT NULL UNIQUE,
    name                      varchar(255) NOT NULL,
    siret                     char(14),
    street                    varchar(255),
    postal_code               varchar(10),
    city                      varchar(255),
    payment_term_days         integer      NOT NULL CHECK (payment_term_days BETWEEN 0 AND 365),
    renewal                   varchar(20)  NOT NULL CHECK (renewal IN ('TACIT_YEARLY', 'INDEFINITE')),
    termination_notice_months integer CHECK (termination_notice_months BETWEEN 0 AND 36),
    member_categories         text,
    third_party_allowed       boolean      NOT NULL DEFAULT false,
    territory                 text,
    franchise_window_start    date,
    franchise_years           integer CHECK (franchise_years BETWEEN 1 AND 10),
    court                     varchar(255),
    version                   bigint       NOT NULL DEFAULT 0
);

CREATE TABLE membership_fee (
    purchasing_body_id uuid          NOT NULL REFERENCES purchasing_body (id),
    year               integer       NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    medico_social      numeric(12, 2) NOT NULL CHECK (medico_social >= 0),
    other              numeric(12, 2) NOT NULL CHECK (other >= 0),
    updated_at         timestamptz   NOT NULL DEFAULT now(),
    PRIMARY KEY (purchasing_body_id, year)
);

CREATE TABLE organisation (
    id                      uuid PRIMARY KEY,
    name                    varchar(255) NOT NULL,
    siret                   char(14)     NOT NULL UNIQUE,
    category                varchar(40)  NOT NULL,
    population              integer CHECK (population >= 0),
    headcount               integer CHECK (headcount >= 0),
    finess                  char(9),
    street                  varchar(255) NOT NULL,
    postal_code             varchar(10)  NOT NULL,
    city                    varchar(255) NOT NULL,
    departement             varchar(3),
    chorus_legal_commitment varchar(50),
    chorus_service_code     varchar(100),
    created_at              timestamptz  NOT NULL DEFAULT now(),
    updated_at              timestamptz  NOT NULL DEFAULT now(),
    version                 bigint       NOT NULL DEFAULT 0
);
CREATE INDEX organisation_name_idx ON organisation (lower(name));
CREATE INDEX organisation_category_idx ON organisation (category);

CREATE TABLE contact (
    id              uuid PRIMARY KEY,
    organisation_id uuid         NOT NULL REFERENCES organisation (id),
    name            varchar(255) NOT NULL,
    role            varchar(255),
    email           varchar(320),
    phone           varchar(30),
    created_at      timestamptz  NOT NULL DEFAULT now(),
    updated_at      timestamptz  NOT NULL DEFAULT now(),
    version         bigint       NOT NULL DEFAULT 0
);
CREATE INDEX contact_organisation_idx ON contact (organisation_id);
CREATE INDEX contact_email_idx ON contact (lower(email));

-- What was erased and when, without any of the erased personal data (RGPD accountability).
CREATE TABLE contact_erasure (
    contact_id      uuid PRIMARY KEY,
    organisation_id uuid        NOT NULL,
    erased_at       timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE membership (
    id                       uuid PRIMARY KEY,
    organisation_id          uuid        NOT NULL REFERENCES organisation (id),
    purchasing_body_id       uuid        NOT NULL REFERENCES purchasing_body (id),
    kind                     varchar(30) NOT NULL CHECK (kind IN ('MEMBER', 'THIRD_PARTY_BENEFICIARY')),
    bulletin_received_on     date        NOT NULL,
    starts_on                date        NOT NULL,
    ends_on                  date,
    non_renewal_received_on  date,
    termination_notified_on  date,
    termination_effective_on date,
    franchise_until          date,
    created_at               timestamptz NOT NULL DEFAULT now(),
    version                  bigint      NOT NULL DEFAULT 0,
    CHECK (ends_on IS NULL OR ends_on >= starts_on)
);
CREATE INDEX membership_organisation_idx ON membership (organisation_id);
-- At most one open-ended membership of an organisation with a purchasing body.
CREATE UNIQUE INDEX membership_open_uq ON membership (organisation_id, purchasing_body_id) WHERE ends_on IS NULL;

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
