-- docs/rules.md, R-6: the titres of one issuer issued together are listed on a bordereau de titres, numbered per issuer
-- and fiscal year in an annual continuous series (RESAH-2025-B-000001), with its totals, signed by the officer of R-4.
-- One bordereau per billing run, issuer and fiscal year (source RUN), one per correction issued by hand (source
-- CORRECTION: a cancellation or reduction titre). A mandat 673 (R-7) is an expense, not a titre: it is on none.
--
-- Its number comes from number_series (series 'B'), taken in the transaction that writes its first titre: a rollback
-- or a crash gives the number back with the titres, so the series never skips and no numbered bordereau is empty.
-- The totals grow in the transactions that write its titres (a run writes a bordereau's titres batch after batch):
-- they are always the sums of the titres that name it.
CREATE TABLE bordereau (
    id                   uuid PRIMARY KEY,
    number               varchar(40)    NOT NULL UNIQUE,
    issuer               varchar(32)    NOT NULL,
    fiscal_year          integer        NOT NULL,
    serial               integer        NOT NULL CHECK (serial > 0),
    issued_on            date           NOT NULL,
    source               varchar(20)    NOT NULL CHECK (source IN ('RUN', 'CORRECTION')),
    run_id               uuid REFERENCES billing_run (id),
    -- the cancellation or reduction titre, written right after its bordereau in the same transaction
    correction_titre_id  uuid,
    settings_revision_id uuid REFERENCES issuer_settings (id),
    titre_count          integer        NOT NULL DEFAULT 0 CHECK (titre_count >= 0),
    total_ht             numeric(14, 2) NOT NULL DEFAULT 0,
    total_vat            numeric(14, 2) NOT NULL DEFAULT 0,
    total_ttc            numeric(14, 2) NOT NULL DEFAULT 0,
    created_at           timestamptz    NOT NULL DEFAULT now(),
    UNIQUE (issuer, fiscal_year, serial),
    UNIQUE (run_id, issuer, fiscal_year),
    CHECK ((source = 'RUN') = (run_id IS NOT NULL)),
    CHECK ((source = 'CORRECTION') = (correction_titre_id IS NOT NULL)),
    CHECK (total_ttc = total_ht + total_vat)
);
CREATE INDEX bordereau_year_idx ON bordereau (fiscal_year, issuer);

-- The totals per VAT rate (0 where no VAT applies): sums of the lines of its titres (docs/rules.md, R-1).
CREATE TABLE bordereau_rate (
    bordereau_id uuid           NOT NULL REFERENCES bordereau (id),
    vat_rate     numeric(5, 2)  NOT NULL,
    total_ht     numeric(14, 2) NOT NULL,
    total_vat    numeric(14, 2) NOT NULL,
    total_ttc    numeric(14, 2) NOT NULL,
    PRIMARY KEY (bordereau_id, vat_rate),
    CHECK (total_ttc = total_ht + total_vat)
);

ALTER TABLE titre ADD COLUMN bordereau_id uuid REFERENCES bordereau (id);
CREATE INDEX titre_bordereau_idx ON titre (bordereau_id);

ALTER TABLE bordereau ADD CONSTRAINT bordereau_correction_fk FOREIGN KEY (correction_titre_id) REFERENCES titre (id)
    DEFERRABLE INITIALLY DEFERRED;

-- A bordereau is never deleted, and what identifies it never changes; only its totals grow with its titres.
CREATE FUNCTION bordereau_keeps_its_identity() RETURNS trigger AS
$$
BEGIN
    IF TG_OP = 'DELETE' OR NEW.id <> OLD.id OR NEW.number <> OLD.number OR NEW.issuer <> OLD.issuer
        OR NEW.fiscal_year <> OLD.fiscal_year OR NEW.serial <> OLD.serial OR NEW.issued_on <> OLD.issued_on
        OR NEW.source <> OLD.source OR NEW.run_id IS DISTINCT FROM OLD.run_id
        OR NEW.correction_titre_id IS DISTINCT FROM OLD.correction_titre_id
        OR NEW.settings_revision_id IS DISTINCT FROM OLD.settings_revision_id
        OR NEW.titre_count < OLD.titre_count THEN
        RAISE EXCEPTION 'a bordereau is never deleted and keeps its number, issuer, year, date, source and officer';
    END IF;
    RETURN NEW;
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER bordereau_keeps_its_identity BEFORE UPDATE OR DELETE ON bordereau
    FOR EACH ROW EXECUTE FUNCTION bordereau_keeps_its_identity();
CREATE TRIGGER bordereau_rate_never_deleted BEFORE DELETE ON bordereau_rate FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- The titres issued before this migration get their bordereaux as if it had existed: one per run, issuer and fiscal
-- year, one per correction (a titre without run), numbered in the order they were first written.
CREATE TEMPORARY TABLE v9_group ON COMMIT DROP AS
SELECT gen_random_uuid()                                         AS id,
       g.issuer, g.fiscal_year, g.run_id, g.correction_titre_id, g.issued_on, g.settings_revision_id,
       row_number() OVER (PARTITION BY g.issuer, g.fiscal_year ORDER BY g.first_at, g.first_serial) AS serial
  FROM (SELECT t.issuer, t.fiscal_year, t.run_id,
               CASE WHEN t.run_id IS NULL THEN t.id END                                 AS correction_titre_id,
               min(t.issued_on)                                                         AS issued_on,
               (array_agg(t.settings_revision_id ORDER BY t.serial))[1]                 AS settings_revision_id,
               min(t.created_at)                                                        AS first_at,
               min(t.serial)                                                            AS first_serial
          FROM titre t
         WHERE t.kind <> 'MANDATE_673'
         GROUP BY t.issuer, t.fiscal_year, t.run_id, CASE WHEN t.run_id IS NULL THEN t.id END) g;

INSERT INTO bordereau (id, number, issuer, fiscal_year, serial, issued_on, source, run_id, correction_titre_id,
                       settings_revision_id)
SELECT id, issuer || '-' || fiscal_year || '-B-' || lpad(serial::text, greatest(6, length(serial::text)), '0'),
       issuer, fiscal_year, serial, issued_on, CASE WHEN run_id IS NULL THEN 'CORRECTION' ELSE 'RUN' END, run_id,
       correction_titre_id, settings_revision_id
  FROM v9_group;

ALTER TABLE titre DISABLE TRIGGER titre_never_changes;
UPDATE titre t SET bordereau_id = g.id
  FROM v9_group g
 WHERE t.kind <> 'MANDATE_673' AND t.issuer = g.issuer AND t.fiscal_year = g.fiscal_year
   AND ((g.run_id IS NOT NULL AND t.run_id = g.run_id) OR (g.run_id IS NULL AND t.id = g.correction_titre_id));
ALTER TABLE titre ENABLE TRIGGER titre_never_changes;

UPDATE bordereau b SET titre_count = s.n, total_ht = s.ht, total_vat = s.vat, total_ttc = s.ttc
  FROM (SELECT bordereau_id, count(*) AS n, sum(total_ht) AS ht, sum(total_vat) AS vat, sum(total) AS ttc
          FROM titre WHERE bordereau_id IS NOT NULL GROUP BY bordereau_id) s
 WHERE b.id = s.bordereau_id;

INSERT INTO bordereau_rate (bordereau_id, vat_rate, total_ht, total_vat, total_ttc)
SELECT t.bordereau_id, l.vat_rate, sum(l.amount), sum(l.vat_amount), sum(l.amount_ttc)
  FROM titre t JOIN titre_line l ON l.titre_id = t.id
 WHERE t.bordereau_id IS NOT NULL
 GROUP BY t.bordereau_id, l.vat_rate;

INSERT INTO number_series (issuer, fiscal_year, series, last_number)
SELECT issuer, fiscal_year, 'B', max(serial) FROM v9_group GROUP BY issuer, fiscal_year;

-- From now on every titre but a mandat 673 names its bordereau: IssuanceService writes it with the titre (no CHECK
-- constraint: bench/q1-run.sh copies the titre table's constraints for its raw insert of titre rows).
