package fr.centrale.membership.domain;

import fr.centrale.membership.domain.ContactChanges.FieldChange;
import fr.centrale.membership.domain.ContactChanges.Snapshot;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/rules.md, R-16: each change of a contact is recorded (who, when, what); an erasure keeps no value. */
class ContactChangesTest {

    private static final Snapshot CLAIRE = new Snapshot("Claire Martin", "Acheteuse", "claire.martin@pasdecalais.fr", null);

    @Test
    void aCreationRecordsTheFieldsGivenWithTheirValues() {
        assertThat(ContactChanges.created(CLAIRE)).containsExactly(
                new FieldChange("name", null, "Claire Martin"),
                new FieldChange("role", null, "Acheteuse"),
                new FieldChange("email", null, "claire.martin@pasdecalais.fr"));
    }

    @Test
    void aCorrectionRecordsOnlyWhatChangedWithOldAndNewValues() {
        Snapshot corrected = new Snapshot("Claire Martin", null, "claire.martin-dubois@pasdecalais.fr", "03 21 21 62 62");
        assertThat(ContactChanges.corrected(CLAIRE, corrected)).containsExactly(
                new FieldChange("role", "Acheteuse", null),
                new FieldChange("email", "claire.martin@pasdecalais.fr", "claire.martin-dubois@pasdecalais.fr"),
                new FieldChange("phone", null, "03 21 21 62 62"));
        assertThat(ContactChanges.corrected(CLAIRE, CLAIRE)).isEmpty();
    }

    @Test
    void anErasureNamesTheFieldsThatHeldDataWithoutAnyValue() {
        assertThat(ContactChanges.erased(CLAIRE)).containsExactly(
                new FieldChange("name", null, null),
                new FieldChange("role", null, null),
                new FieldChange("email", null, null));
    }
}
