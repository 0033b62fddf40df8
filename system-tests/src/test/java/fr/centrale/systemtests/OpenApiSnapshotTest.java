package fr.centrale.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docs/openapi.json}, the document integrators build from (the live one is checked against it by
 * {@link GeneratedClientIT}): every operation has its own stable lowerCamelCase {@code operationId}, every
 * representation is described (the printable titre, the CSV exports), and {@code @redocly/cli lint} finds
 * no error in it. The lint runs the pinned version through {@code npx} (node and npm on PATH; the first run
 * fetches it from the npm registry).
 */
class OpenApiSnapshotTest {

    /** Pinned: a new version may add rules; raise it on purpose. */
    static final String REDOCLY_CLI = "@redocly/cli@2.77.0";

    private final JsonNode document = OpenApiSnapshot.read();

    @Test
    void everyOperationHasItsOwnOperationId() {
        assertThat(OpenApiSnapshot.operations(document)).hasSizeGreaterThan(40);
        assertThat(OpenApiSnapshot.operationIdProblems(document)).isEmpty();
    }

    @Test
    void theProblemsFoundAreNamed() {
        JsonNode broken = document.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) broken.path("paths").path("/api/v1/titres").path("get"))
                .remove("operationId");
        ((com.fasterxml.jackson.databind.node.ObjectNode) broken.path("paths").path("/api/v1/offers").path("get"))
                .put("operationId", "getTitre");
        assertThat(OpenApiSnapshot.operationIdProblems(broken)).containsExactlyInAnyOrder(
                "GET /api/v1/titres has no operationId (add operationId = \"...\" to its @Operation)",
                "GET /api/v1/titres/{id}: operationId \"getTitre\" is also the id of GET /api/v1/offers");
    }

    @Test
    void everyRepresentationIsInTheDocument() {
        JsonNode titre = document.path("paths").path("/api/v1/titres/{id}").path("get").path("responses").path("200").path("content");
        assertThat(titre.has("application/json")).as("GET /api/v1/titres/{id} in JSON").isTrue();
        assertThat(titre.path("application/pdf").path("schema").path("format").asText())
                .as("the printable titre (Accept: application/pdf)").isEqualTo("binary");
        assertThat(document.path("paths").path("/api/v1/titres/export").path("get").path("responses").path("200")
                .path("content").fieldNames()).toIterable().anyMatch(t -> t.startsWith("text/csv"));
        assertThat(document.path("paths").path("/api/v1/offers/export").path("get").path("responses").path("200")
                .path("content").fieldNames()).toIterable().anyMatch(t -> t.startsWith("text/csv"));
    }

    @Test
    void redoclyFindsNoError() throws IOException, InterruptedException {
        Path report = Files.createDirectories(Centrale.outputDir()).resolve("redocly-lint.txt");
        List<String> command = new ArrayList<>(List.of("npx", "--yes", REDOCLY_CLI, "lint",
                "--format=stylish", OpenApiSnapshot.file().toString()));
        Process lint = new ProcessBuilder(command)
                .directory(Centrale.outputDir().toFile())
                .redirectErrorStream(true)
                .redirectOutput(report.toFile())
                .start();
        boolean ended = lint.waitFor(5, TimeUnit.MINUTES);
        if (!ended) {
            lint.destroyForcibly();
        }
        String output = Files.readString(report, StandardCharsets.UTF_8);
        assertThat(ended).as("redocly lint ended within 5 minutes:%n%s", output).isTrue();
        assertThat(lint.exitValue()).as("npx %s lint docs/openapi.json (full report: %s):%n%s", REDOCLY_CLI, report, output)
                .isZero();
        assertThat(output).contains("Your API description is valid");
    }
}
