package fr.centrale.convention.benchmark;

import fr.centrale.common.web.PageRequest;
import fr.centrale.convention.service.ConventionService;
import fr.centrale.convention.testing.MembershipServiceStub;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/**
 * CPU time of one read of a convention (three beneficiaries, two amendments) and of a page of ten, spent in the
 * service below HTTP: transaction, Hibernate, JDBC driver, the view. Not part of the test suite (its name does not
 * end in Test); run it with
 * {@code ./mvnw -B -o -pl common,test-support,convention-service verify -Dtest=ConventionReadBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * The figures are relative: compare two builds on the same machine, one run after the other.
 */
@QuarkusTest
class ConventionReadBenchmark {

    private static final String CONVENTION = "/api/v1/conventions/{id}";
    private static final int WARM_UP = Integer.getInteger("bench.warm-up", 3_000);
    private static final int READS = Integer.getInteger("bench.reads", 2_000);
    private static final int ROUNDS = 3;

    @Inject
    ConventionService service;

    @Test
    void reads() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        List<UUID> members = List.of(member("Bench H " + tag), member("Bench A " + tag), member("Bench B " + tag));
        UUID id = null;
        for (int n = 0; n < 10; n++) {
            id = convention(members);
        }
        UUID one = id;
        PageRequest page = PageRequest.of(0, 10);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        ManagedContext requests = Arc.container().requestContext();
        Map<String, Runnable> reads = new LinkedHashMap<>();
        reads.put("GET /conventions/{id}", () -> service.get(one));
        reads.put("GET /conventions?organisationId= (10)", () -> service.list(members.get(0), null, null, page));
        for (int i = 0; i < WARM_UP; i++) {
            reads.values().forEach(read -> inRequest(requests, read));
        }
        Map<String, List<Long>> cpu = new LinkedHashMap<>();
        for (int round = 0; round < ROUNDS; round++) {
            for (var read : reads.entrySet()) {
                long t0 = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < READS; i++) {
                    inRequest(requests, read.getValue());
                }
                cpu.computeIfAbsent(read.getKey(), k -> new ArrayList<>()).add((threads.getCurrentThreadCpuTime() - t0) / 1_000 / READS);
            }
        }
        System.out.printf("%n| read | µs CPU per read, each round |%n|---|---|%n");
        cpu.forEach((read, rounds) -> System.out.printf("| %s | %s |%n", read, rounds));
        System.out.println();
    }

    /** A request of its own (an internal caller, no identity headers), as each HTTP request has. */
    private static void inRequest(ManagedContext requests, Runnable read) {
        requests.activate();
        try {
            read.run();
        } finally {
            requests.terminate();
        }
    }

    private static UUID member(String name) {
        UUID id = UUID.randomUUID();
        MembershipServiceStub.stubOrganisation(id, name, "DEPARTEMENT", null, null, "62");
        MembershipServiceStub.stubMember(id, "RESAH", "MEMBER", "2020-01-01");
        return id;
    }

    private static UUID convention(List<UUID> members) {
        Map<String, Object> body = new HashMap<>();
        body.put("offer", "RESAH-2021-008-LOT3");
        body.put("signatoryId", members.get(0));
        body.put("mode", "PURCHASING_GROUP");
        body.put("endsOn", "2025-06-30");
        body.put("beneficiaries", members.stream().map(o -> {
            Map<String, Object> line = new HashMap<>();
            line.put("organisationId", o);
            line.put("startsOn", "2024-01-15");
            line.put("share", 500);
            line.put("maximumAmount", 10000);
            return line;
        }).toList());
        String id = given().contentType(ContentType.JSON).body(body).when().post("/api/v1/conventions")
                .then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).body(Map.of("signedOn", "2024-01-10"))
                .when().post(CONVENTION + "/signature", id).then().statusCode(200);
        for (UUID o : members.subList(1, 3)) {
            given().contentType(ContentType.JSON).body(Map.of("type", "INCREASE_MAXIMUM", "effectiveOn", "2024-06-01",
                            "signedOn", "2024-05-20", "organisationId", o, "maximumAmount", 12000))
                    .when().post(CONVENTION + "/amendments", id).then().statusCode(201);
        }
        return UUID.fromString(id);
    }
}
