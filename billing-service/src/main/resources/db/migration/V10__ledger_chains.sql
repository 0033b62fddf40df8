-- Tamper evidence (billing-service README, "Tamper evidence"): every titre (originals, cancellations, reductions),
-- every mandat 673 and every payment carries the SHA-256 of its canonical serialisation chained to the previous one
-- of its series: hash = sha256(previous hash || '\n' || record), lowercase hex, over UTF-8; the first of a series
-- chains to 64 zeros. The series: issuer x fiscal year x kind. TITRE and MANDATE_673 follow the number series (the
-- position is the serial); PAYMENT chains the payments of the titres of an issuer and fiscal year, in the order they
-- were recorded (payment.chain_position). ledger_chain holds each series' head: its length and last hash.
-- This migration depends on V1 to V8 only.

CREATE TABLE ledger_chain (
    issuer      varchar(32) NOT NULL,
    fiscal_year integer     NOT NULL,
    kind        varchar(20) NOT NULL CHECK (kind IN ('TITRE', 'MANDATE_673', 'PAYMENT', 'BORDEREAU')),
    length      bigint      NOT NULL CHECK (length >= 0),
    head        char(64)    NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (issuer, fiscal_year, kind)
);

-- A head only moves forward: its series and length never go back, and it is never deleted.
CREATE FUNCTION ledger_chain_only_grows() RETURNS trigger AS
$$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'the head of a ledger chain is never deleted';
    END IF;
    IF NEW.issuer <> OLD.issuer OR NEW.fiscal_year <> OLD.fiscal_year OR NEW.kind <> OLD.kind OR NEW.length < OLD.length THEN
        RAISE EXCEPTION 'the head of a ledger chain only moves forward';
    END IF;
    RETURN NEW;
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER ledger_chain_only_grows BEFORE UPDATE OR DELETE ON ledger_chain FOR EACH ROW EXECUTE FUNCTION ledger_chain_only_grows();

-- No query looks titres up by their settings revision, and a revision is never deleted (its trigger refuses it): the
-- index V7 made for that foreign key only cost every titre inserted one more index entry (issue 11, the Q1 run).
DROP INDEX titre_settings_revision_idx;

-- Written by every insert from now on (a row without one is reported by the verification).
ALTER TABLE titre ADD COLUMN chain_hash char(64);
ALTER TABLE payment ADD COLUMN chain_position bigint, ADD COLUMN chain_hash char(64);

-- ---- Backfill, in order, with the canonical serialisation of domain/CanonicalRecord and domain/LedgerRecords ----

