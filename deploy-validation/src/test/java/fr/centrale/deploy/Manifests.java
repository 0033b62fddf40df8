package fr.centrale.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every document of a rendered overlay, read into the Kubernetes model of fabric8 as strictly as the
 * API server reads it: a field the schema does not know (a misspelt {@code replicass}, a field at the
 * wrong level), a value of the wrong type (a string where an integer goes, a number where a string
 * goes), an apiVersion/kind pair without a schema, or a malformed quantity is an error. CloudNativePG
 * {@code Cluster}s, whose schema is a CRD, get an explicit check of the fields used here.
 */
final class Manifests {

    static final String CNPG_API_VERSION = "postgresql.cnpg.io/v1";
    static final String BARMAN_API_VERSION = "barmancloud.cnpg.io/v1";
    /** The Barman Cloud plugin of CloudNativePG, which archives WAL and takes base backups to an object store. */
    static final String BARMAN_PLUGIN = "barman-cloud.cloudnative-pg.io";

    /** The built-in kinds the manifests may use, by "apiVersion kind", with their schema. */
    static final Map<String, Class<? extends HasMetadata>> SCHEMAS = Map.ofEntries(
            Map.entry("v1 Namespace", Namespace.class),
            Map.entry("v1 ConfigMap", ConfigMap.class),
            Map.entry("v1 Secret", Secret.class),
            Map.entry("v1 Service", Service.class),
            Map.entry("v1 ServiceAccount", ServiceAccount.class),
            Map.entry("apps/v1 Deployment", Deployment.class),
            Map.entry("networking.k8s.io/v1 NetworkPolicy", NetworkPolicy.class),
            Map.entry("networking.k8s.io/v1 Ingress", Ingress.class),
            Map.entry("policy/v1 PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("autoscaling/v2 HorizontalPodAutoscaler", HorizontalPodAutoscaler.class));

    /** The Cluster spec fields these manifests use, checked below; anything else is refused until checked. */
    static final Set<String> CLUSTER_SPEC_FIELDS = Set.of("instances", "imageName", "primaryUpdateStrategy",
            "enableSuperuserAccess", "bootstrap", "storage", "resources", "postgresql", "affinity", "plugins");
    /** The ScheduledBackup spec fields these manifests use. */
    static final Set<String> SCHEDULED_BACKUP_SPEC_FIELDS = Set.of("schedule", "immediate", "backupOwnerReference",
            "target", "cluster", "method", "pluginConfiguration");
    /** The ObjectStore configuration fields these manifests use. */
    static final Set<String> OBJECT_STORE_CONFIGURATION_FIELDS = Set.of("destinationPath", "endpointURL",
            "s3Credentials", "wal", "data");

    private static final YAMLMapper YAML = YAMLMapper.builder(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();
    private static final ObjectMapper STRICT = strictMapper();

    private final List<HasMetadata> resources;
    private final List<JsonNode> clusters;
    private final List<JsonNode> scheduledBackups;
    private final List<JsonNode> objectStores;

    private Manifests(List<HasMetadata> resources, List<JsonNode> clusters, List<JsonNode> scheduledBackups,
                      List<JsonNode> objectStores) {
        this.resources = List.copyOf(resources);
        this.clusters = List.copyOf(clusters);
        this.scheduledBackups = List.copyOf(scheduledBackups);
        this.objectStores = List.copyOf(objectStores);
    }

    /**
     * Reads a multi-document YAML stream; every error of every document is reported at once.
     *
     * @param origin what the YAML is (an overlay, a file), for the messages
     * @throws AssertionError listing every error
     */
    static Manifests read(String yaml, String origin) {
        List<String> errors = new ArrayList<>();
        List<HasMetadata> resources = new ArrayList<>();
        List<JsonNode> clusters = new ArrayList<>();
        List<JsonNode> scheduledBackups = new ArrayList<>();
        List<JsonNode> objectStores = new ArrayList<>();
        List<JsonNode> documents;
        try (var parser = YAML.getFactory().createParser(yaml)) {
            documents = new ArrayList<>();
            Iterator<JsonNode> it = YAML.readValues(parser, JsonNode.class);
            while (it.hasNext()) {
                JsonNode node = it.next();
                if (node != null && !node.isNull() && !node.isMissingNode()) {
                    documents.add(node);
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new AssertionError(origin + ": not YAML: " + e.getMessage(), e);
        }
        if (documents.isEmpty()) {
            throw new AssertionError(origin + ": no document");
        }
        for (int i = 0; i < documents.size(); i++) {
            JsonNode node = documents.get(i);
            String where = origin + " document " + (i + 1) + " (" + node.path("kind").asText("?") + " "
                    + node.path("metadata").path("name").asText("?") + ")";
            if (!node.isObject()) {
                errors.add(where + ": not a mapping");
                continue;
            }
            String apiVersion = node.path("apiVersion").asText("");
            String kind = node.path("kind").asText("");
            if (node.path("metadata").path("name").asText("").isEmpty()) {
                errors.add(where + ": metadata.name is missing");
            }
            if (CNPG_API_VERSION.equals(apiVersion) && "Cluster".equals(kind)) {
                checkCluster(node, where, errors);
                clusters.add(node);
                continue;
            }
            if (CNPG_API_VERSION.equals(apiVersion) && "ScheduledBackup".equals(kind)) {
                checkScheduledBackup(node, where, errors);
                scheduledBackups.add(node);
                continue;
            }
            if (BARMAN_API_VERSION.equals(apiVersion) && "ObjectStore".equals(kind)) {
                checkObjectStore(node, where, errors);
                objectStores.add(node);
                continue;
            }
            Class<? extends HasMetadata> schema = SCHEMAS.get(apiVersion + " " + kind);
            if (schema == null) {
                errors.add(where + ": no schema for apiVersion \"" + apiVersion + "\" kind \"" + kind
                        + "\" (a removed or misspelt apiVersion, or a kind to add to Manifests.SCHEMAS)");
                continue;
            }
            try {
                HasMetadata resource = STRICT.treeToValue(node, schema);
                checkQuantities(resource, where, errors);
                resources.add(resource);
            } catch (JsonProcessingException e) {
                errors.add(where + ": " + e.getOriginalMessage() + " at " + path(e));
            }
        }
        if (!errors.isEmpty()) {
            throw new AssertionError(errors.size() + " invalid manifest(s) in " + origin + ":\n  - "
                    + String.join("\n  - ", errors));
        }
        return new Manifests(resources, clusters, scheduledBackups, objectStores);
    }

    List<HasMetadata> resources() {
        return resources;
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return resources.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The CloudNativePG Clusters, as checked JSON (their schema is a CRD, not in the fabric8 model). */
    List<JsonNode> clusters() {
        return clusters;
    }

    /** The CloudNativePG ScheduledBackups, as checked JSON. */
    List<JsonNode> scheduledBackups() {
        return scheduledBackups;
    }

    /** The Barman Cloud plugin's ObjectStores, as checked JSON. */
    List<JsonNode> objectStores() {
        return objectStores;
    }

    // ---------------------------------------------------------------------------------------------

    /**
     * Jackson as the API server: unknown fields and type mismatches are errors. fabric8's model keeps
     * unknown fields in an "additionalProperties" map through {@code @JsonAnySetter}; that is switched off
     * here, so an unknown field reaches FAIL_ON_UNKNOWN_PROPERTIES instead of vanishing into the map.
     */
    private static ObjectMapper strictMapper() {
        ObjectMapper mapper = JsonMapper.builder()
                .annotationIntrospector(new JacksonAnnotationIntrospector() {
                    @Override
                    public Boolean hasAnySetter(Annotated annotated) {
                        return Boolean.FALSE;
                    }
                })
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .build();
        // "8080" for an integer is refused by ALLOW_COERCION_OF_SCALARS; 8080 or true for a string (an env
        // value, an annotation) is refused by the API server too.
        for (CoercionInputShape shape : List.of(CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean)) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        return mapper;
    }

    private static String path(JsonProcessingException e) {
        if (e instanceof com.fasterxml.jackson.databind.JsonMappingException mapping) {
            StringBuilder sb = new StringBuilder();
            for (var ref : mapping.getPath()) {
                if (ref.getFieldName() != null) {
                    sb.append('.').append(ref.getFieldName());
                } else if (ref.getIndex() >= 0) {
                    sb.append('[').append(ref.getIndex()).append(']');
                }
            }
            return sb.length() == 0 ? "(root)" : sb.substring(sb.charAt(0) == '.' ? 1 : 0);
        }
        return "(unknown)";
    }

    /** Resource quantities must parse as Kubernetes quantities ("512Mi", "250m"; not "512MB"). */
    private static void checkQuantities(HasMetadata resource, String where, List<String> errors) {
        if (resource instanceof Deployment deployment && deployment.getSpec() != null
                && deployment.getSpec().getTemplate() != null && deployment.getSpec().getTemplate().getSpec() != null) {
            var pod = deployment.getSpec().getTemplate().getSpec();
            List<Container> containers = new ArrayList<>(pod.getContainers());
            containers.addAll(pod.getInitContainers());
            for (Container c : containers) {
                if (c.getResources() == null) {
                    continue;
                }
                checkQuantityMap(c.getResources().getRequests(), where + " container " + c.getName() + " requests", errors);
                checkQuantityMap(c.getResources().getLimits(), where + " container " + c.getName() + " limits", errors);
            }
            for (var volume : pod.getVolumes()) {
                if (volume.getEmptyDir() != null && volume.getEmptyDir().getSizeLimit() != null) {
                    checkQuantity(volume.getEmptyDir().getSizeLimit(), where + " volume " + volume.getName(), errors);
                }
            }
        }
    }

    private static void checkQuantityMap(Map<String, Quantity> quantities, String where, List<String> errors) {
        if (quantities != null) {
            quantities.forEach((name, quantity) -> checkQuantity(quantity, where + " " + name, errors));
        }
    }

    static boolean isQuantity(String text) {
        // The grammar of k8s.io/apimachinery resource.Quantity: a signed decimal number, then a binary
        // suffix (Ki...Ei), a decimal suffix (n, u, m, k, M, G, T, P, E) or an exponent.
        return text != null && text.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?\\d+)?");
    }

    private static void checkQuantity(Quantity quantity, String where, List<String> errors) {
        String text = quantity.getAmount() + (quantity.getFormat() == null ? "" : quantity.getFormat());
        if (!isQuantity(text)) {
            errors.add(where + ": \"" + text + "\" is not a Kubernetes quantity");
        }
    }

    /** The fields of a CloudNativePG Cluster that these manifests use, checked by hand against its CRD. */
    private static void checkCluster(JsonNode cluster, String where, List<String> errors) {
        JsonNode spec = cluster.path("spec");
        if (!spec.isObject()) {
            errors.add(where + ": spec is missing");
            return;
        }
        spec.fieldNames().forEachRemaining(field -> {
            if (!CLUSTER_SPEC_FIELDS.contains(field)) {
                errors.add(where + ": spec." + field + " is not a Cluster field these checks know (misspelt? if not, "
                        + "check it against the CloudNativePG API reference and add it to Manifests.CLUSTER_SPEC_FIELDS)");
            }
        });
        JsonNode instances = spec.path("instances");
        if (!instances.isInt() || instances.asInt() < 1) {
            errors.add(where + ": spec.instances must be an integer of at least 1, not " + instances);
        }
        JsonNode size = spec.path("storage").path("size");
        if (!size.isTextual() || !isQuantity(size.asText())) {
            errors.add(where + ": spec.storage.size must be a quantity such as \"10Gi\", not " + size);
        }
        JsonNode initdb = spec.path("bootstrap").path("initdb");
        for (String field : List.of("database", "owner")) {
            JsonNode value = initdb.path(field);
            if (!value.isTextual() || value.asText().isBlank()) {
                errors.add(where + ": spec.bootstrap.initdb." + field + " must name the service's database/role, not " + value);
            }
        }
        JsonNode imageName = spec.path("imageName");
        if (!imageName.isMissingNode() && (!imageName.isTextual() || !imageName.asText().contains(":"))) {
            errors.add(where + ": spec.imageName must be an image with a tag, not " + imageName);
        }
        for (String flag : List.of("enableSuperuserAccess")) {
            JsonNode value = spec.path(flag);
            if (!value.isMissingNode() && !value.isBoolean()) {
                errors.add(where + ": spec." + flag + " must be a boolean, not " + value);
            }
        }
        JsonNode resources = spec.path("resources");
        if (!resources.isMissingNode()) {
            resources.fieldNames().forEachRemaining(kind -> {
                if (!Set.of("requests", "limits").contains(kind)) {
                    errors.add(where + ": spec.resources." + kind + " is not requests or limits");
                }
            });
            for (String kind : List.of("requests", "limits")) {
                resources.path(kind).fields().forEachRemaining(e -> {
                    if (!e.getValue().isValueNode() || !isQuantity(e.getValue().asText())) {
                        errors.add(where + ": spec.resources." + kind + "." + e.getKey() + " is not a quantity: " + e.getValue());
                    }
                });
            }
        }
        spec.path("postgresql").fieldNames().forEachRemaining(field -> {
            if (!Set.of("parameters", "synchronous").contains(field)) {
                errors.add(where + ": spec.postgresql." + field + " is not a field these checks know");
            }
        });
        spec.path("postgresql").path("parameters").fields().forEachRemaining(e -> {
            if (!e.getValue().isTextual()) {
                errors.add(where + ": spec.postgresql.parameters." + e.getKey() + " must be a string (quote it), not "
                        + e.getValue());
            }
        });
        JsonNode synchronous = spec.path("postgresql").path("synchronous");
        if (!synchronous.isMissingNode()) {
            if (!Set.of("any", "first").contains(synchronous.path("method").asText())) {
                errors.add(where + ": spec.postgresql.synchronous.method must be \"any\" or \"first\"");
            }
            if (!synchronous.path("number").isInt()) {
                errors.add(where + ": spec.postgresql.synchronous.number must be an integer");
            }
        }
        Map<String, JsonNode> affinity = new LinkedHashMap<>();
        spec.path("affinity").fields().forEachRemaining(e -> affinity.put(e.getKey(), e.getValue()));
        affinity.keySet().stream()
                .filter(k -> !Set.of("enablePodAntiAffinity", "topologyKey", "podAntiAffinityType").contains(k))
                .forEach(k -> errors.add(where + ": spec.affinity." + k + " is not a field these checks know"));
        if (affinity.containsKey("podAntiAffinityType")
                && !Set.of("preferred", "required").contains(affinity.get("podAntiAffinityType").asText())) {
            errors.add(where + ": spec.affinity.podAntiAffinityType must be \"preferred\" or \"required\"");
        }
        JsonNode plugins = spec.path("plugins");
        if (!plugins.isMissingNode() && !plugins.isArray()) {
            errors.add(where + ": spec.plugins must be a list");
        }
        for (JsonNode plugin : plugins) {
            plugin.fieldNames().forEachRemaining(field -> {
                if (!Set.of("name", "isWALArchiver", "enabled", "parameters").contains(field)) {
                    errors.add(where + ": spec.plugins[]." + field + " is not a field these checks know");
                }
            });
            if (!plugin.path("name").isTextual() || plugin.path("name").asText().isBlank()) {
                errors.add(where + ": spec.plugins[].name is required");
            }
            if (!plugin.path("isWALArchiver").isMissingNode() && !plugin.path("isWALArchiver").isBoolean()) {
                errors.add(where + ": spec.plugins[].isWALArchiver must be a boolean");
            }
            plugin.path("parameters").fields().forEachRemaining(e -> {
                if (!e.getValue().isTextual()) {
                    errors.add(where + ": spec.plugins[].parameters." + e.getKey() + " must be a string");
                }
            });
        }
    }

    /** The fields of a CloudNativePG ScheduledBackup that these manifests use, checked by hand against its CRD. */
    private static void checkScheduledBackup(JsonNode backup, String where, List<String> errors) {
        JsonNode spec = backup.path("spec");
        spec.fieldNames().forEachRemaining(field -> {
            if (!SCHEDULED_BACKUP_SPEC_FIELDS.contains(field)) {
                errors.add(where + ": spec." + field + " is not a ScheduledBackup field these checks know");
            }
        });
        // CloudNativePG's schedule is a six-field cron expression: seconds first.
        if (!spec.path("schedule").isTextual() || spec.path("schedule").asText().trim().split("\\s+").length != 6) {
            errors.add(where + ": spec.schedule must be a six-field cron expression (seconds first), not " + spec.path("schedule"));
        }
        if (!spec.path("cluster").path("name").isTextual()) {
            errors.add(where + ": spec.cluster.name is required");
        }
        if (!Set.of("barmanObjectStore", "volumeSnapshot", "plugin").contains(spec.path("method").asText("barmanObjectStore"))) {
            errors.add(where + ": spec.method must be barmanObjectStore, volumeSnapshot or plugin");
        }
        if (!Set.of("self", "cluster", "none").contains(spec.path("backupOwnerReference").asText("none"))) {
            errors.add(where + ": spec.backupOwnerReference must be self, cluster or none");
        }
        if (!Set.of("primary", "prefer-standby").contains(spec.path("target").asText("prefer-standby"))) {
            errors.add(where + ": spec.target must be primary or prefer-standby");
        }
        for (String flag : List.of("immediate")) {
            if (!spec.path(flag).isMissingNode() && !spec.path(flag).isBoolean()) {
                errors.add(where + ": spec." + flag + " must be a boolean");
            }
        }
    }

    /** The fields of a Barman Cloud plugin ObjectStore that these manifests use, checked by hand against its CRD. */
    private static void checkObjectStore(JsonNode store, String where, List<String> errors) {
        JsonNode configuration = store.path("spec").path("configuration");
        configuration.fieldNames().forEachRemaining(field -> {
            if (!OBJECT_STORE_CONFIGURATION_FIELDS.contains(field)) {
                errors.add(where + ": spec.configuration." + field + " is not a field these checks know");
            }
        });
        if (!configuration.path("destinationPath").asText("").matches("(s3|gs|https?)://.+")) {
            errors.add(where + ": spec.configuration.destinationPath must be an object store URL, not "
                    + configuration.path("destinationPath"));
        }
        JsonNode retention = store.path("spec").path("retentionPolicy");
        if (!retention.isMissingNode() && !retention.asText().matches("[1-9][0-9]*[dwm]")) {
            errors.add(where + ": spec.retentionPolicy must read like \"30d\", \"4w\" or \"3m\", not " + retention);
        }
        for (String part : List.of("wal", "data")) {
            JsonNode compression = configuration.path(part).path("compression");
            if (!compression.isMissingNode() && !Set.of("gzip", "bzip2", "snappy", "lz4", "xz", "zstd").contains(compression.asText())) {
                errors.add(where + ": spec.configuration." + part + ".compression is not a known compression: " + compression);
            }
        }
    }
}
