package fr.centrale.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBackend;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What every rendering of deploy/ must hold, beyond being valid Kubernetes: the rules of the
 * deployment (probes, resources, non-root, the network's allowed calls, the databases' wiring) and what
 * each environment promises (local: one of each; production: at least two replicas, autoscalers,
 * disruption budgets, three-instance databases, the gateway's Ingress). Returns the violations, so that
 * a test can also show that a broken manifest is caught.
 */
final class DeployPolicy {

    enum Profile {
        /** Rules that every rendering holds (the base, a new overlay). */
        COMMON,
        LOCAL,
        PRODUCTION;

        static Profile of(String overlay) {
            return switch (overlay) {
                case "local" -> LOCAL;
                case "production" -> PRODUCTION;
                default -> COMMON;
            };
        }
    }

    static final String NAME_LABEL = "app.kubernetes.io/name";
    static final String CNPG_LABEL = "cnpg.io/cluster";
    static final String NAMESPACE_LABEL = "kubernetes.io/metadata.name";
    static final String DNS = "dns";
    /** HTTPS (443) to any address outside the private ranges: webhook subscribers. */
    static final String EXTERNAL_HTTPS = "external-https";
    static final Set<String> PRIVATE_RANGES = Set.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16");
    /** Secrets a service reads besides its database's: service → secret names. */
    static final Map<String, Set<String>> OTHER_SECRETS = Map.of("billing-service", Set.of("billing-webhooks-key"));

    /** The services, their port and the prefix of their variables (README "Configuration"). */
    record App(String name, int port, String prefix, String database) {
        Optional<String> cluster() {
            return Optional.ofNullable(database).map(db -> db + "-db");
        }
    }

    static final List<App> APPS = List.of(
            new App("gateway", 8080, "GATEWAY", null),
            new App("membership-service", 8081, "MEMBERSHIP", "membership"),
            new App("convention-service", 8082, "CONVENTION", "convention"),
            new App("billing-service", 8083, "BILLING", "billing"));

    /** Who may open a connection to each service: services by name, other namespaces as "namespace:X". */
    static final Map<String, Set<String>> CALLERS = Map.of(
            "gateway", Set.of("namespace:ingress-nginx", "namespace:monitoring"),
            "membership-service", Set.of("gateway", "convention-service", "billing-service", "namespace:monitoring"),
            "convention-service", Set.of("gateway", "billing-service", "namespace:monitoring"),
            "billing-service", Set.of("gateway", "namespace:monitoring"));

    /** What each service may call: services by name, its own database as "db:X", and DNS. */
    static final Map<String, Set<String>> CALLEES = Map.of(
            "gateway", Set.of("membership-service", "convention-service", "billing-service", DNS),
            "membership-service", Set.of("db:membership-db", DNS),
            "convention-service", Set.of("membership-service", "db:convention-db", DNS),
            "billing-service", Set.of("membership-service", "convention-service", "db:billing-db", DNS, EXTERNAL_HTTPS));

    static final Set<String> AUTOSCALED = Set.of("gateway", "membership-service", "convention-service");

    private static final Pattern GC_SELECTION = Pattern.compile("-XX:\\+Use\\w*GC\\b");

    private final Manifests manifests;
    private final List<String> violations = new ArrayList<>();

    private DeployPolicy(Manifests manifests) {
        this.manifests = manifests;
    }

    static List<String> violations(Manifests manifests, Profile profile) {
        DeployPolicy policy = new DeployPolicy(manifests);
        policy.checkCommon();
        switch (profile) {
            case LOCAL -> policy.checkLocal();
            case PRODUCTION -> policy.checkProduction();
            case COMMON -> {
            }
        }
        return List.copyOf(policy.violations);
    }

    private void fail(String message) {
        violations.add(message);
    }

    // ---------------------------------------------------------------------------------------------
    // Every rendering

    private void checkCommon() {
        Set<String> deployments = names(manifests.all(Deployment.class));
        Set<String> expected = new TreeSet<>(APPS.stream().map(App::name).toList());
        if (!deployments.equals(expected)) {
            fail("Deployments " + deployments + ", expected exactly " + expected);
        }
        for (App app : APPS) {
            deployment(app.name()).ifPresent(d -> checkDeployment(app, d));
        }
        checkDefaultDeny();
        checkClusters();
        for (Ingress ingress : manifests.all(Ingress.class)) {
            for (String backend : backends(ingress)) {
                if (!"gateway".equals(backend)) {
                    fail("Ingress " + name(ingress) + " routes to " + backend + ": only the gateway has an Ingress");
                }
            }
        }
        for (Secret secret : manifests.all(Secret.class)) {
            fail("Secret " + name(secret) + " is in the manifests: secrets come from CloudNativePG, the environment "
                    + "or a secret manager, never from deploy/ (see base/secret-templates)");
        }
        for (Service service : manifests.all(Service.class)) {
            String type = Objects.requireNonNullElse(service.getSpec().getType(), "ClusterIP");
            if (!"ClusterIP".equals(type)) {
                fail("Service " + name(service) + " is " + type + ": every Service is ClusterIP (the gateway is "
                        + "reached through the Ingress or kubectl port-forward)");
            }
        }
        checkConfigMap();
    }

    private void checkDeployment(App app, Deployment deployment) {
        String where = "Deployment " + app.name();
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        Map<String, String> labels = Objects.requireNonNullElse(deployment.getSpec().getTemplate().getMetadata().getLabels(), Map.of());

        var podSecurity = pod.getSecurityContext();
        if (podSecurity == null || !Boolean.TRUE.equals(podSecurity.getRunAsNonRoot())
                || !Long.valueOf(185).equals(podSecurity.getRunAsUser())
                || podSecurity.getSeccompProfile() == null
                || !"RuntimeDefault".equals(podSecurity.getSeccompProfile().getType())) {
            fail(where + ": the pod must run as non-root user 185 (runAsNonRoot, runAsUser 185) with the "
                    + "RuntimeDefault seccomp profile");
        }
        if (!Boolean.FALSE.equals(pod.getEnableServiceLinks())) {
            fail(where + ": enableServiceLinks must be false (the Service \"gateway\" would inject GATEWAY_PORT=tcp://...)");
        }
        if (pod.getContainers().size() != 1) {
            fail(where + ": one container expected, found " + pod.getContainers().size());
        }
        for (Container container : pod.getContainers()) {
            checkContainer(app, where + " container " + container.getName(), container, pod);
        }
        if (app.name().equals("gateway") && !pod.getContainers().isEmpty()) {
            checkTokenKey(where, pod.getContainers().get(0), pod);
        }

        Map<String, String> annotations = Objects.requireNonNullElse(
                deployment.getSpec().getTemplate().getMetadata().getAnnotations(), Map.of());
        if (!"true".equals(annotations.get("prometheus.io/scrape"))
                || !"/q/metrics".equals(annotations.get("prometheus.io/path"))
                || !String.valueOf(app.port()).equals(annotations.get("prometheus.io/port"))) {
            fail(where + ": the pod must carry prometheus.io/scrape \"true\", path /q/metrics and port " + app.port());
        }
        if (!app.name().equals(labels.get(NAME_LABEL))) {
            fail(where + ": its pods must be labelled " + NAME_LABEL + ": " + app.name());
        }
        LabelSelector selector = deployment.getSpec().getSelector();
        if (selector == null || !selects(selector, labels)) {
            fail(where + ": its selector does not select its own pods");
        }

        // Its Service
        Optional<Service> service = manifests.all(Service.class).stream()
                .filter(s -> app.name().equals(name(s))).findFirst();
        if (service.isEmpty()) {
            fail(where + ": no Service " + app.name());
        } else {
            Map<String, String> serviceSelector = Objects.requireNonNullElse(service.get().getSpec().getSelector(), Map.of());
            if (serviceSelector.isEmpty() || !labels.entrySet().containsAll(serviceSelector.entrySet())) {
                fail("Service " + app.name() + ": its selector " + serviceSelector + " does not select the pods " + labels);
            }
            boolean portOk = service.get().getSpec().getPorts().stream().anyMatch(p -> p.getPort() == app.port()
                    && targets(p.getTargetPort(), pod.getContainers().get(0), app.port()));
            if (!portOk) {
                fail("Service " + app.name() + ": no port " + app.port() + " targeting the container's port");
            }
        }

        // Its NetworkPolicy, and what it lets in and out
        List<NetworkPolicy> policies = manifests.all(NetworkPolicy.class).stream()
                .filter(np -> !isEmpty(np.getSpec().getPodSelector()) && selects(np.getSpec().getPodSelector(), labels))
                .toList();
        if (policies.isEmpty()) {
            fail(where + ": no NetworkPolicy selects its pods");
            return;
        }
        if (policies.stream().noneMatch(np -> np.getSpec().getPolicyTypes().contains("Egress"))) {
            fail(where + ": no NetworkPolicy restricts its egress");
        }
        Set<String> callers = new TreeSet<>();
        Set<String> callees = new TreeSet<>();
        for (NetworkPolicy np : policies) {
            np.getSpec().getIngress().forEach(rule -> callers.addAll(peers(rule.getFrom(), rule.getPorts())));
            if (np.getSpec().getPolicyTypes().contains("Egress")) {
                np.getSpec().getEgress().forEach(rule -> callees.addAll(peers(rule.getTo(), rule.getPorts())));
            }
        }
        if (!callers.equals(new TreeSet<>(CALLERS.get(app.name())))) {
            fail(where + ": reachable from " + callers + ", expected " + new TreeSet<>(CALLERS.get(app.name())));
        }
        if (!callees.equals(new TreeSet<>(CALLEES.get(app.name())))) {
            fail(where + ": may call " + callees + ", expected " + new TreeSet<>(CALLEES.get(app.name())));
        }
    }

    /** The gateway verifies tokens with a key it is given: a mounted Secret (or an https JWKS address). */
    private void checkTokenKey(String where, Container container, PodSpec pod) {
        String location = container.getEnv() == null ? null : container.getEnv().stream()
                .filter(e -> "MP_JWT_VERIFY_PUBLICKEY_LOCATION".equals(e.getName()))
                .map(e -> e.getValue()).findFirst().orElse(null);
        if (location == null || location.isBlank()) {
            fail(where + ": MP_JWT_VERIFY_PUBLICKEY_LOCATION must name the public key that verifies the tokens");
            return;
        }
        if (location.startsWith("https://")) {
            return;
        }
        boolean mountedFromSecret = container.getVolumeMounts().stream()
                .filter(m -> location.startsWith(m.getMountPath() + "/"))
                .anyMatch(m -> pod.getVolumes().stream().anyMatch(v -> v.getName().equals(m.getName()) && v.getSecret() != null));
        if (!mountedFromSecret) {
            fail(where + ": the token key " + location + " is not in a volume mounted from a Secret");
        }
    }

    private void checkContainer(App app, String where, Container container, PodSpec pod) {
        // Probes
        check(where, "startupProbe", container.getStartupProbe(), "/q/health/started", container, app.port());
        check(where, "readinessProbe", container.getReadinessProbe(), "/q/health/ready", container, app.port());
        check(where, "livenessProbe", container.getLivenessProbe(), "/q/health/live", container, app.port());

        // Port
        if (container.getPorts().stream().noneMatch(p -> p.getContainerPort() != null && p.getContainerPort() == app.port())) {
            fail(where + ": no containerPort " + app.port());
        }

        // Resources
        var resources = container.getResources();
        for (String kind : List.of("cpu", "memory")) {
            Quantity request = resources == null || resources.getRequests() == null ? null : resources.getRequests().get(kind);
            Quantity limit = resources == null || resources.getLimits() == null ? null : resources.getLimits().get(kind);
            if (request == null || limit == null) {
                fail(where + ": resources.requests." + kind + " and resources.limits." + kind + " are both required");
            } else if (Quantity.getAmountInBytes(request).compareTo(Quantity.getAmountInBytes(limit)) > 0) {
                fail(where + ": the " + kind + " request " + request + " exceeds its limit " + limit);
            }
        }

        // Security context
        var security = container.getSecurityContext();
        if (security == null || !Boolean.TRUE.equals(security.getReadOnlyRootFilesystem())
                || !Boolean.FALSE.equals(security.getAllowPrivilegeEscalation())
                || security.getCapabilities() == null || !security.getCapabilities().getDrop().contains("ALL")
                || Boolean.FALSE.equals(security.getRunAsNonRoot())) {
            fail(where + ": securityContext must set readOnlyRootFilesystem true, allowPrivilegeEscalation false "
                    + "and drop ALL capabilities");
        }
        boolean tmpIsEmptyDir = container.getVolumeMounts().stream().anyMatch(m -> "/tmp".equals(m.getMountPath())
                && pod.getVolumes().stream().anyMatch(v -> v.getName().equals(m.getName()) && v.getEmptyDir() != null));
        if (!tmpIsEmptyDir) {
            fail(where + ": /tmp must be an emptyDir (the root filesystem is read-only)");
        }

        // Image
        String image = Objects.requireNonNullElse(container.getImage(), "");
        String lastSegment = image.substring(image.lastIndexOf('/') + 1);
        if (!lastSegment.contains(":") && !image.contains("@sha256:") || image.endsWith(":latest")) {
            fail(where + ": image \"" + image + "\" must name a version (a tag other than latest, or a digest)");
        }
        if (!image.contains("/" + app.name() + ":") && !image.startsWith(app.name() + ":")) {
            fail(where + ": image \"" + image + "\" is not the " + app.name() + " image");
        }

        // Environment
        Map<String, EnvVar> env = new java.util.HashMap<>();
        container.getEnv().forEach(e -> env.put(e.getName(), e));
        EnvVar port = env.get(app.prefix() + "_PORT");
        if (port == null || !String.valueOf(app.port()).equals(port.getValue())) {
            fail(where + ": " + app.prefix() + "_PORT must be \"" + app.port() + "\", the containerPort");
        }
        EnvVar javaOpts = env.get("JAVA_OPTS_APPEND");
        if (javaOpts == null || javaOpts.getValue() == null) {
            fail(where + ": JAVA_OPTS_APPEND is required (JVM options)");
        } else {
            if (GC_SELECTION.matcher(javaOpts.getValue()).find()) {
                fail(where + ": JAVA_OPTS_APPEND selects a garbage collector: the image's run-java.sh already adds "
                        + "one, and two stop the JVM; choose it with GC_CONTAINER_OPTIONS");
            }
            if (!javaOpts.getValue().contains("-Djava.util.logging.manager=org.jboss.logmanager.LogManager")) {
                fail(where + ": JAVA_OPTS_APPEND replaces the image's value and must keep "
                        + "-Djava.util.logging.manager=org.jboss.logmanager.LogManager");
            }
        }
        Set<String> configMaps = names(manifests.all(ConfigMap.class));
        boolean fromConfigMap = container.getEnvFrom().stream()
                .anyMatch(e -> e.getConfigMapRef() != null && configMaps.contains(e.getConfigMapRef().getName()));
        if (!fromConfigMap) {
            fail(where + ": its environment must come from the ConfigMap centrale-config (envFrom)");
        }
        Set<String> clusters = new TreeSet<>();
        manifests.clusters().forEach(c -> clusters.add(c.path("metadata").path("name").asText()));
        for (EnvVar var : container.getEnv()) {
            if (var.getValueFrom() != null && var.getValueFrom().getSecretKeyRef() != null) {
                String secret = var.getValueFrom().getSecretKeyRef().getName();
                if (OTHER_SECRETS.getOrDefault(app.name(), Set.of()).contains(secret)) {
                    continue;
                }
                if (!secret.endsWith("-app") || !clusters.contains(secret.substring(0, secret.length() - 4))) {
                    fail(where + ": " + var.getName() + " reads the secret " + secret
                            + ", which is not the app secret of a CloudNativePG Cluster of these manifests");
                }
            }
        }
        app.cluster().ifPresent(cluster -> {
            for (var wiring : Map.of("_DB_URL", "jdbc-uri", "_DB_USER", "username", "_DB_PASSWORD", "password").entrySet()) {
                EnvVar var = env.get(app.prefix() + wiring.getKey());
                var ref = var == null || var.getValueFrom() == null ? null : var.getValueFrom().getSecretKeyRef();
                if (ref == null || !(cluster + "-app").equals(ref.getName()) || !wiring.getValue().equals(ref.getKey())) {
                    fail(where + ": " + app.prefix() + wiring.getKey() + " must come from key " + wiring.getValue()
                            + " of the secret " + cluster + "-app (generated by CloudNativePG)");
                }
            }
        });
        if (app.cluster().isEmpty() && env.keySet().stream().anyMatch(k -> k.contains("_DB_"))) {
            fail(where + ": the " + app.name() + " has no database");
        }
    }

    private void check(String where, String kind, Probe probe, String path, Container container, int port) {
        if (probe == null || probe.getHttpGet() == null || !path.equals(probe.getHttpGet().getPath())
                || !targets(probe.getHttpGet().getPort(), container, port)) {
            fail(where + ": " + kind + " must GET " + path + " on the container's port " + port);
        }
    }

    /** A port given by number or by the container port's name designates {@code port}. */
    private static boolean targets(IntOrString target, Container container, int port) {
        if (target == null) {
            return false;
        }
        if (target.getIntVal() != null) {
            return target.getIntVal() == port;
        }
        return container.getPorts().stream().anyMatch(p -> target.getStrVal().equals(p.getName())
                && p.getContainerPort() != null && p.getContainerPort() == port);
    }

    private void checkDefaultDeny() {
        boolean present = manifests.all(NetworkPolicy.class).stream().anyMatch(np -> isEmpty(np.getSpec().getPodSelector())
                && np.getSpec().getPolicyTypes().contains("Ingress") && np.getSpec().getIngress().isEmpty());
        if (!present) {
            fail("no default-deny NetworkPolicy (empty podSelector, policyTypes Ingress, no ingress rule)");
        }
    }

    private void checkClusters() {
        Set<String> expected = new TreeSet<>();
        for (App app : APPS) {
            app.cluster().ifPresent(expected::add);
        }
        Set<String> found = new TreeSet<>();
        for (JsonNode cluster : manifests.clusters()) {
            found.add(cluster.path("metadata").path("name").asText());
        }
        if (!found.equals(expected)) {
            fail("CloudNativePG Clusters " + found + ", expected one per service with a database: " + expected);
        }
        for (App app : APPS) {
            if (app.cluster().isEmpty()) {
                continue;
            }
            String name = app.cluster().get();
            Optional<JsonNode> cluster = manifests.clusters().stream()
                    .filter(c -> name.equals(c.path("metadata").path("name").asText())).findFirst();
            if (cluster.isEmpty()) {
                continue;
            }
            JsonNode initdb = cluster.get().path("spec").path("bootstrap").path("initdb");
            if (!app.database().equals(initdb.path("database").asText()) || !app.database().equals(initdb.path("owner").asText())) {
                fail("Cluster " + name + ": bootstrap.initdb must create the database " + app.database() + " owned by "
                        + app.database());
            }
            Map<String, String> podLabels = Map.of(CNPG_LABEL, name);
            List<NetworkPolicy> policies = manifests.all(NetworkPolicy.class).stream()
                    .filter(np -> !isEmpty(np.getSpec().getPodSelector()) && selects(np.getSpec().getPodSelector(), podLabels))
                    .toList();
            Set<String> callers = new TreeSet<>();
            boolean operator = false;
            for (NetworkPolicy np : policies) {
                for (var rule : np.getSpec().getIngress()) {
                    callers.addAll(peers(rule.getFrom(), rule.getPorts()));
                    boolean fromOperatorNamespace = rule.getFrom().stream().anyMatch(p -> p.getNamespaceSelector() != null
                            && "cnpg-system".equals(labelsOf(p.getNamespaceSelector()).get(NAMESPACE_LABEL)));
                    boolean port8000 = rule.getPorts().stream().anyMatch(p -> p.getPort() != null
                            && Integer.valueOf(8000).equals(p.getPort().getIntVal()));
                    operator |= fromOperatorNamespace && port8000;
                }
            }
            if (!operator) {
                fail("Cluster " + name + ": no NetworkPolicy lets the CloudNativePG operator (namespace cnpg-system) "
                        + "reach its pods on port 8000");
            }
            Set<String> inNamespace = new TreeSet<>(callers);
            inNamespace.removeIf(c -> c.startsWith("namespace:"));
            Set<String> expectedCallers = new TreeSet<>(Set.of(app.name(), "db:" + name));
            if (!inNamespace.equals(expectedCallers)) {
                fail("Cluster " + name + ": reachable in the namespace from " + inNamespace + ", expected " + expectedCallers);
            }
        }
    }

    private void checkConfigMap() {
        Optional<ConfigMap> config = manifests.all(ConfigMap.class).stream()
                .filter(c -> name(c).startsWith("centrale-config")).findFirst();
        if (config.isEmpty()) {
            fail("no ConfigMap centrale-config");
            return;
        }
        Map<String, String> data = Objects.requireNonNullElse(config.get().getData(), Map.of());
        for (String key : List.of("CENTRALE_Q1_RUN_DAY", "CENTRALE_BILLING_CRON", "CENTRALE_AT_RISK_THRESHOLD", "JWT_ISSUER")) {
            if (data.getOrDefault(key, "").isBlank()) {
                fail("ConfigMap centrale-config: " + key + " is missing");
            }
        }
        if (!"true".equals(data.get("CENTRALE_IDENTITY_REQUIRED"))) {
            fail("ConfigMap centrale-config: CENTRALE_IDENTITY_REQUIRED must be true (services answer only the "
                    + "identity the gateway forwards)");
        }
        for (App app : APPS) {
            if (app.name().equals("gateway")) {
                continue;
            }
            String key = app.prefix() + "_URL";
            String expected = "http://" + app.name() + ":" + app.port();
            if (!expected.equals(data.get(key))) {
                fail("ConfigMap centrale-config: " + key + " must be " + expected + ", not " + data.get(key));
            }
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Per environment

    private void checkLocal() {
        for (Deployment d : manifests.all(Deployment.class)) {
            if (!Integer.valueOf(1).equals(d.getSpec().getReplicas())) {
                fail("local: Deployment " + name(d) + " must run 1 replica, not " + d.getSpec().getReplicas());
            }
        }
        for (JsonNode cluster : manifests.clusters()) {
            if (cluster.path("spec").path("instances").asInt() != 1) {
                fail("local: Cluster " + cluster.path("metadata").path("name").asText() + " must have 1 instance");
            }
        }
        if (!manifests.all(HorizontalPodAutoscaler.class).isEmpty()) {
            fail("local: no HorizontalPodAutoscaler on a laptop cluster");
        }
        if (!manifests.all(Ingress.class).isEmpty()) {
            fail("local: no Ingress (kubectl port-forward reaches the gateway)");
        }
    }

    private void checkProduction() {
        List<HorizontalPodAutoscaler> hpas = manifests.all(HorizontalPodAutoscaler.class);
        Set<String> scaled = new TreeSet<>();
        for (HorizontalPodAutoscaler hpa : hpas) {
            var target = hpa.getSpec().getScaleTargetRef();
            String where = "production: HorizontalPodAutoscaler " + name(hpa);
            if (!"Deployment".equals(target.getKind()) || !"apps/v1".equals(target.getApiVersion())
                    || deployment(target.getName()).isEmpty()) {
                fail(where + ": scaleTargetRef must name a Deployment (apps/v1) of these manifests, not " + target.getKind()
                        + " " + target.getName());
                continue;
            }
            scaled.add(target.getName());
            if (hpa.getSpec().getMinReplicas() == null || hpa.getSpec().getMinReplicas() < 2) {
                fail(where + ": minReplicas must be at least 2");
            }
            if (hpa.getSpec().getMaxReplicas() == null || hpa.getSpec().getMinReplicas() != null
                    && hpa.getSpec().getMaxReplicas() < hpa.getSpec().getMinReplicas()) {
                fail(where + ": maxReplicas must be at least minReplicas");
            }
            if (hpa.getSpec().getMetrics().isEmpty()) {
                fail(where + ": no metric to scale on");
            }
            deployment(target.getName()).filter(d -> d.getSpec().getReplicas() != null).ifPresent(d ->
                    fail("production: Deployment " + name(d) + " is autoscaled and must not state replicas "
                            + "(each apply would reset the autoscaler's count)"));
        }
        if (!scaled.equals(new TreeSet<>(AUTOSCALED))) {
            fail("production: autoscaled " + scaled + ", expected " + new TreeSet<>(AUTOSCALED));
        }
        for (Deployment d : manifests.all(Deployment.class)) {
            if (!scaled.contains(name(d)) && (d.getSpec().getReplicas() == null || d.getSpec().getReplicas() < 2)) {
                fail("production: Deployment " + name(d) + " must run at least 2 replicas, not " + d.getSpec().getReplicas());
            }
            Map<String, String> labels = d.getSpec().getTemplate().getMetadata().getLabels();
            List<PodDisruptionBudget> budgets = manifests.all(PodDisruptionBudget.class).stream()
                    .filter(pdb -> pdb.getSpec().getSelector() != null && !isEmpty(pdb.getSpec().getSelector())
                            && selects(pdb.getSpec().getSelector(), labels))
                    .toList();
            if (budgets.size() != 1) {
                fail("production: Deployment " + name(d) + " needs exactly one PodDisruptionBudget, found " + budgets.size());
            } else if (budgets.get(0).getSpec().getMaxUnavailable() == null && budgets.get(0).getSpec().getMinAvailable() == null) {
                fail("production: PodDisruptionBudget " + name(budgets.get(0)) + " sets neither maxUnavailable nor minAvailable");
            }
        }
        for (JsonNode cluster : manifests.clusters()) {
            if (cluster.path("spec").path("instances").asInt() < 3) {
                fail("production: Cluster " + cluster.path("metadata").path("name").asText() + " must have 3 instances");
            }
        }
        checkBackups();
        List<Ingress> ingresses = manifests.all(Ingress.class);
        if (ingresses.size() != 1) {
            fail("production: exactly one Ingress (the gateway's) expected, found " + ingresses.size());
        }
        for (Ingress ingress : ingresses) {
            if (!backends(ingress).equals(Set.of("gateway"))) {
                fail("production: Ingress " + name(ingress) + " must route to the gateway only");
            }
            if (ingress.getSpec().getTls().isEmpty()
                    || ingress.getSpec().getTls().stream().anyMatch(t -> t.getSecretName() == null || t.getSecretName().isBlank())) {
                fail("production: Ingress " + name(ingress) + " must terminate TLS with a named secret");
            }
            Set<String> tlsHosts = new TreeSet<>();
            ingress.getSpec().getTls().forEach(t -> tlsHosts.addAll(t.getHosts()));
            for (var rule : ingress.getSpec().getRules()) {
                if (rule.getHost() == null || !tlsHosts.contains(rule.getHost())) {
                    fail("production: Ingress " + name(ingress) + ": host " + rule.getHost() + " is not covered by TLS");
                }
            }
        }
    }

    /**
     * Production: every cluster archives its WAL through the Barman Cloud plugin to an ObjectStore of these
     * manifests whose credentials come from a Secret, and has a ScheduledBackup through the same plugin: together,
     * point-in-time recovery (deploy/README.md, "Backups and restore").
     */
    private void checkBackups() {
        Map<String, JsonNode> stores = new LinkedHashMap<>();
        manifests.objectStores().forEach(s -> stores.put(s.path("metadata").path("name").asText(), s));
        for (JsonNode cluster : manifests.clusters()) {
            String name = cluster.path("metadata").path("name").asText();
            List<JsonNode> archivers = new ArrayList<>();
            cluster.path("spec").path("plugins").forEach(p -> {
                if (Manifests.BARMAN_PLUGIN.equals(p.path("name").asText()) && p.path("isWALArchiver").asBoolean(false)) {
                    archivers.add(p);
                }
            });
            if (archivers.size() != 1) {
                fail("production: Cluster " + name + " must archive its WAL through exactly one " + Manifests.BARMAN_PLUGIN
                        + " plugin with isWALArchiver: true (point-in-time recovery), found " + archivers.size());
            } else {
                String storeName = archivers.get(0).path("parameters").path("barmanObjectName").asText("");
                JsonNode store = stores.get(storeName);
                if (store == null) {
                    fail("production: Cluster " + name + " archives to ObjectStore \"" + storeName
                            + "\", which these manifests do not define");
                } else {
                    checkObjectStoreCredentials(store);
                }
            }
            boolean scheduled = manifests.scheduledBackups().stream().anyMatch(b ->
                    name.equals(b.path("spec").path("cluster").path("name").asText())
                            && "plugin".equals(b.path("spec").path("method").asText())
                            && Manifests.BARMAN_PLUGIN.equals(b.path("spec").path("pluginConfiguration").path("name").asText()));
            if (!scheduled) {
                fail("production: Cluster " + name + " has no ScheduledBackup (method plugin, " + Manifests.BARMAN_PLUGIN + ")");
            }
        }
    }

    private void checkObjectStoreCredentials(JsonNode store) {
        String name = store.path("metadata").path("name").asText();
        JsonNode credentials = store.path("spec").path("configuration").path("s3Credentials");
        for (String field : List.of("accessKeyId", "secretAccessKey")) {
            JsonNode ref = credentials.path(field);
            if (!ref.path("name").isTextual() || !ref.path("key").isTextual()) {
                fail("production: ObjectStore " + name + ": s3Credentials." + field
                        + " must reference a Secret (name and key), never a value in the manifests");
            }
        }
        if (store.path("spec").path("configuration").path("wal").isMissingNode()) {
            fail("production: ObjectStore " + name + ": spec.configuration.wal must be set (WAL archiving)");
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Helpers

    private Optional<Deployment> deployment(String name) {
        return manifests.all(Deployment.class).stream().filter(d -> name.equals(name(d))).findFirst();
    }

    private static String name(io.fabric8.kubernetes.api.model.HasMetadata resource) {
        return resource.getMetadata().getName();
    }

    private static Set<String> names(List<? extends io.fabric8.kubernetes.api.model.HasMetadata> resources) {
        Set<String> names = new TreeSet<>();
        resources.forEach(r -> names.add(name(r)));
        return names;
    }

    private static Map<String, String> labelsOf(LabelSelector selector) {
        return Objects.requireNonNullElse(selector.getMatchLabels(), Map.of());
    }

    private static boolean isEmpty(LabelSelector selector) {
        return selector == null || labelsOf(selector).isEmpty()
                && (selector.getMatchExpressions() == null || selector.getMatchExpressions().isEmpty());
    }

    /** matchLabels only: the manifests use no matchExpressions, and one found is not understood. */
    private static boolean selects(LabelSelector selector, Map<String, String> labels) {
        if (selector.getMatchExpressions() != null && !selector.getMatchExpressions().isEmpty()) {
            return false;
        }
        return labels != null && labels.entrySet().containsAll(labelsOf(selector).entrySet());
    }

    /**
     * The peers of a rule: "name" for pods of this namespace by app name, "db:cluster" for PostgreSQL pods,
     * "namespace:X" for another namespace, "dns" for port 53 anywhere, "ANY" for anything wider.
     */
    private static Set<String> peers(List<NetworkPolicyPeer> peers, List<NetworkPolicyPort> ports) {
        Set<String> result = new TreeSet<>();
        if (peers == null || peers.isEmpty()) {
            boolean dnsOnly = ports != null && !ports.isEmpty() && ports.stream().allMatch(p -> p.getPort() != null
                    && Integer.valueOf(53).equals(p.getPort().getIntVal()));
            result.add(dnsOnly ? DNS : "ANY");
            return result;
        }
        for (NetworkPolicyPeer peer : peers) {
            if (peer.getIpBlock() != null) {
                boolean externalHttps = "0.0.0.0/0".equals(peer.getIpBlock().getCidr())
                        && peer.getIpBlock().getExcept() != null
                        && new TreeSet<>(peer.getIpBlock().getExcept()).containsAll(PRIVATE_RANGES)
                        && ports != null && !ports.isEmpty() && ports.stream().allMatch(p -> p.getPort() != null
                        && Integer.valueOf(443).equals(p.getPort().getIntVal()));
                result.add(externalHttps ? EXTERNAL_HTTPS : "ANY");
            } else if (peer.getNamespaceSelector() != null) {
                String namespace = labelsOf(peer.getNamespaceSelector()).get(NAMESPACE_LABEL);
                result.add(namespace == null ? "ANY" : "namespace:" + namespace);
            } else if (peer.getPodSelector() != null && labelsOf(peer.getPodSelector()).containsKey(NAME_LABEL)) {
                result.add(labelsOf(peer.getPodSelector()).get(NAME_LABEL));
            } else if (peer.getPodSelector() != null && labelsOf(peer.getPodSelector()).containsKey(CNPG_LABEL)) {
                result.add("db:" + labelsOf(peer.getPodSelector()).get(CNPG_LABEL));
            } else {
                result.add("ANY");
            }
        }
        return result;
    }

    private static Set<String> backends(Ingress ingress) {
        Set<String> services = new TreeSet<>();
        List<IngressBackend> backends = new ArrayList<>();
        if (ingress.getSpec().getDefaultBackend() != null) {
            backends.add(ingress.getSpec().getDefaultBackend());
        }
        for (var rule : ingress.getSpec().getRules()) {
            if (rule.getHttp() != null) {
                rule.getHttp().getPaths().forEach(p -> backends.add(p.getBackend()));
            }
        }
        for (IngressBackend backend : backends) {
            services.add(backend.getService() == null ? "(not a Service)" : backend.getService().getName());
        }
        return services;
    }
}
