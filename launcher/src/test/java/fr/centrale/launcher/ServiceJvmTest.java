package fr.centrale.launcher;

import fr.centrale.testing.ServiceJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which class data a packaged service starts with: the AOT cache of its build (JDK 25+), else the AppCDS archive. */
class ServiceJvmTest {

    @TempDir
    Path app;

    private Path application(Instant built) throws Exception {
        Path jar = Files.writeString(app.resolve("quarkus-run.jar"), "jar");
        Path lib = Files.createDirectories(app.resolve("lib/main"));
        Files.writeString(lib.resolve("a.jar"), "a");
        for (Path p : List.of(jar, lib.resolve("a.jar"))) {
            Files.setLastModifiedTime(p, FileTime.from(built));
        }
        return jar;
    }

    private void cacheMadeAt(Instant made) throws Exception {
        Path cache = Files.writeString(app.resolve(ServiceJvm.AOT_CACHE), "cache");
        Files.setLastModifiedTime(cache, FileTime.from(made));
    }

    @Test
    void theCacheIsUpToDateWhenNewerThanEveryFileOfTheApplication() throws Exception {
        Instant built = Instant.parse("2026-11-23T08:00:00Z");
        Path jar = application(built);
        assertThat(ServiceJvm.isAotCacheUpToDate(jar)).as("no cache yet").isFalse();

        cacheMadeAt(built.plusSeconds(60));
        assertThat(ServiceJvm.isAotCacheUpToDate(jar)).isTrue();

        Files.setLastModifiedTime(app.resolve("lib/main/a.jar"), FileTime.from(built.plusSeconds(120)));
        assertThat(ServiceJvm.isAotCacheUpToDate(jar)).as("a library rebuilt after the training").isFalse();
    }

    @Test
    void theAppCdsArchiveIsNotAReasonToTrainAgain() throws Exception {
        Instant built = Instant.parse("2026-11-23T08:00:00Z");
        Path jar = application(built);
        cacheMadeAt(built.plusSeconds(60));
        Path archive = Files.writeString(app.resolve("app-cds.jsa"), "archive");
        Files.setLastModifiedTime(archive, FileTime.from(built.plusSeconds(600)));
        assertThat(ServiceJvm.isAotCacheUpToDate(jar)).isTrue();
    }

    @Test
    void theCommandUsesTheClassDataOfItsJdk() throws Exception {
        Instant built = Instant.parse("2026-11-23T08:00:00Z");
        Path jar = application(built);
        Files.writeString(app.resolve("app-cds.jsa"), "archive");
        cacheMadeAt(built.plusSeconds(60));

        List<String> command = ServiceJvm.command(jar, Map.of("quarkus.http.port", "8081"));
        assertThat(command.get(command.size() - 1)).isEqualTo("quarkus-run.jar");
        assertThat(command).contains("-Dquarkus.http.port=8081", "-XX:+UseSerialGC");
        if (ServiceJvm.hasAotCache()) {
            assertThat(command).contains("-XX:AOTCache=" + ServiceJvm.AOT_CACHE).doesNotContain("-XX:SharedArchiveFile=app-cds.jsa");
            assertThat(ServiceJvm.trainingCommand(jar, Map.of())).contains("-XX:AOTCacheOutput=" + ServiceJvm.AOT_CACHE);
        } else {
            assertThat(command).contains("-XX:SharedArchiveFile=app-cds.jsa", "-Xshare:auto")
                    .noneMatch(option -> option.startsWith("-XX:AOTCache"));
            assertThatThrownBy(() -> ServiceJvm.trainingCommand(jar, Map.of()))
                    .hasMessageContaining("JDK 25");
        }
    }

    @Test
    void theGatewayAloneRunsWithTheOptimisingCompilerItsOptionsWinningOverTheDefaults() throws Exception {
        Path jar = application(Instant.parse("2026-11-23T08:00:00Z"));
        List<String> gateway = ServiceJvm.command(jar, Map.of(), ServiceProcess.jvmOptions(Service.GATEWAY));
        List<String> service = ServiceJvm.command(jar, Map.of(), ServiceProcess.jvmOptions(Service.BILLING));

        assertThat(service).contains("-XX:TieredStopAtLevel=1").doesNotContain("-XX:TieredStopAtLevel=4");
        // the JVM takes the last occurrence of an option: C2's level must come after the defaults' C1 only
        assertThat(gateway.lastIndexOf("-XX:TieredStopAtLevel=4")).isGreaterThan(gateway.indexOf("-XX:TieredStopAtLevel=1"));
        assertThat(gateway.lastIndexOf("-XX:ReservedCodeCacheSize=64m")).isGreaterThan(gateway.indexOf("-XX:ReservedCodeCacheSize=32m"));
        assertThat(gateway.indexOf("-jar")).isGreaterThan(gateway.lastIndexOf("-XX:TieredStopAtLevel=4"));
    }
}
