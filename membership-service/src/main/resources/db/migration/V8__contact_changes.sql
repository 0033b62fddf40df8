-- docs/rules.md, R-16: contacts can be corrected (RGPD right of rectification) and every change of a contact is
-- recorded: who (the X-Centrale-User identity; null for an internal call), when, which fields, old and new values.
-- After an erasure no value is kept, in this record either: the erasure blanks the values of the contact's earlier
-- changes, leaving which fields changed, when and by whom. No foreign key: the record outlives the contact.
CREATE TABLE contact_change (
    id              uuid PRIMARY KEY,
    seq             bigserial    NOT NULL UNIQUE,
    contact_id      uuid         NOT NULL,
    organisation_id uuid         NOT NULL,
    kind            varchar(20)  NOT NULL CHECK (kind IN ('CREATED', 'CORRECTED', 'ERASED')),
    changed_by      varchar(255),
    changed_at      timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX contact_change_contact_idx ON contact_change (contact_id, seq);

CREATE TABLE contact_change_field (
    change_id uuid        NOT NULL REFERENCES contact_change (id),
    field     varchar(20) NOT NULL CHECK (field IN ('name', 'role', 'email', 'phone')),
    old_value varchar(320),
    new_value varchar(320),
    PRIMARY KEY (change_id, field)
);

-- Contacts could not be corrected before: the values held are those they were created with. Record their creation
-- (by an unknown user), and the erasures already made, without values.
INSERT INTO contact_change (id, contact_id, organisation_id, kind, changed_by, changed_at)
SELECT md5(c.id::text || '/created')::uuid, c.id, c.organisation_id, 'CREATED', NULL, c.created_at
FROM contact c ORDER BY c.created_at, c.id;
INSERT INTO contact_change_field (change_id, field, old_value, new_value)
SELECT md5(c.id::text || '/created')::uuid, f.field, NULL, f.value
FROM contact c
CROSS JOIN LATERAL (VALUES ('name', c.name), ('role', c.role), ('email', c.email), ('phone', c.phone)) AS f (field, value)
WHERE f.value IS NOT NULL;

INSERT INTO contact_change (id, contact_id, organisation_id, kind, changed_by, changed_at)
SELECT md5(e.contact_id::text || '/erased')::uuid, e.contact_id, e.organisation_id, 'ERASED', NULL, e.erased_at
FROM contact_erasure e ORDER BY e.erased_at, e.contact_id;
