package fr.centrale.membership.rest;

import fr.centrale.testing.OperationIds;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every operation of this service's OpenAPI document has an explicit, unique, lowerCamelCase
 * {@code operationId}: a client generated from the gateway's merged document names its methods after them
 * (docs/integrating.md). Uniqueness across the three services: system-tests' {@code OpenApiSnapshotTest}.
 */
@QuarkusTest
class OperationIdsTest {

    @Test
    void everyOperationHasItsOwnOperationId() {
        Map<String, Map<String, Object>> paths = given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().jsonPath().getMap("paths");
        assertTrue(paths.size() > 3, "paths of /q/openapi");
        assertEquals(List.of(), OperationIds.problems(paths));
    }
}
