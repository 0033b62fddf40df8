package fr.centrale.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The validation fails on what the API server would refuse: it can fail, and says where. */
class ManifestsTest {

    /** A valid Deployment; the tests below break it in one place each. */
    static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: example
            spec:
              replicas: 2
              selector:
                matchLabels:
                  app.kubernetes.io/name: example
              template:
                metadata:
                  labels:
                    app.kubernetes.io/name: example
                spec:
                  containers:
                    - name: example
                      image: centrale/example:1.0.0
                      ports:
                        - name: http
                          containerPort: 8080
                      env:
                        - name: EXAMPLE_PORT
                          value: "8080"
                      readinessProbe:
                        httpGet:
                          path: /q/health/ready
                          port: http
                      resources:
                        requests:
                          cpu: 250m
                          memory: 384Mi
                        limits:
                          cpu: "1"
                          memory: 512Mi
            """;

    static final String CLUSTER = """
            apiVersion: postgresql.cnpg.io/v1
            kind: Cluster
            metadata:
              name: example-db
            spec:
              instances: 3
              storage:
                size: 10Gi
              bootstrap:
                initdb:
                  database: example
                  owner: example
            """;

    @Test
    void theValidDocumentsPass() {
        Manifests manifests = Manifests.read(DEPLOYMENT + "---\n" + CLUSTER, "valid");
        assertThat(manifests.all(Deployment.class)).singleElement()
                .satisfies(d -> assertThat(d.getSpec().getReplicas()).isEqualTo(2));
        assertThat(manifests.clusters()).hasSize(1);
    }

    @Test
    void aMisspeltFieldFails() {
        String yaml = DEPLOYMENT.replace("  replicas: 2", "  replicass: 2");
        assertThatThrownBy(() -> Manifests.read(yaml, "misspelt"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Deployment example")
                .hasMessageContaining("\"replicass\"");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // what                               | original                                  | broken                                       | reported
            "a misspelt field deep in the pod     | readinessProbe:                           | readinesProbe:                               | readinesProbe",
            "a field at the wrong level           | '  replicas: 2'                           | '  replicas: 2\\n  containerPort: 8080'      | containerPort",
            "a word where an integer goes         | replicas: 2                               | replicas: two                                | spec.replicas",
            "a string where an integer goes       | containerPort: 8080                       | containerPort: \"8080\"                      | ports[0].containerPort",
            "a number where a string goes         | value: \"8080\"                           | value: 8080                                  | env[0].value",
            "a list where a mapping goes          | '  selector:\\n    matchLabels:\\n      app.kubernetes.io/name: example' | '  selector: [example]' | spec.selector",
            "a malformed quantity                 | memory: 512Mi                             | memory: 512MB                                | 512MB",
            "an apiVersion that no longer exists  | apiVersion: apps/v1                       | apiVersion: extensions/v1beta1               | extensions/v1beta1",
            "a duplicated key                     | '  replicas: 2'                           | '  replicas: 2\\n  replicas: 3'              | replicas",
    })
    void aBrokenDeploymentFails(String what, String original, String broken, String reported) {
        assertThat(DEPLOYMENT).contains(original.translateEscapes());
        String yaml = DEPLOYMENT.replaceFirst(java.util.regex.Pattern.quote(original.translateEscapes()),
                java.util.regex.Matcher.quoteReplacement(broken.translateEscapes()));
        assertThatThrownBy(() -> Manifests.read(yaml, what))
                .as(what)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(reported);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no owner                    | '      owner: example'   | ''                             | initdb.owner",
            "instances as a string       | 'instances: 3'           | 'instances: \"3\"'             | spec.instances",
            "a misspelt spec field       | 'instances: 3'           | 'instance: 3'                  | 'spec.instance is not'",
            "a storage size in words     | 'size: 10Gi'             | 'size: ten gigabytes'          | spec.storage.size",
            "another apiVersion          | postgresql.cnpg.io/v1    | postgresql.cnpg.io/v1beta1     | postgresql.cnpg.io/v1beta1",
    })
    void aBrokenClusterFails(String what, String original, String broken, String reported) {
        assertThat(CLUSTER).contains(original.translateEscapes());
        String yaml = CLUSTER.replace(original.translateEscapes(), broken.translateEscapes());
        assertThatThrownBy(() -> Manifests.read(yaml, what))
                .as(what)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(reported);
    }

    @Test
    void aPostgresqlParameterThatIsNotAString() {
        String yaml = CLUSTER + "  postgresql:\n    parameters:\n      max_connections: 200\n";
        assertThatThrownBy(() -> Manifests.read(yaml, "unquoted parameter"))
                .hasMessageContaining("spec.postgresql.parameters.max_connections must be a string");
        assertThat(Manifests.read(yaml.replace("200", "\"200\""), "quoted parameter").clusters()).hasSize(1);
    }

    @Test
    void everyErrorIsReportedAtOnce() {
        String yaml = DEPLOYMENT.replace("  replicas: 2", "  replicass: 2") + "---\n"
                + CLUSTER.replace("      owner: example\n", "");
        assertThatThrownBy(() -> Manifests.read(yaml, "two errors"))
                .hasMessageStartingWith("2 invalid manifest(s) in two errors")
                .hasMessageContaining("replicass")
                .hasMessageContaining("initdb.owner");
    }
}
