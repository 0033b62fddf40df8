-- docs/rules.md, R-14: La Fibre's franchise lasts as long as the markets concluded in the centre's first year (seed
-- 003, art. 7: "Cette franchise de participation financière sera limitée à la durée des marchés conclus la première
-- année d'existence de la centrale"), not two years: the very-high-speed market runs "jusque janvier 2027". The
-- window to subscribe (franchise_window_start + franchise_years) is unchanged.
ALTER TABLE purchasing_body ADD COLUMN franchise_ends_on date;
UPDATE purchasing_body SET franchise_ends_on = DATE '2027-01-31' WHERE code = 'FIBRE5962' AND franchise_ends_on IS NULL;

-- membership.franchise_until was the franchise's end computed at creation; the service now derives it from the
-- body (so that a PATCH of the end applies to every member) and no longer reads the column. Bring the stored
-- values in line for whoever reads the table directly.
UPDATE membership m SET franchise_until = b.franchise_ends_on
FROM purchasing_body b
WHERE m.purchasing_body_id = b.id AND b.franchise_ends_on IS NOT NULL AND m.franchise_until IS NOT NULL;
