package fr.centrale.convention.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static fr.centrale.convention.rest.ConventionFixtures.beneficiary;
import static fr.centrale.convention.rest.ConventionFixtures.createAndSign;
import static fr.centrale.convention.rest.ConventionFixtures.ownAccount;
import static fr.centrale.convention.rest.ConventionFixtures.resahMember;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Two concurrent orders can never together exceed a maximum (docs/rules.md, section 7). */
@QuarkusTest
class ConcurrentOrdersTest {

    @Test
    void racingOrdersStopExactlyAtTheMaximum() throws Exception {
        UUID dep = resahMember("Département du Pas-de-Calais", "DEPARTEMENT");
        Map<String, Object> body = ownAccount("RESAH-2021-046-001", dep, "2024-01-15", "2027-01-14");
        Map<String, Object> b = beneficiary(dep, "2024-01-15");
        b.put("maximumAmount", 10000);
        body.put("beneficiaries", List.of(b));
        String id = createAndSign(body, "2024-01-10");

        int racers = 12;   // 12 orders of 1 000 € against a maximum of 10 000 €: exactly 10 may pass
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> futures = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            String reference = "BC-" + i;
            futures.add(pool.submit(() -> {
                start.await();
                return given().contentType(ContentType.JSON)
                        .body(Map.of("organisationId", dep, "amount", 1000, "orderedOn", "2024-03-01", "reference", reference))
                        .post("/api/v1/conventions/" + id + "/orders");
            }));
        }
        start.countDown();
        int created = 0;
        int refused = 0;
        for (Future<Response> f : futures) {
            int status = f.get().statusCode();
            if (status == 201) {
                created++;
            } else if (status == 422 || status == 409) {
                refused++;
            }
        }
        pool.shutdownNow();
        assertEquals(10, created, "exactly the maximum is ordered");
        assertEquals(2, refused);
        given().when().get("/api/v1/conventions/" + id).then()
                .body("beneficiaries[0].consumedAmount", equalTo(10000.00f))
                .body("beneficiaries[0].status", equalTo("LAPSED"))
                .body("status", equalTo("LAPSED"));
        given().when().get("/api/v1/conventions/" + id + "/orders").then().body("$", hasSize(10));
    }
}
