package fr.centrale.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every overlay of deploy/overlays (and the base) renders with {@code kubectl kustomize}, every rendered
 * document is valid against the Kubernetes model (CloudNativePG Clusters against their checked fields),
 * and the rendering follows the deployment policy of its environment.
 */
class OverlaysTest {

    @Test
    void theLocalAndProductionOverlaysExist() {
        assertThat(DeployTree.overlays()).extracting(p -> p.getFileName().toString()).contains("local", "production");
    }

    @TestFactory
    Stream<DynamicTest> everyOverlayRendersAsValidKubernetesAndFollowsThePolicy() {
        List<Path> dirs = new ArrayList<>();
        dirs.add(DeployTree.root().resolve("base"));
        dirs.addAll(DeployTree.overlays());
        return dirs.stream().map(dir -> {
            String name = DeployTree.root().relativize(dir).toString();
            return dynamicTest(name, () -> {
                String yaml = DeployTree.render(dir);
                Manifests manifests = Manifests.read(yaml, name);
                DeployPolicy.Profile profile = dir.getFileName().toString().equals("base")
                        ? DeployPolicy.Profile.COMMON
                        : DeployPolicy.Profile.of(dir.getFileName().toString());
                assertThat(DeployPolicy.violations(manifests, profile))
                        .as("deployment policy (%s) of %s", profile, name)
                        .isEmpty();
            });
        });
    }

    @Test
    void productionHasItsReplicasAutoscalersBudgetsDatabasesAndIngress() {
        Manifests production = Manifests.read(DeployTree.render(DeployTree.root().resolve("overlays/production")),
                "overlays/production");
        assertThat(production.all(io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler.class))
                .extracting(h -> h.getSpec().getScaleTargetRef().getName())
                .containsExactlyInAnyOrder("gateway", "membership-service", "convention-service");
        assertThat(production.all(io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget.class)).hasSize(4);
        assertThat(production.clusters()).hasSize(3)
                .allSatisfy(c -> assertThat(c.path("spec").path("instances").asInt()).isEqualTo(3));
        assertThat(production.all(io.fabric8.kubernetes.api.model.networking.v1.Ingress.class))
                .singleElement()
                .satisfies(i -> assertThat(i.getSpec().getTls()).singleElement()
                        .satisfies(t -> assertThat(t.getSecretName()).isEqualTo("centrale-tls")));
        assertThat(production.all(io.fabric8.kubernetes.api.model.apps.Deployment.class))
                .filteredOn(d -> d.getMetadata().getName().equals("billing-service"))
                .singleElement()
                .satisfies(d -> assertThat(d.getSpec().getReplicas()).isEqualTo(2));
    }

    @Test
    void localRunsOneOfEachWithoutIngressNorAutoscaler() {
        Manifests local = Manifests.read(DeployTree.render(DeployTree.root().resolve("overlays/local")), "overlays/local");
        assertThat(local.all(io.fabric8.kubernetes.api.model.apps.Deployment.class)).hasSize(4)
                .allSatisfy(d -> assertThat(d.getSpec().getReplicas()).isEqualTo(1));
        assertThat(local.clusters()).hasSize(3)
                .allSatisfy(c -> assertThat(c.path("spec").path("instances").asInt()).isEqualTo(1));
        assertThat(local.all(io.fabric8.kubernetes.api.model.networking.v1.Ingress.class)).isEmpty();
        assertThat(local.all(io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler.class)).isEmpty();
    }
}
