package fr.centrale.gateway;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The id the gateway gives a request that came without one: a random version-4 UUID. */
class RequestIdTest {

    @Test
    void aRequestIdIsARandomVersion4Uuid() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            String id = GatewayInterceptor.newRequestId();
            UUID uuid = UUID.fromString(id);
            assertThat(uuid.version()).isEqualTo(4);
            assertThat(uuid.variant()).isEqualTo(2);
            assertThat(id).isEqualTo(uuid.toString());
            ids.add(id);
        }
        assertThat(ids).hasSize(1_000);
    }
}