-- One field: '|' then '\0' for NULL, or the text with \ | LF CR escaped.
CREATE FUNCTION v10_text(v text) RETURNS text IMMUTABLE LANGUAGE sql AS
$$ SELECT '|' || CASE WHEN v IS NULL THEN '\0'
                      ELSE replace(replace(replace(replace(v, '\', '\\'), '|', '\|'), chr(10), '\n'), chr(13), '\r') END $$;
-- Amounts, rates, months: two decimals, a dot. Dates ISO. Ids lowercase. Integers decimal.
CREATE FUNCTION v10_amount(v numeric) RETURNS text IMMUTABLE LANGUAGE sql AS
$$ SELECT '|' || coalesce(round(v, 2)::text, '\0') $$;
CREATE FUNCTION v10_date(v date) RETURNS text IMMUTABLE LANGUAGE sql AS
$$ SELECT '|' || coalesce(to_char(v, 'YYYY-MM-DD'), '\0') $$;
CREATE FUNCTION v10_id(v uuid) RETURNS text IMMUTABLE LANGUAGE sql AS
$$ SELECT '|' || coalesce(v::text, '\0') $$;
CREATE FUNCTION v10_int(v bigint) RETURNS text IMMUTABLE LANGUAGE sql AS
$$ SELECT '|' || coalesce(v::text, '\0') $$;

CREATE FUNCTION v10_titre_record(t titre) RETURNS text STABLE LANGUAGE sql AS
$$
SELECT 'titre' || v10_id(t.id) || v10_text(t.number) || v10_text(t.issuer) || v10_int(t.fiscal_year) || v10_int(t.serial)
       || v10_text(t.kind) || v10_date(t.issued_on) || v10_date(t.due_on) || v10_text(t.issuer_name)
       || v10_text(t.issuer_siret) || v10_text(t.issuer_street) || v10_text(t.issuer_postal_code)
       || v10_text(t.issuer_city) || v10_text(t.issuer_court) || v10_id(t.debtor_id) || v10_text(t.debtor_name)
       || v10_text(t.debtor_siret) || v10_text(t.debtor_street) || v10_text(t.debtor_postal_code)
       || v10_text(t.debtor_city) || v10_text(t.debtor_chorus_ej) || v10_text(t.debtor_chorus_service)
       || v10_text(t.object) || v10_amount(t.total_ht) || v10_amount(t.total_vat) || v10_amount(t.total)
       || v10_id(t.cancels_titre_id) || v10_text(t.reason) || v10_id(t.settings_revision_id)
       || coalesce((SELECT string_agg(chr(10) || 'line' || v10_int(l.line_no) || v10_id(l.id) || v10_text(l.label)
                                      || v10_text(l.basis) || v10_date(l.period_start) || v10_date(l.period_end)
                                      || v10_amount(l.months) || v10_amount(l.annual_amount) || v10_amount(l.amount)
                                      || v10_amount(l.vat_rate) || v10_amount(l.vat_amount) || v10_amount(l.amount_ttc)
                                      || v10_text(l.taxation) || v10_text(l.legal_basis) || v10_text(l.source_type)
                                      || v10_id(l.source_id) || v10_int(l.sequence) || v10_text(l.item_kind),
                                      '' ORDER BY l.line_no)
                      FROM titre_line l WHERE l.titre_id = t.id), '')
$$;

CREATE TEMPORARY TABLE v10_titre_hash (id uuid PRIMARY KEY, hash char(64) NOT NULL);
CREATE TEMPORARY TABLE v10_payment_hash (id uuid PRIMARY KEY, position bigint NOT NULL, hash char(64) NOT NULL);

DO
$$
DECLARE
    r        record;
    previous text;
    n        bigint;
    series   text := NULL;
    s_issuer text;
    s_year   integer;
    s_kind   text;
BEGIN
    -- Titres and mandats 673: per number series, in serial order.
    FOR r IN SELECT t.id, t.issuer, t.fiscal_year, CASE WHEN t.kind = 'MANDATE_673' THEN 'MANDATE_673' ELSE 'TITRE' END AS kind,
                    v10_titre_record(t) AS record
               FROM titre t
              ORDER BY t.issuer, t.fiscal_year, (t.kind = 'MANDATE_673'), t.serial, t.id
    LOOP
        IF series IS DISTINCT FROM (r.issuer || '|' || r.fiscal_year || '|' || r.kind) THEN
            IF series IS NOT NULL THEN
                INSERT INTO ledger_chain (issuer, fiscal_year, kind, length, head) VALUES (s_issuer, s_year, s_kind, n, previous);
            END IF;
            series := r.issuer || '|' || r.fiscal_year || '|' || r.kind;
            s_issuer := r.issuer; s_year := r.fiscal_year; s_kind := r.kind;
            previous := repeat('0', 64);
            n := 0;
        END IF;
        previous := encode(sha256(convert_to(previous || chr(10) || r.record, 'UTF8')), 'hex');
        n := n + 1;
        INSERT INTO v10_titre_hash (id, hash) VALUES (r.id, previous);
    END LOOP;
    IF series IS NOT NULL THEN
        INSERT INTO ledger_chain (issuer, fiscal_year, kind, length, head) VALUES (s_issuer, s_year, s_kind, n, previous);
    END IF;

    -- Payments: per issuer and fiscal year of the titre paid, in the order recorded.
    series := NULL;
    FOR r IN SELECT p.id, t.issuer, t.fiscal_year, p.titre_id, p.amount, p.paid_on, p.reference
               FROM payment p JOIN titre t ON t.id = p.titre_id
              ORDER BY t.issuer, t.fiscal_year, p.created_at, p.id
    LOOP
        IF series IS DISTINCT FROM (r.issuer || '|' || r.fiscal_year) THEN
            IF series IS NOT NULL THEN
                INSERT INTO ledger_chain (issuer, fiscal_year, kind, length, head) VALUES (s_issuer, s_year, 'PAYMENT', n, previous);
            END IF;
            series := r.issuer || '|' || r.fiscal_year;
            s_issuer := r.issuer; s_year := r.fiscal_year;
            previous := repeat('0', 64);
            n := 0;
        END IF;
        n := n + 1;
        previous := encode(sha256(convert_to(previous || chr(10) || 'payment' || v10_int(n) || v10_id(r.id) || v10_id(r.titre_id)
                                             || v10_amount(r.amount) || v10_date(r.paid_on) || v10_text(r.reference), 'UTF8')), 'hex');
        INSERT INTO v10_payment_hash (id, position, hash) VALUES (r.id, n, previous);
    END LOOP;
    IF series IS NOT NULL THEN
        INSERT INTO ledger_chain (issuer, fiscal_year, kind, length, head) VALUES (s_issuer, s_year, 'PAYMENT', n, previous);
    END IF;
END
$$;

-- The ledger's rows are never changed, but for this one-off completion of the new columns (as V3 did).
ALTER TABLE titre DISABLE TRIGGER titre_never_changes;
UPDATE titre t SET chain_hash = h.hash FROM v10_titre_hash h WHERE h.id = t.id;
ALTER TABLE titre ENABLE TRIGGER titre_never_changes;
ALTER TABLE payment DISABLE TRIGGER payment_never_changes;
UPDATE payment p SET chain_position = h.position, chain_hash = h.hash FROM v10_payment_hash h WHERE h.id = p.id;
ALTER TABLE payment ENABLE TRIGGER payment_never_changes;

DROP TABLE v10_titre_hash;
DROP TABLE v10_payment_hash;
DROP FUNCTION v10_titre_record(titre);
DROP FUNCTION v10_text(text);
DROP FUNCTION v10_amount(numeric);
DROP FUNCTION v10_date(date);
DROP FUNCTION v10_id(uuid);
DROP FUNCTION v10_int(bigint);
