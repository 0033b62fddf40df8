package fr.centrale.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.Secret;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * base/secret-templates holds templates only: valid Secrets with placeholder values, listed by no
 * kustomization, so that `kubectl apply -k` never creates a secret with a known value.
 */
class SecretTemplatesTest {

    private static final Path TEMPLATES = DeployTree.root().resolve("base/secret-templates");

    @Test
    void everyTemplateIsAValidSecretWithPlaceholdersOnly() throws IOException {
        List<Path> files = yamlFiles(TEMPLATES);
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            Manifests manifests = Manifests.read(Files.readString(file), TEMPLATES.relativize(file).toString());
            assertThat(manifests.resources()).as(file.toString()).allSatisfy(r -> assertThat(r).isInstanceOf(Secret.class));
            for (Secret secret : manifests.all(Secret.class)) {
                assertThat(secret.getData()).as("%s: base64 data could hide a real value; use stringData placeholders",
                        secret.getMetadata().getName()).isNullOrEmpty();
                assertThat(secret.getStringData()).as(secret.getMetadata().getName()).isNotEmpty();
                for (Map.Entry<String, String> entry : secret.getStringData().entrySet()) {
                    assertThat(entry.getValue()).as("%s %s", secret.getMetadata().getName(), entry.getKey())
                            .contains("CHANGE_ME");
                }
            }
        }
    }

    @Test
    void theDatabaseTemplatesHaveTheKeysTheServicesRead() throws IOException {
        Manifests manifests = Manifests.read(Files.readString(TEMPLATES.resolve("database-credentials.yaml")), "database-credentials.yaml");
        assertThat(manifests.all(Secret.class)).extracting(s -> s.getMetadata().getName())
                .containsExactlyInAnyOrder("membership-db-app", "convention-db-app", "billing-db-app");
        assertThat(manifests.all(Secret.class))
                .allSatisfy(s -> assertThat(s.getStringData()).containsOnlyKeys("jdbc-uri", "username", "password"));
    }

    @Test
    void noKustomizationListsTheTemplates() throws IOException {
        YAMLMapper yaml = new YAMLMapper();
        try (Stream<Path> all = Files.walk(DeployTree.root())) {
            for (Path kustomization : all.filter(p -> p.getFileName().toString().equals("kustomization.yaml")).toList()) {
                JsonNode node = yaml.readTree(kustomization.toFile());
                for (String field : List.of("resources", "components", "generators")) {
                    for (JsonNode entry : node.path(field)) {
                        assertThat(entry.asText()).as("%s %s", kustomization, field).doesNotContain("secret-templates");
                    }
                }
            }
        }
    }

    private static List<Path> yamlFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }
}
