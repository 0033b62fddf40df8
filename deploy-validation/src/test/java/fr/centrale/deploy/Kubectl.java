package fr.centrale.deploy;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Renders a Kustomize directory with {@code kubectl kustomize}, offline: no cluster and no kubeconfig
 * are read. kubectl is required, never optional: without it the validation fails with a message that
 * says how to provide it, so that a machine without kubectl cannot pass the suite by skipping it.
 */
final class Kubectl {

    /** System property, then environment variable, naming the kubectl binary when it is not on PATH. */
    static final String PROPERTY = "centrale.kubectl";
    static final String ENVIRONMENT = "CENTRALE_KUBECTL";

    private static final long TIMEOUT_SECONDS = 120;

    private final Path binary;

    private Kubectl(Path binary) {
        this.binary = binary;
    }

    /** kubectl from -Dcentrale.kubectl, $CENTRALE_KUBECTL or PATH; fails the test when there is none. */
    static Kubectl locate() {
        return locate(System.getenv(), System.getProperty(PROPERTY));
    }

    static Kubectl locate(Map<String, String> environment, String property) {
        String explicit = property != null && !property.isBlank() ? property : environment.get(ENVIRONMENT);
        if (explicit != null && !explicit.isBlank()) {
            Path path = Path.of(explicit);
            if (Files.isExecutable(path)) {
                return new Kubectl(path);
            }
            throw new AssertionError("kubectl named by " + PROPERTY + "/" + ENVIRONMENT + " is not an executable file: "
                    + explicit + ". " + HOW_TO_PROVIDE);
        }
        String pathVariable = environment.getOrDefault("PATH", "");
        for (String dir : pathVariable.split(File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            Path candidate = Path.of(dir, "kubectl");
            if (Files.isExecutable(candidate)) {
                return new Kubectl(candidate);
            }
        }
        throw new AssertionError("kubectl not found on PATH (" + pathVariable + "). " + HOW_TO_PROVIDE);
    }

    static final String HOW_TO_PROVIDE = "The deploy validation renders deploy/overlays/* with `kubectl kustomize` "
            + "and cannot run without it (it is not skipped). Install kubectl 1.27 or later (Kustomize v5 inside), "
            + "or name the binary with -D" + PROPERTY + "=/path/to/kubectl or " + ENVIRONMENT + ".";

    Path binary() {
        return binary;
    }

    /** The multi-document YAML that {@code kubectl kustomize dir} prints; fails on an error or a warning. */
    String kustomize(Path directory) {
        Result result = run(List.of(binary.toString(), "kustomize", directory.toString()));
        if (result.exitCode != 0) {
            throw new AssertionError("`kubectl kustomize " + directory + "` failed (exit " + result.exitCode + "):\n"
                    + result.stderr);
        }
        // Kustomize prints deprecations (bases, patchesStrategicMerge, commonLabels...) as warnings: keep the
        // manifests free of them, so that the next Kustomize does not break them.
        if (!result.stderr.isBlank()) {
            throw new AssertionError("`kubectl kustomize " + directory + "` printed warnings:\n" + result.stderr);
        }
        return result.stdout;
    }

    String clientVersion() {
        Result result = run(List.of(binary.toString(), "version", "--client"));
        return result.stdout.strip();
    }

    private record Result(int exitCode, String stdout, String stderr) {
    }

    private Result run(List<String> command) {
        Path workDir = null;
        try {
            workDir = Files.createTempDirectory("kubectl");
            Path stdoutFile = workDir.resolve("stdout");
            Path stderrFile = workDir.resolve("stderr");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectOutput(stdoutFile.toFile())
                    .redirectError(stderrFile.toFile());
            // Offline: a kubeconfig that does not exist, hence no cluster to contact, whatever the machine has.
            builder.environment().put("KUBECONFIG", workDir.resolve("no-kubeconfig").toString());
            Process process = builder.start();
            process.getOutputStream().close();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("`" + String.join(" ", command) + "` did not finish in " + TIMEOUT_SECONDS + " s");
            }
            return new Result(process.exitValue(), Files.readString(stdoutFile, StandardCharsets.UTF_8),
                    Files.readString(stderrFile, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("cannot run `" + String.join(" ", command) + "`: " + e.getMessage() + ". "
                    + HOW_TO_PROVIDE, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running `" + String.join(" ", command) + "`", e);
        } finally {
            deleteQuietly(workDir);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind
        }
    }
}
