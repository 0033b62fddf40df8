package fr.centrale.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** The repository's deploy/ folder and its renderings (each rendered once per test run). */
final class DeployTree {

    private static final Map<Path, String> RENDERED = new ConcurrentHashMap<>();

    private DeployTree() {
    }

    /** deploy/, from -Dcentrale.deploy.dir (set by the pom) or next to this module. */
    static Path root() {
        String configured = System.getProperty("centrale.deploy.dir");
        Path root = (configured != null ? Path.of(configured) : Path.of("..", "deploy")).toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new AssertionError("deploy folder not found: " + root);
        }
        return root;
    }

    /** The repository root (deploy/'s parent), for the modules' Dockerfiles and properties. */
    static Path repository() {
        return root().getParent();
    }

    /** Every overlay: each folder of deploy/overlays that holds a kustomization.yaml. */
    static List<Path> overlays() {
        try (Stream<Path> dirs = Files.list(root().resolve("overlays"))) {
            return dirs.filter(dir -> Files.isRegularFile(dir.resolve("kustomization.yaml"))).sorted().toList();
        } catch (IOException e) {
            throw new AssertionError("cannot list " + root().resolve("overlays"), e);
        }
    }

    /** {@code kubectl kustomize dir}, once. */
    static String render(Path dir) {
        return RENDERED.computeIfAbsent(dir.toAbsolutePath().normalize(), d -> Kubectl.locate().kustomize(d));
    }
}
