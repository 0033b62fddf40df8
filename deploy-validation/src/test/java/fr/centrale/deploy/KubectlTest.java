package fr.centrale.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Without kubectl the validation fails, and says how to provide it: it is never skipped. */
class KubectlTest {

    @Test
    void noKubectlOnThePathIsAFailureThatSaysWhatToDo() {
        assertThatThrownBy(() -> Kubectl.locate(Map.of("PATH", "/nonexistent/bin"), null))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("kubectl not found on PATH")
                .hasMessageContaining("not skipped")
                .hasMessageContaining("-Dcentrale.kubectl=");
    }

    @Test
    void aKubectlNamedButMissingIsAFailure() {
        assertThatThrownBy(() -> Kubectl.locate(Map.of(), "/nonexistent/kubectl"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("/nonexistent/kubectl");
    }

    @Test
    void thisMachineHasKubectlWithKustomize() {
        Kubectl kubectl = Kubectl.locate();
        // `kubectl kustomize` with Kustomize v5 or later (kubectl 1.27+): the overlays use its syntax.
        assertThat(kubectl.clientVersion()).containsPattern("Kustomize Version: v([5-9]|\\d{2,})\\.");
    }
}
