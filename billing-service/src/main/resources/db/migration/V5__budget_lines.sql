-- docs/rules.md, R-17: a debtor's budget line (operation code, imputation, fiscal year, credits voted), to which it
-- attaches its memberships and conventions; the forecast groups by line.
CREATE TABLE budget_line (
    id             uuid PRIMARY KEY,
    debtor_id      uuid           NOT NULL,
    operation_code varchar(50)    NOT NULL,
    imputation     varchar(100)   NOT NULL,
    fiscal_year    integer        NOT NULL,
    credits        numeric(14, 2) NOT NULL CHECK (credits >= 0),
    label          varchar(255),
    created_at     timestamptz    NOT NULL DEFAULT now(),
    UNIQUE (debtor_id, fiscal_year, operation_code, imputation)
);

CREATE TABLE budget_line_attachment (
    budget_line_id uuid        NOT NULL REFERENCES budget_line (id) ON DELETE CASCADE,
    source_type    varchar(20) NOT NULL CHECK (source_type IN ('MEMBERSHIP', 'CONVENTION')),
    source_id      uuid        NOT NULL,
    fiscal_year    integer     NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (budget_line_id, source_type, source_id),
    -- A commitment is budgeted on one line per fiscal year.
    UNIQUE (source_type, source_id, fiscal_year)
);
