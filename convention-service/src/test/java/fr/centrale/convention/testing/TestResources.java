package fr.centrale.convention.testing;

import fr.centrale.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;

/**
 * Every {@code @QuarkusTest} of this module runs against a real PostgreSQL (embedded unless
 * CENTRALE_DB_URL is set) and a WireMock stand-in for membership-service. {@code @QuarkusTestResource}
 * on any class of the test sources applies to all the module's Quarkus tests.
 */
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(MembershipServiceStub.class)
public final class TestResources {

    private TestResources() {
    }
}
