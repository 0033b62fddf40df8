-- docs/rules.md, R-4 and R-5: the issuing officer and the mentions of a titre are data, per issuer and dated.
-- Append-only: an edit is a new revision (valid from a date); no revision is ever changed or deleted, so a titre
-- that references the revision in force at its issue (V7) prints the same officer and mentions for ever.
CREATE TABLE issuer_settings (
    id                     uuid PRIMARY KEY,
    issuer                 varchar(32)  NOT NULL,
    revision               integer      NOT NULL CHECK (revision > 0),
    valid_from             date         NOT NULL,
    officer_name           varchar(120) NOT NULL,
    officer_first_names    varchar(120) NOT NULL,
    officer_title          varchar(255) NOT NULL,
    delegate_name          varchar(120),
    delegate_first_names   varchar(120),
    delegate_title         varchar(255),
    executory_formula      text         NOT NULL,
    accountant_kind        varchar(20)  NOT NULL CHECK (accountant_kind IN ('COMPTABLE_PUBLIC', 'AGENT_COMPTABLE')),
    accountant_name        varchar(255) NOT NULL,
    accountant_street      varchar(255),
    accountant_postal_code varchar(10),
    accountant_city        varchar(255),
    iban                   varchar(34)  NOT NULL,
    bic                    varchar(11)  NOT NULL,
    payment_means          text[]       NOT NULL CHECK (cardinality(payment_means) > 0),
    imputation_nature      varchar(20)  NOT NULL,
    imputation_function    varchar(20),
    imputation_service     varchar(255),
    recourse               text         NOT NULL,
    no_vat_mention         varchar(255) NOT NULL,
    created_at             timestamptz  NOT NULL DEFAULT now(),
    created_by             varchar(200) NOT NULL,
    UNIQUE (issuer, revision),
    CHECK ((delegate_name IS NULL) = (delegate_title IS NULL))
);
CREATE INDEX issuer_settings_valid_idx ON issuer_settings (issuer, valid_from);

CREATE TRIGGER issuer_settings_never_change BEFORE UPDATE OR DELETE ON issuer_settings
    FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- Reference data: plausible values, each to be confirmed by its issuer (the texts say so), valid since 2000 so
-- that a run as of any past date finds them. DEFAULT applies to an issuer that has no settings of its own.
INSERT INTO issuer_settings (id, issuer, revision, valid_from, officer_name, officer_first_names, officer_title,
                             executory_formula, accountant_kind, accountant_name, accountant_street,
                             accountant_postal_code, accountant_city, iban, bic, payment_means, imputation_nature,
                             imputation_function, imputation_service, recourse, no_vat_mention, created_by)
VALUES
('6a1e0000-0000-4000-8000-000000000001', 'RESAH', 1, DATE '2000-01-01',
 'À CONFIRMER', 'À confirmer par l''émetteur', 'Directeur général du GIP Resah, ordonnateur',
 'Titre exécutoire en application de l''article L. 252 A du livre des procédures fiscales (formule à confirmer par l''émetteur).',
 'AGENT_COMPTABLE', 'Agent comptable du GIP Resah (à confirmer par l''émetteur)', '47 rue de Charonne', '75011', 'Paris',
 'FR283000100794C751000000072', 'BDFEFRPPCCT', ARRAY['VIREMENT', 'CHEQUE'],
 '7588', NULL, 'Contributions des adhérents (à confirmer par l''émetteur)',
 'Dans le délai de deux mois à compter de la réception du présent titre, vous pouvez contester la somme réclamée en saisissant le Tribunal administratif de Paris. Cette action suspend la force exécutoire du titre. La contestation de la régularité d''un acte de poursuite relève du juge de l''exécution, dans le délai de deux mois suivant sa notification. (Texte à confirmer par l''émetteur.)',
 'TVA non applicable, article 256 B du CGI (mention à confirmer par l''émetteur)', 'flyway V6'),
('6a1e0000-0000-4000-8000-000000000002', 'CAIH', 1, DATE '2000-01-01',
 'À CONFIRMER', 'À confirmer par l''émetteur', 'Président de la CAIH, ordonnateur',
 'Titre exécutoire en application de l''article L. 252 A du livre des procédures fiscales (formule à confirmer par l''émetteur).',
 'AGENT_COMPTABLE', 'Agent comptable de la CAIH (à confirmer par l''émetteur)', '9 rue des Tuiliers', '69003', 'Lyon',
 'FR533000100629C691000000028', 'BDFEFRPPCCT', ARRAY['VIREMENT'],
 '706', NULL, 'Services d''achat centralisé (à confirmer par l''émetteur)',
 'Dans le délai de deux mois à compter de la réception du présent titre, vous pouvez contester la somme réclamée en saisissant le Tribunal administratif de Lyon. Cette action suspend la force exécutoire du titre. La contestation de la régularité d''un acte de poursuite relève du juge de l''exécution, dans le délai de deux mois suivant sa notification. (Texte à confirmer par l''émetteur.)',
 'TVA non applicable (mention à confirmer par l''émetteur)', 'flyway V6'),
('6a1e0000-0000-4000-8000-000000000003', 'FIBRE5962', 1, DATE '2000-01-01',
 'À CONFIRMER', 'À confirmer par l''émetteur', 'Président du syndicat mixte La Fibre Numérique 59 62, ordonnateur',
 'Titre exécutoire en application de l''article L. 1617-5 du code général des collectivités territoriales (formule à confirmer par l''émetteur).',
 'COMPTABLE_PUBLIC', 'Comptable public de la DGFiP, service de gestion comptable d''Arras (à confirmer par l''émetteur)', NULL, '62000', 'Arras',
 'FR933000100462C621000000063', 'BDFEFRPPCCT', ARRAY['VIREMENT', 'CHEQUE', 'CARTE'],
 '7474', '01', NULL,
 'Dans le délai de deux mois suivant la réception du présent titre, vous pouvez contester la somme réclamée en saisissant directement le Tribunal administratif de Lille (article L. 1617-5 du code général des collectivités territoriales). Cette action suspend la force exécutoire du titre. La contestation de la régularité formelle d''un acte de poursuite est portée devant le juge de l''exécution, dans le délai de deux mois suivant sa notification. (Texte à confirmer par l''émetteur.)',
 'TVA non applicable, article 256 B du CGI (mention à confirmer par l''émetteur)', 'flyway V6'),
('6a1e0000-0000-4000-8000-000000000004', 'DEFAULT', 1, DATE '2000-01-01',
 'À RENSEIGNER', 'À renseigner par l''émetteur', 'Ordonnateur',
 'Titre exécutoire (formule du régime de l''émetteur à renseigner).',
 'COMPTABLE_PUBLIC', 'Comptable public assignataire (à renseigner par l''émetteur)', NULL, NULL, NULL,
 'FR283000100794C750000000009', 'BDFEFRPPCCT', ARRAY['VIREMENT'],
 '7588', NULL, 'À renseigner par l''émetteur',
 'Dans le délai de deux mois à compter de la réception du présent titre, vous pouvez contester la somme réclamée devant le tribunal administratif compétent. Cette action suspend la force exécutoire du titre. La contestation de la régularité d''un acte de poursuite relève du juge de l''exécution, dans le délai de deux mois suivant sa notification.',
 'TVA non applicable (mention à renseigner par l''émetteur)', 'flyway V6');
