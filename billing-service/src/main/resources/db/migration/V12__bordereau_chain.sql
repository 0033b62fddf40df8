-- Tamper evidence for the bordereaux de titres (billing-service README, "Tamper evidence"; docs/rules.md, R-6): each
-- bordereau carries the SHA-256 of its canonical serialisation (domain/LedgerRecords.bordereau) chained to the previous
-- bordereau of its issuer and fiscal year, series kind BORDEREAU of ledger_chain (V10).
--
-- A bordereau is chained once its totals are final: a correction's in the transaction that writes it and its titre; a
-- billing run's (whose titres are written batch after batch, each batch a transaction of its own, V9) in the transaction
-- that ends the run, or at the next start for a run the stop interrupted. So the chain follows the order bordereaux are
-- closed in (bordereau.chain_position, 1, 2, 3…), which is the number order but when two runs overlap; the number series
-- (serial 1..n, series 'B' of number_series) is checked apart. Once chained, a bordereau and its totals per rate never
-- change (triggers below).

ALTER TABLE bordereau ADD COLUMN chain_position bigint, ADD COLUMN chain_hash char(64),
    ADD CONSTRAINT bordereau_chained_whole CHECK ((chain_position IS NULL) = (chain_hash IS NULL));
CREATE UNIQUE INDEX bordereau_chain_idx ON bordereau (issuer, fiscal_year, chain_position);

-- ---- Backfill: every bordereau written before this migration, per issuer and fiscal year in serial order ----

