package fr.centrale.billing.domain;

import fr.centrale.billing.domain.SettingsRevisions.Dated;
import fr.centrale.common.problem.FieldError;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/rules.md, R-4: the officer in force at a titre's issue; an edit is a new dated revision. */
class SettingsRevisionsTest {

    private static final Dated R1 = new Dated(UUID.randomUUID(), 1, LocalDate.of(2000, 1, 1));
    private static final Dated R2 = new Dated(UUID.randomUUID(), 2, LocalDate.of(2027, 1, 1));
    private static final Dated R3 = new Dated(UUID.randomUUID(), 3, LocalDate.of(2026, 6, 1));
    private static final Dated R4 = new Dated(UUID.randomUUID(), 4, LocalDate.of(2027, 1, 1));

    @Test
    void theLatestValidOnTheDateWins() {
        List<Dated> all = List.of(R2, R1, R3);
        assertThat(SettingsRevisions.inForce(all, LocalDate.of(1999, 12, 31))).isEmpty();
        assertThat(SettingsRevisions.inForce(all, LocalDate.of(2000, 1, 1))).contains(R1);
        assertThat(SettingsRevisions.inForce(all, LocalDate.of(2026, 5, 31))).contains(R1);
        assertThat(SettingsRevisions.inForce(all, LocalDate.of(2026, 6, 1))).contains(R3);
        assertThat(SettingsRevisions.inForce(all, LocalDate.of(2026, 12, 31))).contains(R3);
        assertThat(SettingsRevisions.inForce(all, LocalDate.of(2027, 1, 1))).contains(R2);
    }

    @Test
    void ofTwoValidFromTheSameDayTheLaterRevisionWins() {
        assertThat(SettingsRevisions.inForce(List.of(R4, R2, R1), LocalDate.of(2027, 3, 1))).contains(R4);
    }

    @Test
    void nextRevisionNumber() {
        assertThat(SettingsRevisions.next(List.of())).isEqualTo(1);
        assertThat(SettingsRevisions.next(List.of(R1, R3, R2))).isEqualTo(4);
    }

    static SettingsContent valid() {
        return new SettingsContent(new SettingsContent.Person("Martin", "Marie", "Présidente, ordonnatrice"), null,
                "Titre exécutoire en application de l'article L. 1617-5 du CGCT",
                new SettingsContent.Accountant(SettingsContent.AccountantKind.COMPTABLE_PUBLIC, "SGC d'Arras", null, "62000", "Arras"),
                "FR933000100462C621000000063", "BDFEFRPPCCT", List.of(PaymentMean.VIREMENT),
                new SettingsContent.Imputation("7474", "01", null), "Deux mois, Tribunal administratif de Lille",
                "TVA non applicable, article 256 B du CGI");
    }

    @Test
    void aCompleteContentHasNoProblem() {
        assertThat(valid().problems()).isEmpty();
    }

    @Test
    void eachMissingMentionIsNamed() {
        SettingsContent bad = new SettingsContent(new SettingsContent.Person(" ", "Marie", null),
                new SettingsContent.Person("Durand", null, "DAF"), "",
                new SettingsContent.Accountant(null, "SGC", null, null, "Arras"),
                "FR933000100462C621000000064", "BDFE", List.of(), new SettingsContent.Imputation("7474", null, " "),
                null, " ");
        assertThat(bad.problems()).extracting(FieldError::field).containsExactly("officer.name", "officer.title",
                "delegate.firstNames", "executoryFormula", "accountant.kind", "iban", "bic", "paymentMeans",
                "imputation.function", "recourse", "noVatMention");
    }

    @Test
    void anEmptyDelegateIsNone() {
        SettingsContent c = valid();
        SettingsContent withEmpty = new SettingsContent(c.officer(), new SettingsContent.Person(null, " ", null),
                c.executoryFormula(), c.accountant(), "fr93 3000 1004 62c6 2100 0000 063", "bdfefrppcct", c.paymentMeans(),
                c.imputation(), c.recourse(), c.noVatMention()).normalized();
        assertThat(withEmpty.delegate()).isNull();
        assertThat(withEmpty.iban()).isEqualTo("FR933000100462C621000000063");
        assertThat(withEmpty.bic()).isEqualTo("BDFEFRPPCCT");
        assertThat(withEmpty.problems()).isEmpty();
    }
}
