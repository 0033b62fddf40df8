package fr.centrale.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import fr.centrale.testing.OperationIds;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code docs/openapi.json}: the gateway's merged OpenAPI document as checked in, from which the build
 * generates the integrators' Java client ({@code openapi-generator-maven-plugin} in this module's pom).
 * {@link GeneratedClientIT} fails when the live document differs from it; run with
 * {@code -Dcentrale.openapi.refresh=true} it writes the live one instead (see {@link #REFRESH_COMMAND}).
 */
final class OpenApiSnapshot {

    static final String REFRESH_PROPERTY = "centrale.openapi.refresh";

    static final String REFRESH_COMMAND = "./mvnw -B -pl system-tests -am verify -Dit.test=GeneratedClientIT "
            + "-Dtest=OpenApiSnapshotTest -Dsurefire.failIfNoSpecifiedTests=false -D" + REFRESH_PROPERTY + "=true";

    static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private OpenApiSnapshot() {
    }

    static Path file() {
        return Centrale.root().resolve("docs/openapi.json");
    }

    static JsonNode read() {
        try {
            return JsonApi.JSON.readTree(Files.readString(file(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file(), e);
        }
    }

    /** The document as stored: keys sorted, two-space indentation, so that a refresh shows a readable diff. */
    static String format(JsonNode document) {
        try {
            Object tree = PRETTY.treeToValue(document, Object.class);
            return PRETTY.writeValueAsString(tree) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path file, JsonNode document) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, format(document), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    /** Every operation as {@code "GET /api/v1/titres"} → its object. */
    static Map<String, JsonNode> operations(JsonNode document) {
        Map<String, JsonNode> operations = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (METHODS.contains(op.getKey())) {
                    operations.put(op.getKey().toUpperCase() + " " + path.getKey(), op.getValue());
                }
            }
        }
        return operations;
    }

    /**
     * What is wrong with the operations' ids ({@link OperationIds}): an operation without one, an id two
     * operations share, an id that is not lowerCamelCase. Empty when every operation has its own.
     */
    @SuppressWarnings("unchecked")
    static List<String> operationIdProblems(JsonNode document) {
        return OperationIds.problems(JsonApi.JSON.convertValue(document.path("paths"), LinkedHashMap.class));
    }

}
