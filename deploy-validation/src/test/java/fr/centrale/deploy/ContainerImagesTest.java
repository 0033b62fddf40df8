package fr.centrale.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each service's Dockerfile.jvm follows the Quarkus convention and agrees with the manifests: the port
 * it exposes is the service's default port (application.properties) and the Deployment's containerPort.
 */
class ContainerImagesTest {

    @ParameterizedTest
    @ValueSource(strings = {"gateway", "membership-service", "convention-service", "billing-service"})
    void theDockerfileFollowsTheQuarkusConventionAndTheServicesPort(String service) throws IOException {
        Path module = DeployTree.repository().resolve(service);
        String dockerfile = Files.readString(module.resolve("src/main/docker/Dockerfile.jvm"));
        DeployPolicy.App app = DeployPolicy.APPS.stream().filter(a -> a.name().equals(service)).findFirst().orElseThrow();

        assertThat(dockerfile)
                .containsPattern("(?m)^FROM registry\\.access\\.redhat\\.com/ubi9/openjdk-17-runtime:[0-9.]+$")
                .contains("COPY --chown=185 target/quarkus-app/lib/ /deployments/lib/")
                .contains("COPY --chown=185 target/quarkus-app/*.jar /deployments/")
                .contains("COPY --chown=185 target/quarkus-app/app/ /deployments/app/")
                .contains("COPY --chown=185 target/quarkus-app/quarkus/ /deployments/quarkus/")
                .containsPattern("(?m)^USER 185$")
                .containsPattern("(?m)^EXPOSE " + app.port() + "$")
                .containsPattern("(?m)^ENV JAVA_OPTS_APPEND=\".*-Djava.util.logging.manager=org.jboss.logmanager.LogManager.*\"$")
                .contains("ENV JAVA_APP_JAR=\"/deployments/quarkus-run.jar\"")
                .contains("ENTRYPOINT [ \"/opt/jboss/container/java/run/run-java.sh\" ]");

        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(module.resolve("src/main/resources/application.properties"))) {
            properties.load(reader);
        }
        assertThat(properties.getProperty("quarkus.http.port"))
                .isEqualTo("${" + app.prefix() + "_PORT:" + app.port() + "}");
    }
}
