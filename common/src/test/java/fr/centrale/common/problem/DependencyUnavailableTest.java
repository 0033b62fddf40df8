package fr.centrale.common.problem;

import jakarta.ws.rs.ProcessingException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;

import static org.assertj.core.api.Assertions.assertThat;

/** The 503 detail says what happened to the other service, never the Java exception nor an address. */
class DependencyUnavailableTest {

    @Test
    void connectionFailuresAreWordedWithoutTheInside() {
        ProblemException refused = DependencyUnavailable.of("membership-service",
                new ProcessingException(new ConnectException("Connection refused: /10.0.3.7:8081")));
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.getMessage()).isEqualTo("membership-service is unavailable: it refuses connections");
        assertThat(DependencyUnavailable.of("convention-service", new ProcessingException(new IOException("Connection reset by peer")))
                .getMessage()).isEqualTo("convention-service is unavailable: the connection to it failed");
        assertThat(DependencyUnavailable.of("convention-service", new IllegalStateException("io.vertx.core.VertxException: x"))
                .getMessage()).isEqualTo("convention-service is unavailable: the call failed");
    }
}
