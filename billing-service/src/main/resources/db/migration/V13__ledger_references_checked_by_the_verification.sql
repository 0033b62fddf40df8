-- The references a billing run writes for every titre are checked by the ledger verification
-- (GET /api/v1/ledger/verification, check REFERENCES) instead of by foreign keys at each insert
-- (billing-service README, "Tamper evidence" and "Why five references are not foreign keys").
--
-- Each of these foreign keys ran one query per inserted row (PostgreSQL's referential-integrity trigger: an index
-- lookup and a row lock in the referenced table). A run writes the titre, its claim and its ISSUED event in the
-- same transaction, from the same objects, and the referenced rows (the run, the bordereau, the settings revision,
-- the titre) are never deleted: titres and settings revisions refuse it by trigger, runs and bordereaux have no
-- deletion in the code. Measured on 100 000 titres (scratch database, same schema): the five checks cost 1.7 s of
-- the 4.7 s PostgreSQL spends writing them, on the single writer's path of every billing run.
--
-- Kept: titre_line -> titre (a titre's lines are the titre), payment -> titre, the correction's
-- cancels_titre_id -> titre, and every reference outside the issuing path.
ALTER TABLE titre DROP CONSTRAINT titre_run_id_fkey;
ALTER TABLE titre DROP CONSTRAINT titre_settings_revision_id_fkey;
ALTER TABLE titre DROP CONSTRAINT titre_bordereau_id_fkey;
ALTER TABLE titre_event DROP CONSTRAINT titre_event_titre_id_fkey;
ALTER TABLE issued_item DROP CONSTRAINT issued_item_titre_id_fkey;

COMMENT ON COLUMN titre.run_id IS 'billing_run.id; checked by the ledger verification (REFERENCES), not by a foreign key (V13)';
COMMENT ON COLUMN titre.settings_revision_id IS 'issuer_settings.id; checked by the ledger verification (REFERENCES), not by a foreign key (V13)';
COMMENT ON COLUMN titre.bordereau_id IS 'bordereau.id; checked by the ledger verification (REFERENCES), not by a foreign key (V13)';
COMMENT ON COLUMN titre_event.titre_id IS 'titre.id; checked by the ledger verification (REFERENCES), not by a foreign key (V13)';
COMMENT ON COLUMN issued_item.titre_id IS 'titre.id (null: waived); checked by the ledger verification (REFERENCES), not by a foreign key (V13)';
