package fr.centrale.common.problem;

import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A request the service's stop interrupts answers 503 SERVICE_STOPPING, not a 500 logged as "Unexpected error". */
class ShuttingDownTest {

    private final ShuttingDown shuttingDown = new ShuttingDown();

    @AfterEach
    void running() {
        shuttingDown.onStart(null);
    }

    @Test
    void whileRunningAnUnexpectedFailureStaysA500() {
        shuttingDown.onStart(null);
        assertThat(new ProblemMappers().unexpected(new IllegalStateException("Session/EntityManager is closed")).getStatus())
                .isEqualTo(500);
    }

    @Test
    void onceStoppingTheSameFailureIsA503WithRetryAfterAndNothingOfTheInside() {
        shuttingDown.onShutdown(null);
        Response response = new ProblemMappers().unexpected(new IllegalStateException("Session/EntityManager is closed"));
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeaderString("Retry-After")).isEqualTo(String.valueOf(ShuttingDown.RETRY_AFTER_SECONDS));
        assertThat(response.getMediaType()).hasToString(Problem.MEDIA_TYPE);
        Problem problem = (Problem) response.getEntity();
        assertThat(problem.code()).isEqualTo("SERVICE_STOPPING");
        assertThat(problem.detail()).doesNotContain("Session", "EntityManager", "Exception");
    }
}
