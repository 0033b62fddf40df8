package fr.centrale.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The policy catches what it is for: each test breaks the rendered production overlay in one place
 * and expects the violation that names it (and the unbroken rendering passes, see OverlaysTest).
 */
class DeployPolicyTest {

    private static final YAMLMapper YAML = new YAMLMapper();

    @Test
    void theProductionRenderingPassesUntouched() {
        assertThat(violations(docs -> { })).isEmpty();
    }

    @Test
    void aDeploymentWithoutReadinessProbe() {
        assertThat(violations(docs -> container(docs, "membership-service").remove("readinessProbe")))
                .singleElement().asString()
                .contains("membership-service", "readinessProbe must GET /q/health/ready");
    }

    @Test
    void aDeploymentWithoutLimits() {
        assertThat(violations(docs -> ((ObjectNode) container(docs, "gateway").path("resources")).remove("limits")))
                .anySatisfy(v -> assertThat(v).contains("gateway", "resources.limits.cpu"));
    }

    @Test
    void aGatewayWithoutItsTokenKey() {
        assertThat(violations(docs -> ((ObjectNode) container(docs, "gateway")).remove("volumeMounts")))
                .anySatisfy(v -> assertThat(v).contains("gateway", "token key /etc/centrale/jwt/public.pem"));
    }

    @Test
    void servicesThatDoNotRequireTheForwardedIdentity() {
        assertThat(violations(docs -> docs.stream()
                .filter(d -> d.path("kind").asText().equals("ConfigMap"))
                .forEach(d -> ((ObjectNode) d.path("data")).put("CENTRALE_IDENTITY_REQUIRED", "false"))))
                .anySatisfy(v -> assertThat(v).contains("CENTRALE_IDENTITY_REQUIRED"));
    }

    @Test
    void aDeploymentRunningAsRoot() {
        assertThat(violations(docs -> ((ObjectNode) pod(docs, "billing-service").path("securityContext"))
                .put("runAsNonRoot", false)))
                .anySatisfy(v -> assertThat(v).contains("billing-service", "non-root"));
    }

    @Test
    void aGarbageCollectorInJavaOptsAppend() {
        assertThat(violations(docs -> {
            for (JsonNode env : container(docs, "convention-service").path("env")) {
                if (env.path("name").asText().equals("JAVA_OPTS_APPEND")) {
                    ((ObjectNode) env).put("value", "-XX:+UseSerialGC " + env.path("value").asText());
                }
            }
        })).anySatisfy(v -> assertThat(v).contains("convention-service", "selects a garbage collector"));
    }

    @Test
    void theBillingServiceReachableFromTheConventionService() {
        assertThat(violations(docs -> {
            ObjectNode rule = (ObjectNode) policy(docs, "billing-service").path("spec").path("ingress").get(0);
            ((ArrayNode) rule.path("from")).addObject().putObject("podSelector").putObject("matchLabels")
                    .put(DeployPolicy.NAME_LABEL, "convention-service");
        })).anySatisfy(v -> assertThat(v).contains("billing-service", "reachable from", "convention-service"));
    }

    @Test
    void aServiceReachingAnotherServicesDatabase() {
        assertThat(violations(docs -> ((ArrayNode) policy(docs, "convention-service").path("spec").path("egress"))
                .addObject().putArray("to").addObject().putObject("podSelector").putObject("matchLabels")
                .put(DeployPolicy.CNPG_LABEL, "billing-db")))
                .anySatisfy(v -> assertThat(v).contains("convention-service", "may call", "db:billing-db"));
    }

    @Test
    void theOperatorLockedOutOfADatabase() {
        assertThat(violations(docs -> {
            ArrayNode rules = (ArrayNode) policy(docs, "membership-db").path("spec").path("ingress");
            for (int i = rules.size() - 1; i >= 0; i--) {
                if (rules.get(i).toString().contains("cnpg-system")) {
                    rules.remove(i);
                }
            }
        })).anySatisfy(v -> assertThat(v).contains("membership-db", "operator"));
    }

    @Test
    void noDefaultDeny() {
        assertThat(violations(docs -> docs.removeIf(d -> d.path("metadata").path("name").asText().equals("default-deny-ingress"))))
                .anySatisfy(v -> assertThat(v).contains("default-deny"));
    }

    @Test
    void anIngressForAnotherService() {
        assertThat(violations(docs -> {
            ObjectNode ingress = find(docs, "Ingress", "gateway").deepCopy();
            ((ObjectNode) ingress.path("metadata")).put("name", "membership");
            ((ObjectNode) ingress.at("/spec/rules/0/http/paths/0/backend/service")).put("name", "membership-service");
            docs.add(ingress);
        })).anySatisfy(v -> assertThat(v).contains("only the gateway has an Ingress"));
    }

