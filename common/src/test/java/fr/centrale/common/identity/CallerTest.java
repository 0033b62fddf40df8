package fr.centrale.common.identity;

import fr.centrale.common.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CallerTest {

    private static final UUID OWN = UUID.fromString("11111111-1111-1111-1111-111111111111");
    private static final UUID OTHER = UUID.fromString("22222222-2222-2222-2222-222222222222");

    private static Caller caller(String role, UUID organisation) {
        Caller caller = new Caller();
        caller.set("someone", Set.of(role), organisation);
        return caller;
    }

    @Test
    void anInternalCallSeesEverything() {
        Caller internal = new Caller();
        assertThat(internal.isForwarded()).isFalse();
        assertThat(internal.confinedTo()).isEmpty();
        assertThat(internal.sees(OTHER)).isTrue();
        assertThat(internal.filterFor(OTHER)).isEqualTo(new Caller.Filter(OTHER, false));
        assertThat(internal.filterFor(null)).isEqualTo(new Caller.Filter(null, false));
    }

    @Test
    void readerFinanceAndAdminSeeEveryOrganisationEvenWithAnOrganisationClaim() {
        for (String role : List.of("reader", "finance", "admin")) {
            Caller caller = caller(role, OWN);
            assertThat(caller.confinedTo()).isEmpty();
            assertThat(caller.sees(OTHER)).isTrue();
        }
    }

    @Test
    void anAdherentIsConfinedToItsOrganisation() {
        Caller adherent = caller("adherent", OWN);
        assertThat(adherent.confinedTo()).contains(OWN);
        assertThat(adherent.sees(OWN)).isTrue();
        assertThat(adherent.sees(OTHER)).isFalse();
        assertThat(adherent.seesAny(List.of(OTHER, OWN))).isTrue();
        assertThat(adherent.seesAny(List.of(OTHER))).isFalse();
        assertThat(adherent.filterFor(null)).isEqualTo(new Caller.Filter(OWN, false));
        assertThat(adherent.filterFor(OWN)).isEqualTo(new Caller.Filter(OWN, false));
        assertThat(adherent.filterFor(OTHER)).isEqualTo(new Caller.Filter(OWN, true));
    }

    @Test
    void anotherOrganisationsResourceIsNotFoundForAnAdherent() {
        assertThatThrownBy(() -> caller("adherent", OWN).requireSees(OTHER, "Titre", "x"))
                .isInstanceOf(ProblemException.class)
                .hasMessage("Titre x does not exist");
        caller("adherent", OWN).requireSees(OWN, "Titre", "x");
    }
}
