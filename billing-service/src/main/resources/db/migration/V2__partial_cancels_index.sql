-- Only corrections (cancellation and reduction titres) reference the titre they correct: the originals' NULLs need
-- no entry in the index, which billing runs would otherwise grow by one entry per titre issued.
DROP INDEX titre_cancels_idx;
CREATE INDEX titre_cancels_idx ON titre (cancels_titre_id) WHERE cancels_titre_id IS NOT NULL;