    @Test
    void aTwoInstanceDatabase() {
        assertThat(violations(docs -> ((ObjectNode) find(docs, "Cluster", "billing-db").path("spec")).put("instances", 2)))
                .anySatisfy(v -> assertThat(v).contains("billing-db", "3 instances"));
    }

    @Test
    void webhookEgressIntoThePrivateRanges() {
        assertThat(violations(docs -> ((ArrayNode) policy(docs, "billing-service").at("/spec/egress/4/to/0/ipBlock/except"))
                .removeAll()))
                .anySatisfy(v -> assertThat(v).contains("billing-service", "may call", "ANY"));
    }

    @Test
    void aClusterWithoutWalArchiving() {
        assertThat(violations(docs -> ((ObjectNode) find(docs, "Cluster", "convention-db").path("spec")).remove("plugins")))
                .singleElement().asString().contains("convention-db", "isWALArchiver");
    }

    @Test
    void aClusterArchivingToAnUnknownStore() {
        assertThat(violations(docs -> ((ObjectNode) find(docs, "Cluster", "billing-db").at("/spec/plugins/0/parameters"))
                .put("barmanObjectName", "elsewhere")))
                .singleElement().asString().contains("billing-db", "\"elsewhere\"", "do not define");
    }

    @Test
    void aClusterWithoutScheduledBackup() {
        assertThat(violations(docs -> docs.remove(find(docs, "ScheduledBackup", "membership-db-nightly"))))
                .singleElement().asString().contains("membership-db", "ScheduledBackup");
    }

    @Test
    void objectStoreCredentialsWrittenInTheManifests() {
        assertThat(violations(docs -> ((ObjectNode) find(docs, "ObjectStore", "centrale-backups")
                .at("/spec/configuration/s3Credentials")).put("accessKeyId", "AKIA0000")))
                .anySatisfy(v -> assertThat(v).contains("centrale-backups", "accessKeyId", "Secret"));
    }

    @Test
    void noAutoscalerForTheConventionService() {
        assertThat(violations(docs -> docs.remove(find(docs, "HorizontalPodAutoscaler", "convention-service"))))
                .anySatisfy(v -> assertThat(v).contains("autoscaled"))
                .anySatisfy(v -> assertThat(v).contains("convention-service", "at least 2 replicas"));
    }

    @Test
    void noDisruptionBudgetForTheGateway() {
        assertThat(violations(docs -> docs.remove(find(docs, "PodDisruptionBudget", "gateway"))))
                .anySatisfy(v -> assertThat(v).contains("gateway", "PodDisruptionBudget"));
    }

    @Test
    void aSecretInTheManifests() {
        assertThat(violations(docs -> {
            ObjectNode secret = YAML.createObjectNode().put("apiVersion", "v1").put("kind", "Secret");
            secret.putObject("metadata").put("name", "membership-db-app");
            secret.putObject("stringData").put("password", "hunter2");
            docs.add(secret);
        })).anySatisfy(v -> assertThat(v).contains("Secret membership-db-app"));
    }

    @Test
    void aDatabaseCredentialFromAnotherSecret() {
        assertThat(violations(docs -> {
            for (JsonNode env : container(docs, "billing-service").path("env")) {
                if (env.path("name").asText().equals("BILLING_DB_PASSWORD")) {
                    ((ObjectNode) env.at("/valueFrom/secretKeyRef")).put("name", "billing-password");
                }
            }
        })).anySatisfy(v -> assertThat(v).contains("BILLING_DB_PASSWORD"));
    }

    // ---------------------------------------------------------------------------------------------

    private static List<String> violations(Consumer<List<ObjectNode>> breakIt) {
        String rendered = DeployTree.render(DeployTree.root().resolve("overlays/production"));
        List<ObjectNode> docs = new ArrayList<>();
        try (var parser = YAML.getFactory().createParser(rendered)) {
            YAML.readValues(parser, ObjectNode.class).forEachRemaining(docs::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        breakIt.accept(docs);
        StringBuilder yaml = new StringBuilder();
        for (ObjectNode doc : docs) {
            try {
                yaml.append(YAML.writeValueAsString(doc));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return DeployPolicy.violations(Manifests.read(yaml.toString(), "broken production"), DeployPolicy.Profile.PRODUCTION);
    }

    private static ObjectNode find(List<ObjectNode> docs, String kind, String name) {
        return docs.stream()
                .filter(d -> d.path("kind").asText().equals(kind) && d.path("metadata").path("name").asText().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    private static ObjectNode pod(List<ObjectNode> docs, String deployment) {
        return (ObjectNode) find(docs, "Deployment", deployment).at("/spec/template/spec");
    }

    private static ObjectNode container(List<ObjectNode> docs, String deployment) {
        return (ObjectNode) pod(docs, deployment).path("containers").get(0);
    }

    private static ObjectNode policy(List<ObjectNode> docs, String name) {
        return find(docs, "NetworkPolicy", name);
    }
}
