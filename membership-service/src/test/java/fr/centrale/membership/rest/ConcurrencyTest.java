package fr.centrale.membership.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Requests that race each other still leave exactly one result behind. */
@QuarkusTest
class ConcurrencyTest {

    private static final int RACERS = 8;

    private static List<Response> race(Callable<Response> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return request.call();
                }));
            }
            start.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> f : futures) {
                responses.add(f.get());
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void racingBulletinsOfOneOrganisationMakeOneMembership() throws Exception {
        String org = Fixtures.createOrganisation("Département du Nord", "DEPARTEMENT", "59000");
        Map<String, Object> body = Map.of("organisationId", org, "purchasingBody", "RESAH", "bulletinReceivedOn", "2024-02-01");
        List<Response> responses = race(() -> given().contentType(ContentType.JSON).body(body).post("/api/v1/memberships"));
        assertEquals(1, responses.stream().filter(r -> r.statusCode() == 201).count(), "exactly one created");
        assertEquals(RACERS - 1, responses.stream().filter(r -> r.statusCode() == 409).count(), "the others refused");
        given().queryParam("organisationId", org).when().get("/api/v1/memberships").then().body("total", equalTo(1));
    }

    @Test
    void racingRequestsWithOneIdempotencyKeyCreateOnce() throws Exception {
        Map<String, Object> body = Fixtures.organisation("Commune de Béthune", "COMMUNE", "62400");
        String key = UUID.randomUUID().toString();
        List<Response> responses = race(() -> given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(body).post("/api/v1/organisations"));
        assertEquals(RACERS, responses.stream().filter(r -> r.statusCode() == 201).count());
        assertEquals(1, responses.stream().map(r -> r.<String>path("id")).distinct().count(), "one organisation for all");
        given().queryParam("siret", body.get("siret")).when().get("/api/v1/organisations").then().body("total", equalTo(1));
    }
}
