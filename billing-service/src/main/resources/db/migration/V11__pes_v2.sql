-- PES V2 (issue 17): the codes Hélios knows each issuer by, and the receipts read from the comptable's PES_Retour.

-- Hélios codes, part of the issuer settings (docs/rules.md, R-4 and R-5: per issuer, dated, append-only, edited with
-- PATCH /api/v1/issuers/{code}/settings). All absent, or the five required ones present (PES V2 5.17 EnTetePES).
ALTER TABLE issuer_settings
    ADD COLUMN helios_posting_code      varchar(7),
    ADD COLUMN helios_collectivity_id   varchar(14),
    ADD COLUMN helios_collectivity_code varchar(3),
    ADD COLUMN helios_budget_code       varchar(2),
    ADD COLUMN helios_product_code      varchar(4),
    ADD COLUMN helios_posting_label     varchar(38),
    ADD COLUMN helios_budget_label      varchar(38),
    ADD CONSTRAINT issuer_settings_helios_whole CHECK (
        (helios_posting_code IS NULL AND helios_collectivity_id IS NULL AND helios_collectivity_code IS NULL
            AND helios_budget_code IS NULL AND helios_product_code IS NULL)
        OR (helios_posting_code IS NOT NULL AND helios_collectivity_id IS NOT NULL AND helios_collectivity_code IS NOT NULL
            AND helios_budget_code IS NOT NULL AND helios_product_code IS NOT NULL));

-- SAMPLE VALUES, to be replaced by each issuer's real codes (its comptable gives them): the reference revisions of V6
-- get plausible codes so that the sample data exports a PES file; the budget label says they are examples, and so
-- does every file made with them. Filling the new columns of those rows changes nothing they print (the Hélios codes
-- are not printed on a titre), which is why the never-change trigger is lifted for this statement only, as V3 and V7 do.
ALTER TABLE issuer_settings DISABLE TRIGGER issuer_settings_never_change;
UPDATE issuer_settings s
   SET helios_posting_code = v.posting, helios_collectivity_id = v.coll, helios_collectivity_code = v.codcol,
       helios_budget_code = '01', helios_product_code = v.product, helios_posting_label = v.label,
       helios_budget_label = 'EXEMPLE - A CONFIRMER PAR L EMETTEUR'
  FROM (VALUES ('RESAH', '075044', '13000501000025', '101', 'CTB', 'AGENCE COMPTABLE RESAH'),
               ('CAIH', '069044', '13001234500017', '102', 'SACH', 'AGENCE COMPTABLE CAIH'),
               ('FIBRE5962', '062009', '25620103500016', '103', 'CTB', 'SGC ARRAS'))
       AS v (issuer, posting, coll, codcol, product, label)
 WHERE s.issuer = v.issuer AND s.created_by = 'flyway V6';
ALTER TABLE issuer_settings ENABLE TRIGGER issuer_settings_never_change;

-- Each encaissement of a PES_Retour recorded as a payment, once: its key names the line of the comptable's file
-- (issuer, fiscal year, bordereau, titre, line of titre, date, amount, rank among identical ones), so that the same
-- file, or a later one repeating it, records nothing new. Never updated nor deleted.
CREATE TABLE pes_receipt (
    receipt_key  varchar(200)   PRIMARY KEY,
    issuer       varchar(32)    NOT NULL,
    fiscal_year  integer        NOT NULL,
    bordereau    bigint         NOT NULL,
    piece        bigint         NOT NULL,
    line_no      integer        NOT NULL,
    received_on  date           NOT NULL,
    amount       numeric(14, 2) NOT NULL CHECK (amount > 0),
    titre_id     uuid           NOT NULL REFERENCES titre (id),
    payment_id   uuid           NOT NULL REFERENCES payment (id),
    file_name    varchar(100),
    recorded_at  timestamptz    NOT NULL DEFAULT now(),
    recorded_by  varchar(200)   NOT NULL
);
CREATE INDEX pes_receipt_titre_idx ON pes_receipt (titre_id);
CREATE TRIGGER pes_receipt_never_changes BEFORE UPDATE OR DELETE ON pes_receipt FOR EACH ROW EXECUTE FUNCTION refuse_change();
