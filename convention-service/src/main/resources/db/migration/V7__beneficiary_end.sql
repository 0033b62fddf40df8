-- docs/rules.md, R-13: a beneficiary added by amendment may have its own end date (seed 000 art. 4.2: "jusqu'au terme de
-- la durée de la mise à disposition indiquée dans ledit avenant"); nothing is billed for it after that date. NULL: the
-- convention's end, as every existing beneficiary had.
ALTER TABLE beneficiary ADD COLUMN ends_on date;
ALTER TABLE beneficiary ADD CONSTRAINT beneficiary_end_after_start CHECK (ends_on IS NULL OR ends_on >= starts_on);
