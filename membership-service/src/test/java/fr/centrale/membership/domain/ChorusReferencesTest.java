package fr.centrale.membership.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/rules.md, R-3: the commitment's own Chorus references. */
class ChorusReferencesTest {

    @Test
    void blanksMeanNoneAndSpacesAreDropped() {
        assertThat(ChorusReferences.of("  ", null)).isEqualTo(ChorusReferences.NONE);
        assertThat(ChorusReferences.of(" 2300004512 ", "DSI")).isEqualTo(new ChorusReferences("2300004512", "DSI"));
    }

    @Test
    void aCorrectionReplacesWhatIsGivenClearsWhatIsBlankAndKeepsWhatIsAbsent() {
        ChorusReferences current = new ChorusReferences("2300004512", "DSI");
        assertThat(current.corrected("2300009999", null)).isEqualTo(new ChorusReferences("2300009999", "DSI"));
        assertThat(current.corrected(null, "")).isEqualTo(new ChorusReferences("2300004512", null));
        assertThat(current.corrected(null, null)).isEqualTo(current);
    }
}
