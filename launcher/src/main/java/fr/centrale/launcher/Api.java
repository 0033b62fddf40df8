package fr.centrale.launcher;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A minimal JSON client of one service's REST API: any answer other than 2xx ends the run. */
final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Service service;
    private final HttpClient http;

    Api(Service service, HttpClient http) {
        this.service = service;
        this.http = http;
    }

    Service service() {
        return service;
    }

    JsonNode get(String path) {
        return send("GET", path, null);
    }

    /** {@code body}: a JSON text, or an object Jackson writes as JSON. */
    JsonNode post(String path, Object body) {
        return send("POST", path, body);
    }

    JsonNode put(String path, Object body) {
        return send("PUT", path, body);
    }

    private JsonNode send(String method, String path, Object body) {
        URI uri = service.url(path);
        String json = body == null ? null : toJson(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new LaunchException(method + " " + uri + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException(method + " " + uri + " interrupted", e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new LaunchException(method + " " + uri + " answered " + response.statusCode()
                    + (json == null ? "" : "\nRequest:  " + json.strip())
                    + "\nResponse: " + response.body());
        }
        try {
            return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new LaunchException(method + " " + uri + " answered something else than JSON: " + response.body(), e);
        }
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Invalid JSON: " + json, e);
        }
    }

    private static String toJson(Object body) {
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