-- The same field writers as V10 (which dropped its own): '|' then '\0' for NULL, or the text with \ | LF CR escaped;
-- amounts with two decimals; dates ISO; ids lowercase; integers decimal.
CREATE FUNCTION v12_text(v text) RETURNS text IMMUTABLE LANGUAGE sql AS
$$ SELECT '|' || CASE WHEN v IS NULL THEN '\0'
                      ELSE replace(replace(replace(replace(v, '\', '\\'), '|', '\|'), chr(10), '\n'), chr(13), '\r') END $$;
CREATE FUNCTION v12_amount(v numeric) RETURNS text IMMUTABLE LANGUAGE sql AS
$$ SELECT '|' || coalesce(round(v, 2)::text, '\0') $$;
CREATE FUNCTION v12_date(v date) RETURNS text IMMUTABLE LANGUAGE sql AS
$$ SELECT '|' || coalesce(to_char(v, 'YYYY-MM-DD'), '\0') $$;
CREATE FUNCTION v12_id(v uuid) RETURNS text IMMUTABLE LANGUAGE sql AS
$$ SELECT '|' || coalesce(v::text, '\0') $$;
CREATE FUNCTION v12_int(v bigint) RETURNS text IMMUTABLE LANGUAGE sql AS
$$ SELECT '|' || coalesce(v::text, '\0') $$;

-- bordereau|chain_position|id|number|issuer|fiscal_year|serial|issued_on|source|run_id|correction_titre_id|
-- settings_revision_id|titre_count|total_ht|total_vat|total_ttc, then a line per VAT rate (rate order)
-- rate|vat_rate|total_ht|total_vat|total_ttc, then one line titres|number|number|… (its titres in serial order).
CREATE FUNCTION v12_bordereau_record(b bordereau, chain_position bigint) RETURNS text STABLE LANGUAGE sql AS
$$
SELECT 'bordereau' || v12_int(chain_position) || v12_id(b.id) || v12_text(b.number) || v12_text(b.issuer) || v12_int(b.fiscal_year)
       || v12_int(b.serial) || v12_date(b.issued_on) || v12_text(b.source) || v12_id(b.run_id) || v12_id(b.correction_titre_id)
       || v12_id(b.settings_revision_id) || v12_int(b.titre_count) || v12_amount(b.total_ht) || v12_amount(b.total_vat)
       || v12_amount(b.total_ttc)
       || coalesce((SELECT string_agg(chr(10) || 'rate' || v12_amount(r.vat_rate) || v12_amount(r.total_ht)
                                      || v12_amount(r.total_vat) || v12_amount(r.total_ttc), '' ORDER BY r.vat_rate)
                      FROM bordereau_rate r WHERE r.bordereau_id = b.id), '')
       || chr(10) || 'titres'
       || coalesce((SELECT string_agg(v12_text(t.number), '' ORDER BY t.serial, t.id) FROM titre t WHERE t.bordereau_id = b.id), '')
$$;

CREATE TEMPORARY TABLE v12_bordereau_hash (id uuid PRIMARY KEY, position bigint NOT NULL, hash char(64) NOT NULL);

DO
$$
DECLARE
    r        record;
    previous text;
    n        bigint;
    series   text := NULL;
    s_issuer text;
    s_year   integer;
BEGIN
    FOR r IN SELECT b.id, b.issuer, b.fiscal_year, b AS row FROM bordereau b ORDER BY b.issuer, b.fiscal_year, b.serial, b.id
    LOOP
        IF series IS DISTINCT FROM (r.issuer || '|' || r.fiscal_year) THEN
            IF series IS NOT NULL THEN
                INSERT INTO ledger_chain (issuer, fiscal_year, kind, length, head) VALUES (s_issuer, s_year, 'BORDEREAU', n, previous);
            END IF;
            series := r.issuer || '|' || r.fiscal_year;
            s_issuer := r.issuer; s_year := r.fiscal_year;
            previous := repeat('0', 64);
            n := 0;
        END IF;
        n := n + 1;
        previous := encode(sha256(convert_to(previous || chr(10) || v12_bordereau_record(r.row, n), 'UTF8')), 'hex');
        INSERT INTO v12_bordereau_hash (id, position, hash) VALUES (r.id, n, previous);
    END LOOP;
    IF series IS NOT NULL THEN
        INSERT INTO ledger_chain (issuer, fiscal_year, kind, length, head) VALUES (s_issuer, s_year, 'BORDEREAU', n, previous);
    END IF;
END
$$;

-- Filling the new columns: V9's trigger lets them change (they are not what identifies a bordereau).
UPDATE bordereau b SET chain_position = h.position, chain_hash = h.hash FROM v12_bordereau_hash h WHERE h.id = b.id;

DROP TABLE v12_bordereau_hash;
DROP FUNCTION v12_bordereau_record(bordereau, bigint);
DROP FUNCTION v12_text(text);
DROP FUNCTION v12_amount(numeric);
DROP FUNCTION v12_date(date);
DROP FUNCTION v12_id(uuid);
DROP FUNCTION v12_int(bigint);

-- ---- From now on: a chained bordereau never changes ----

-- Its chain position and hash are written once, together (NULL to values); after that no column changes.
CREATE FUNCTION bordereau_chained_never_changes() RETURNS trigger AS
$$
BEGIN
    IF OLD.chain_hash IS NOT NULL THEN
        RAISE EXCEPTION 'bordereau % is chained: it never changes', OLD.number;
    END IF;
    RETURN NEW;
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER bordereau_chained_never_changes BEFORE UPDATE ON bordereau
    FOR EACH ROW EXECUTE FUNCTION bordereau_chained_never_changes();

-- Nor do its totals per rate (one primary-key look-up per rate row written: a few per batch of a run).
CREATE FUNCTION bordereau_rate_of_open_bordereau() RETURNS trigger AS
$$
BEGIN
    IF (SELECT b.chain_hash FROM bordereau b WHERE b.id = NEW.bordereau_id) IS NOT NULL THEN
        RAISE EXCEPTION 'the bordereau of these totals is chained: they never change';
    END IF;
    RETURN NEW;
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER bordereau_rate_of_open_bordereau BEFORE INSERT OR UPDATE ON bordereau_rate
    FOR EACH ROW EXECUTE FUNCTION bordereau_rate_of_open_bordereau();
