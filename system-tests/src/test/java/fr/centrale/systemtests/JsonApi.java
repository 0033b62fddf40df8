package fr.centrale.systemtests;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * A JSON client of one running service. An answer with another status than the expected one fails the
 * test with the request, the answer and the end of the service's log. Numbers with a fraction are read as
 * {@link java.math.BigDecimal}, so amounts keep their cents exactly as written ("1152.08", "1500.00").
 */
final class JsonApi {

    static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            // Keep "600.00" as written: by default a tree normalises decimals to 6E+2.
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private final ServiceProcess service;
    private final HttpClient http;
    private final Map<String, String> headers;

    JsonApi(ServiceProcess service, HttpClient http) {
        this(service, http, Map.of());
    }

    private JsonApi(ServiceProcess service, HttpClient http, Map<String, String> headers) {
        this.service = service;
        this.http = http;
        this.headers = Map.copyOf(headers);
    }

    /** The same API, each request carrying {@code headers} too (e.g. Authorization). */
    JsonApi with(Map<String, String> headers) {
        Map<String, String> all = new java.util.LinkedHashMap<>(this.headers);
        all.putAll(headers);
        return new JsonApi(service, http, all);
    }

    ServiceProcess service() {
        return service;
    }

    JsonNode get(String path) {
        return send("GET", path, null, 200, DEFAULT_TIMEOUT);
    }

    /** POST expecting 201 Created. */
    JsonNode create(String path, Object body) {
        return send("POST", path, body, 201, DEFAULT_TIMEOUT);
    }

    JsonNode post(String path, Object body, int expectedStatus) {
        return send("POST", path, body, expectedStatus, DEFAULT_TIMEOUT);
    }

    /** {@code body}: a JSON text, or an object Jackson writes as JSON; null for none. */
    JsonNode send(String method, String path, Object body, int expectedStatus, Duration timeout) {
        URI uri = service.url(path);
        String json = body == null ? null : toJson(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json");
        headers.forEach(request::header);
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(method + " " + uri + " failed: " + e + service.logTail(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(method + " " + uri + " interrupted", e);
        }
        if (response.statusCode() != expectedStatus) {
            throw new AssertionError(method + " " + uri + " answered " + response.statusCode() + ", expected " + expectedStatus
                    + (json == null ? "" : "\nRequest:  " + json.strip())
                    + "\nResponse: " + response.body() + service.logTail());
        }
        try {
            return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new AssertionError(method + " " + uri + " answered something else than JSON: " + response.body(), e);
        }
    }

    static String toJson(Object body) {
        if (body instanceof String text) {
            return text;
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write " + body + " as JSON", e);
        }
    }
}
