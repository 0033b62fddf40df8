package fr.centrale.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What is wrong with the {@code operationId}s of an OpenAPI document's {@code paths}: an operation without
 * one, an id two operations share, an id that is not lowerCamelCase. A client generated from the document
 * names its methods after them, so each must be explicit, stable and meaningful
 * ({@code @Operation(operationId = "listTitres", ...)}). Each service's {@code OperationIdsTest} checks its
 * own document; system-tests' {@code OpenApiSnapshotTest} checks the gateway's merged one.
 */
public final class OperationIds {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private OperationIds() {
    }

    /** {@code paths} as a JSON library reads it: path → method → operation. Empty when all is well. */
    public static List<String> problems(Map<String, ? extends Map<String, ?>> paths) {
        List<String> problems = new ArrayList<>();
        Map<String, String> seen = new LinkedHashMap<>();
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            if (!METHODS.contains(method)) {
                return;
            }
            String name = method.toUpperCase() + " " + path;
            Object id = operation instanceof Map<?, ?> o ? o.get("operationId") : null;
            if (id == null || id.toString().isBlank()) {
                problems.add(name + " has no operationId (add operationId = \"...\" to its @Operation)");
                return;
            }
            if (!id.toString().matches("[a-z][A-Za-z0-9]*")) {
                problems.add(name + ": operationId \"" + id + "\" is not lowerCamelCase");
            }
            String other = seen.putIfAbsent(id.toString(), name);
            if (other != null) {
                problems.add(name + ": operationId \"" + id + "\" is also the id of " + other);
            }
        }));
        return problems;
    }
}
