package fr.centrale.launcher;

import fr.centrale.testing.LocalTokens;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Sequential reads of one list per service, the way a client warms a service up (the gateway with a reader's token). */
final class Reads {

    private Reads() {
    }

    /** {@code count} GETs of {@link #path(Service)}; fails on the first answer that is not 200. */
    static void repeat(HttpClient http, Service service, LocalTokens tokens, int count) throws IOException, InterruptedException {
        String path = path(service);
        HttpRequest.Builder request = HttpRequest.newBuilder(service.url(path)).timeout(Duration.ofSeconds(10));
        if (service == Service.GATEWAY) {
            request.header("Authorization", "Bearer " + tokens.token("reader", null));
        }
        for (int i = 0; i < count; i++) {
            HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(service.module() + " " + path + " answered " + response.statusCode());
            }
        }
    }

    static String path(Service service) {
        return switch (service) {
            case MEMBERSHIP -> "/api/v1/purchasing-bodies";
            case CONVENTION, GATEWAY -> "/api/v1/offers?size=20";
            case BILLING -> "/api/v1/titres";
        };
    }
}
