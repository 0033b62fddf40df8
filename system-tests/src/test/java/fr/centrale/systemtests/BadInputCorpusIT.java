package fr.centrale.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.lifecycle.BeforeProperty;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static fr.centrale.systemtests.JsonApi.JSON;

/**
 * A corpus of bad inputs for every POST, PUT and PATCH of the three packaged services (issue 6), generated
 * property-style with jqwik from each service's own OpenAPI document: never a 500, always an RFC 9457
 * {@code application/problem+json} answer without a stack trace or SQL, and nothing written.
 *
 * <p>The operations are read from {@code /q/openapi?format=json}, so a new endpoint is covered without
 * touching this test. Their path ids are real ones (an organisation, a membership, a signed convention, a
 * titre a billing run issued: set up first), so that the requests reach the body's validation instead of a
 * 404. Each bad body is a valid one (the operation's OpenAPI example, completed from its schema) with ONE
 * mutation that must make it invalid: a required field removed, a wrong JSON type, a huge, negative or
 * over-precise number, an unknown enum value, an invalid date, an injection or over-long string in a field
 * that cannot hold it, a NUL character; or a whole-body one: malformed JSON, a wrong Content-Type, 1 MB bodies.
 * Coercions Jackson makes on purpose and that keep the meaning ({@code 42} for a free-text string,
 * {@code "12"} for a number, {@code 1} or {@code "true"} for a boolean, {@code " MEMBER "} for an enum value,
 * {@code "null"} for an absent number or boolean) are not generated: they are valid.
 *
 * <p>Every table of the three databases (but Flyway's history) has the same rows after each property as
 * before it (count and MD5 of the rows): refused requests write nothing, not even an Idempotency-Key record
 * (the key is recorded in the creation's transaction, so a refused request leaves none; none is sent anyway).
 *
 * <p>{@code -Dcorpus.verbose=true} prints every answer that is not a 400, 404 or 415 (the 409s and 422s of
 * requests that passed the validation of their JSON).
 */
class BadInputCorpusIT {

    private static final ServiceGroup services = new ServiceGroup(BadInputCorpusIT.class);

    /** What a refused request may answer; anything else (2xx included) is a finding. */
    private static final Set<Integer> REFUSALS = Set.of(400, 404, 405, 409, 413, 415, 422);
    /** A stack trace or SQL in an answer: the inside leaking out. */
    private static final List<String> LEAKS =
            List.of("Exception", "at fr.", "org.hibernate", "SQLState", "PSQLException", "syntax error at");
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final int ONE_MB = 1024 * 1024;

    /** Every POST, PUT and PATCH the services had when this test was written: none may disappear unnoticed. */
    private static final Set<String> KNOWN_OPERATIONS = Set.of(
            "membership POST /api/v1/organisations",
            "membership PATCH /api/v1/organisations/{id}",
            "membership POST /api/v1/organisations/{id}/contacts",
            "membership POST /api/v1/memberships",
            "membership POST /api/v1/memberships/{id}/non-renewal",
            "membership POST /api/v1/memberships/{id}/termination",
            "membership POST /api/v1/purchasing-bodies",
            "membership PATCH /api/v1/purchasing-bodies/{id}",
            "membership PUT /api/v1/purchasing-bodies/{id}/membership-fees/{year}",
            "convention POST /api/v1/conventions",
            "convention POST /api/v1/conventions/{id}/signature",
            "convention POST /api/v1/conventions/{id}/amendments",
            "convention POST /api/v1/conventions/{id}/orders",
            "convention POST /api/v1/conventions/{id}/termination",
            "convention POST /api/v1/offers",
            "convention POST /api/v1/offers/{id}/versions",
            "billing POST /api/v1/billing-runs",
            "billing POST /api/v1/titres/{id}/payments",
            "billing POST /api/v1/titres/{id}/cancellation");

    /** Injection strings: never valid where a number, date, id, code or enum value is expected. */
    private static final List<String> INJECTIONS = List.of(
            "'; DROP TABLE titre; --",
            "1 OR 1=1",
            "\" OR \"\"=\"",
            "<script>alert(1)</script>",
            "${jndi:ldap://x}",
            "#{7*7}",
            "../../etc/passwd",
            "%00%0d%0a",
            "\u202Eevil\u202C",
            "\uD83D\uDE00\uD83D\uDD25",
            "\u0007\u001b[31mred",
            "null",
            "undefined");
    /** Path ids that name nothing: 400 (not an id) or 404 (no such resource), nothing else. */
    private static final List<String> BAD_IDS = List.of(
            "1 OR 1=1", "'; DROP TABLE titre; --", "<script>alert(1)</script>", "${jndi:ldap://x}",
            "99999999999999999999", "-1", "\uD83D\uDE00", "a\u0000b");

    private static Databases databases;
    private static final Map<String, ServiceProcess> SERVICES = new LinkedHashMap<>();
    private static final List<Operation> OPERATIONS = new ArrayList<>();
    /** Real ids, by the collection before the path parameter ("organisations") or its name ("year"). */
    private static final Map<String, String> IDS = new LinkedHashMap<>();
    private static Map<String, String> tablesBefore;
    /** Answers by category and status, printed at the end. */
    private static final Map<String, Map<Integer, AtomicInteger>> STATS = new ConcurrentHashMap<>();
    private static long startedNanos;
    /** Requests a service accepted during the current property: what its writes come from. */
    private static final List<String> ACCEPTED = new CopyOnWriteArrayList<>();

    // ---------------------------------------------------------------------------------------------
    // Lifecycle

    @BeforeContainer
    static void startServicesAndCreateValidData() throws Exception {
        startedNanos = System.nanoTime();
        List.of("membership-service", "convention-service", "billing-service").forEach(Centrale::runJar);
        databases = Databases.start("membership", "convention", "billing");
        try {
            ServiceProcess ms = services.start("membership-service", "membership-service", databases.datasource("membership"));
            Map<String, String> cs = new LinkedHashMap<>(databases.datasource("convention"));
            cs.put("quarkus.rest-client.membership.url", ms.baseUrl());
            ServiceProcess csp = services.start("convention-service", "convention-service", cs);
            Map<String, String> bs = new LinkedHashMap<>(databases.datasource("billing"));
            bs.put("quarkus.rest-client.membership.url", ms.baseUrl());
            bs.put("quarkus.rest-client.convention.url", csp.baseUrl());
            bs.put("centrale.billing.cron", "off");
            ServiceProcess bsp = services.start("billing-service", "billing-service", bs);
            services.awaitReady(ms, csp, bsp);
            SERVICES.put("membership", ms);
            SERVICES.put("convention", csp);
            SERVICES.put("billing", bsp);
            createValidData(new JsonApi(ms, services.http()), new JsonApi(csp, services.http()), new JsonApi(bsp, services.http()));
            for (Map.Entry<String, ServiceProcess> service : SERVICES.entrySet()) {
                readOperations(service.getKey(), new JsonApi(service.getValue(), services.http()).get("/q/openapi?format=json"));
            }
        } catch (Throwable e) {
            System.err.println("[system-tests] set-up of BadInputCorpusIT failed: " + e + services.logTails());
            throw e;
        }
        Map<String, Long> perService = OPERATIONS.stream()
                .collect(Collectors.groupingBy(Operation::service, TreeMap::new, Collectors.counting()));
        System.out.printf("[system-tests] %d POST/PUT/PATCH operations from the OpenAPI documents %s, ids %s, set up in %.1f s%n",
                OPERATIONS.size(), perService, IDS, (System.nanoTime() - startedNanos) / 1e9);
        if (OPERATIONS.isEmpty()) {
            throw new AssertionError("No POST, PUT or PATCH operation in the OpenAPI documents");
        }
        Set<String> found = OPERATIONS.stream().map(Operation::key).collect(Collectors.toSet());
        List<String> missing = KNOWN_OPERATIONS.stream().filter(k -> !found.contains(k)).sorted().toList();
        if (!missing.isEmpty()) {
            throw new AssertionError("Operations missing from the OpenAPI documents: " + missing + "; found " + found);
        }
    }

    @AfterContainer
    static void stopEverything() {
        try {
            if (!STATS.isEmpty()) {
                System.out.println("[system-tests] BadInputCorpusIT answers by category and status:");
                new TreeMap<>(STATS).forEach((category, statuses) -> System.out.println("    " + category + " " + new TreeMap<>(statuses)));
                System.out.printf("[system-tests] BadInputCorpusIT ran in %.1f s%n", (System.nanoTime() - startedNanos) / 1e9);
            }
        } finally {
            services.stopAll();
            if (databases != null) {
                databases.close();
            }
        }
    }

    @BeforeProperty
    void readTablesBefore() {
        tablesBefore = tableStates();
        ACCEPTED.clear();
    }

    /** After each property (all its tries): every table as it was. */
    @AfterProperty
    void nothingWritten() {
        Map<String, String> after = tableStates();
        if (!after.equals(tablesBefore)) {
            Map<String, String> changed = new TreeMap<>();
            after.forEach((table, state) -> {
                if (!state.equals(tablesBefore.get(table))) {
                    changed.put(table, tablesBefore.get(table) + " -> " + state);
                }
            });
            throw new AssertionError("Bad requests wrote to the databases: " + changed
                    + (ACCEPTED.isEmpty() ? " (every request was refused)" : "\nafter accepting " + ACCEPTED));
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Properties

    /** One operation, one mutation of its body: refused with a problem, never a 500. */
    @Property(tries = 500, shrinking = ShrinkingMode.BOUNDED)
    void aBadBodyIsRefusedWithAProblem(@ForAll("badBodies") BadRequest request) {
        assertRefused(request, REFUSALS);
    }

    /** Every whole-body mutation on every operation, once. */
    @Example
    void everyWholeBodyMutationOnEveryOperation() {
        int sent = 0;
        for (Operation op : OPERATIONS) {
            for (BadRequest request : wholeBodyMutations(op)) {
                assertRefused(request, REFUSALS);
                sent++;
            }
        }
        System.out.println("[system-tests] whole-body mutations: " + sent + " requests");
    }

    /** A valid body at an id that names nothing: 400 when it is not an id, 404 when no such resource. */
    @Example
    void unknownAndNonIdPathParametersAre400Or404() {
        int sent = 0;
        for (Operation op : OPERATIONS) {
            for (String param : op.pathParams()) {
                List<String> values = new ArrayList<>(BAD_IDS);
                values.add(UUID.randomUUID().toString());
                for (String value : values) {
                    Map<String, String> ids = new LinkedHashMap<>(op.realIds());
                    ids.put(param, value);
                    BadRequest request = new BadRequest(op, "path id", "{" + param + "} = " + excerpt(value, 80), op.path(ids),
                            "application/json", op.baseBodyText());
                    assertRefused(request, Set.of(400, 404));
                    sent++;
                }
            }
        }
        if (sent == 0) {
            throw new AssertionError("No operation with a path parameter");
        }
        System.out.println("[system-tests] bad path ids: " + sent + " requests");
    }

    @Provide
    Arbitrary<BadRequest> badBodies() {
        return Arbitraries.of(OPERATIONS).flatMap(BadInputCorpusIT::mutationsOf);
    }

    // ---------------------------------------------------------------------------------------------
    // The set-up: real ids

    private static void createValidData(JsonApi membership, JsonApi convention, JsonApi billing) {
        String organisation = membership.create("/api/v1/organisations", """
                {"name": "Département du Pas-de-Calais", "siret": "22620001200012", "category": "DEPARTEMENT",
                 "headcount": 5000,
                 "address": {"street": "Hôtel du Département, rue Ferdinand Buisson", "postalCode": "62018", "city": "Arras cedex"}}
                """).path("id").asText();
        String membershipId = membership.create("/api/v1/memberships", Map.of("organisationId", organisation,
                "purchasingBody", "RESAH", "bulletinReceivedOn", "2023-12-11")).path("id").asText();
        String offer = "RESAH-2021-008-LOT3";
        String conventionId = convention.create("/api/v1/conventions", Map.of(
                "offer", offer, "signatoryId", organisation, "mode", "OWN_ACCOUNT", "endsOn", "2025-06-30",
                "beneficiaries", List.of(Map.of("organisationId", organisation, "startsOn", "2024-01-15")))).path("id").asText();
        convention.post("/api/v1/conventions/" + conventionId + "/signature", Map.of("signedOn", "2023-12-20"), 200);
        JsonNode run = billing.create("/api/v1/billing-runs", Map.of("asOf", "2024-01-15"));
        if (run.path("issuedCount").asInt() < 1) {
            throw new AssertionError("The billing run issued no titre: " + run);
        }
        String titre = billing.get("/api/v1/titres?size=1").path("items").path(0).path("id").asText();
        IDS.put("organisations", organisation);
        IDS.put("memberships", membershipId);
        IDS.put("conventions", conventionId);
        IDS.put("offers", offer);
        IDS.put("purchasing-bodies", "RESAH");
        IDS.put("year", "2026");
        IDS.put("billing-runs", run.path("id").asText());
        IDS.put("titres", titre);
        IDS.put("contacts", membership.create("/api/v1/organisations/" + organisation + "/contacts",
                Map.of("name", "Service de la commande publique", "email", "commande.publique@pasdecalais.fr")).path("id").asText());
        IDS.put("issuers", "RESAH");
        IDS.put("budget-lines", billing.create("/api/v1/budget-lines", Map.of("debtorId", organisation,
                "operationCode", "C06-020M02", "imputation", "6281/930202", "fiscalYear", 2024,
                "credits", new BigDecimal("3000.00"))).path("id").asText());
        // Disabled: no delivery attempt may write between the table snapshots of the properties.
        IDS.put("webhooks", billing.create("/api/v1/webhooks", Map.of("url", "https://sig.example.org/centrale/webhooks",
                "enabled", false)).path("id").asText());
    }

    /**
     * Every table of the three databases (Flyway's history aside), "database.table" → its row count and an
     * MD5 of its rows: an update shows as well as an insert or a delete.
     */
    private static Map<String, String> tableStates() {
        Map<String, String> states = new TreeMap<>();
        for (String db : List.of("membership", "convention", "billing")) {
            for (String table : databases.column(db, """
                    SELECT table_name FROM information_schema.tables
                    WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'flyway_schema_history'""")) {
                states.put(db + "." + table, databases.column(db, """
                        SELECT count(*) || ' rows, md5 ' || md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), ''))
                        FROM public."%s" t""".formatted(table)).get(0));
            }
        }
        if (states.isEmpty()) {
            throw new AssertionError("No table found in the databases");
        }
        return states;
    }

    // ---------------------------------------------------------------------------------------------
    // The operations, from the OpenAPI documents

    private static void readOperations(String service, JsonNode openapi) throws IOException {
        Files.writeString(services.logDir().resolve(service + "-openapi.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(openapi));
        Schemas schemas = new Schemas(openapi.path("components").path("schemas"));
        for (Iterator<Map.Entry<String, JsonNode>> paths = openapi.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : List.of("post", "put", "patch")) {
                JsonNode operation = path.getValue().get(method);
                JsonNode content = operation == null ? null : operation.path("requestBody").path("content");
                if (content != null && !content.has("application/json") && content.has("application/xml")) {
                    // An XML file (POST /pes/retours, a PES_Retour): the corpus mutates JSON; the file's schema check
                    // and its bad inputs are billing-service's PesResourceTest and PesRoundTripIT.
                    continue;
                }
                if (operation != null) {
                    OPERATIONS.add(Operation.of(service, method.toUpperCase(Locale.ROOT), path.getKey(), operation, schemas));
                }
            }
        }
    }

    /** Resolves {@code $ref}s to {@code components.schemas}, and a single-{@code allOf} wrapping. */
    record Schemas(JsonNode components) {

        JsonNode resolve(JsonNode schema) {
            JsonNode s = schema;
            for (int depth = 0; depth < 20 && s != null; depth++) {
                if (s.has("$ref")) {
                    String ref = s.get("$ref").asText();
                    s = components.get(ref.substring(ref.lastIndexOf('/') + 1));
                } else if (s.has("allOf") && s.get("allOf").size() == 1 && !s.has("properties")) {
                    s = s.get("allOf").get(0);
                } else {
                    return s;
                }
            }
            throw new IllegalStateException("Cannot resolve " + schema);
        }

        /** "object", "array", "string", "integer", "number", "boolean". */
        String type(JsonNode schema) {
            JsonNode s = resolve(schema);
            JsonNode type = s.get("type");
            if (type != null && type.isArray()) {
                for (JsonNode t : type) {
                    if (!"null".equals(t.asText())) {
                        return t.asText();
                    }
                }
            }
            if (type != null && type.isTextual()) {
                return type.asText();
            }
            if (s.has("properties")) {
                return "object";
            }
            if (s.has("items")) {
                return "array";
            }
            if (s.has("enum")) {
                return "string";
            }
            return "any";
        }
    }

    /** A field of a request body: its path in the body (names and array indices) and its schema. */
    record Field(List<Object> path, JsonNode schema, String type, boolean required) {

        String name() {
            StringBuilder out = new StringBuilder();
            for (Object part : path) {
                if (part instanceof Integer index) {
                    out.append('[').append(index).append(']');
                } else {
                    out.append(out.isEmpty() ? "" : ".").append(part);
                }
            }
            return out.toString();
        }

        String format() {
            return schema.path("format").asText("");
        }

        boolean isEnum() {
            return schema.has("enum");
        }

        boolean isDate() {
            return "string".equals(type) && "date".equals(format());
        }

        /** A string that must match something: a date, an id, an enum value, a pattern, an e-mail address. */
        boolean isConstrainedString() {
            return "string".equals(type) && (isEnum() || pattern(schema) != null
                    || Set.of("date", "date-time", "uuid", "email").contains(format()));
        }

        /** A field no injection string fits: a number, a boolean, a constrained string, an object, an array. */
        boolean rejectsAnyString() {
            return Set.of("integer", "number", "boolean", "object", "array").contains(type) || isConstrainedString();
        }

        /** Money and other decimals: not an integer. */
        boolean isDecimal() {
            return "number".equals(type);
        }

        /** Negative numbers are invalid when the minimum is 0 or more. */
        boolean nonNegative() {
            return schema.path("minimum").asDouble(-1) >= 0 || schema.has("exclusiveMinimum")
                    && schema.get("exclusiveMinimum").isNumber() && schema.get("exclusiveMinimum").asDouble() >= 0
                    || schema.path("exclusiveMinimum").asBoolean(false) && schema.path("minimum").asDouble(-1) >= 0;
        }

        boolean positive() {
            JsonNode exclusive = schema.get("exclusiveMinimum");
            return exclusive != null && (exclusive.isNumber() && exclusive.asDouble() >= 0
                    || exclusive.asBoolean(false) && schema.path("minimum").asDouble(-1) >= 0);
        }
    }

    record Operation(String service, String method, String template, List<String> pathParams, boolean bodyRequired,
                     ObjectNode baseBody, List<Field> fields) {

        static Operation of(String service, String method, String template, JsonNode operation, Schemas schemas) {
            List<String> params = new ArrayList<>();
            Matcher m = Pattern.compile("\\{([^}]+)}").matcher(template);
            while (m.find()) {
                params.add(m.group(1));
            }
            JsonNode requestBody = operation.path("requestBody");
            JsonNode content = requestBody.path("content").path("application/json");
            if (content.isMissingNode()) {
                throw new AssertionError(service + " " + method + " " + template + " has no application/json request body in its OpenAPI: "
                        + operation.path("requestBody"));
            }
            JsonNode schema = schemas.resolve(content.path("schema"));
            ObjectNode base = example(content);
            complete(base, schema, schemas);
            List<Field> fields = new ArrayList<>();
            collect(schemas, schema, base, List.of(), fields, 0);
            Operation op = new Operation(service, method, template, List.copyOf(params),
                    requestBody.path("required").asBoolean(false), base, List.copyOf(fields));
            op.realIds(); // fails now when a path parameter has no real id
            return op;
        }

        String key() {
            return service + " " + method + " " + template;
        }

        /** The real id of every path parameter. */
        Map<String, String> realIds() {
            Map<String, String> ids = new LinkedHashMap<>();
            String[] segments = template.split("/");
            for (int i = 0; i < segments.length; i++) {
                if (segments[i].startsWith("{")) {
                    String param = segments[i].substring(1, segments[i].length() - 1);
                    String id = IDS.containsKey(param) ? IDS.get(param) : IDS.get(segments[i - 1]);
                    if (id == null) {
                        throw new AssertionError("No real id for {" + param + "} of " + key()
                                + ": create one in createValidData so that its requests reach the body's validation");
                    }
                    ids.put(param, id);
                }
            }
            return ids;
        }

        String path(Map<String, String> ids) {
            String path = template;
            for (Map.Entry<String, String> id : ids.entrySet()) {
                path = path.replace("{" + id.getKey() + "}",
                        URLEncoder.encode(id.getValue(), StandardCharsets.UTF_8).replace("+", "%20"));
            }
            return path;
        }

        String realPath() {
            return path(realIds());
        }

        String baseBodyText() {
            return write(baseBody);
        }

        @Override
        public String toString() {
            return method + " " + template;
        }

        /** The first example of the request body, or an empty object. */
        private static ObjectNode example(JsonNode content) {
            JsonNode example = content.get("example");
            if (example == null && content.has("examples") && content.get("examples").size() > 0) {
                example = content.get("examples").elements().next().get("value");
            }
            if (example != null && example.isTextual()) {
                try {
                    example = JSON.readTree(example.asText());
                } catch (IOException e) {
                    example = null;
                }
            }
            return example instanceof ObjectNode object ? object.deepCopy() : JsonNodeFactory.instance.objectNode();
        }

        /**
         * Adds what the schema requires and the example lacks; every id of an organisation is the real one, so
         * that a body without its mutation would reach the services' rules.
         */
        private static void complete(ObjectNode body, JsonNode schema, Schemas schemas) {
            JsonNode properties = schemas.resolve(schema).path("properties");
            for (JsonNode required : schemas.resolve(schema).path("required")) {
                if (!body.has(required.asText()) && properties.has(required.asText())) {
                    body.set(required.asText(), valueOf(properties.get(required.asText()), schemas));
                }
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> property = it.next();
                JsonNode value = body.get(property.getKey());
                JsonNode ps = schemas.resolve(property.getValue());
                if (value == null) {
                    continue;
                }
                if ("uuid".equals(ps.path("format").asText()) && property.getKey().toLowerCase(Locale.ROOT).contains("organisation")
                        || property.getKey().equals("signatoryId")) {
                    body.put(property.getKey(), IDS.get("organisations"));
                } else if (value instanceof ObjectNode object && "object".equals(schemas.type(ps))) {
                    complete(object, ps, schemas);
                } else if (value instanceof ArrayNode array && ps.has("items") && "object".equals(schemas.type(ps.get("items")))) {
                    array.forEach(item -> {
                        if (item instanceof ObjectNode object) {
                            complete(object, ps.get("items"), schemas);
                        }
                    });
                }
            }
        }

        /** A valid-looking value for a schema: its example, else the first enum value, else a plain one. */
        private static JsonNode valueOf(JsonNode schema, Schemas schemas) {
            JsonNode s = schemas.resolve(schema);
            JsonNodeFactory f = JsonNodeFactory.instance;
            if (s.has("example")) {
                return s.get("example").deepCopy();
            }
            if (s.path("examples").isArray() && s.get("examples").size() > 0) {
                return s.get("examples").get(0).deepCopy();
            }
            if (s.has("enum")) {
                return s.get("enum").get(0).deepCopy();
            }
            switch (schemas.type(s)) {
                case "object": {
                    ObjectNode object = f.objectNode();
                    complete(object, s, schemas);
                    return object;
                }
                case "array": {
                    ArrayNode array = f.arrayNode();
                    array.add(valueOf(s.path("items"), schemas));
                    return array;
                }
                case "integer":
                    return f.numberNode(Math.max(1, s.path("minimum").asInt(1)));
                case "number":
                    return f.numberNode(new BigDecimal("1.00"));
                case "boolean":
                    return f.booleanNode(false);
                default:
                    return switch (s.path("format").asText()) {
                        case "date" -> f.textNode("2024-06-01");
                        case "uuid" -> f.textNode(IDS.get("organisations"));
                        default -> f.textNode("x");
                    };
            }
        }

        /** Every field of the schema whose parent is in the body (so that setting it is one change). */
        private static void collect(Schemas schemas, JsonNode schema, JsonNode body, List<Object> path, List<Field> out, int depth) {
            JsonNode s = schemas.resolve(schema);
            if (depth > 5) {
                return;
            }
            Set<String> required = new HashSet<>();
            s.path("required").forEach(r -> required.add(r.asText()));
            for (Iterator<Map.Entry<String, JsonNode>> it = s.path("properties").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> property = it.next();
                JsonNode ps = schemas.resolve(property.getValue());
                List<Object> fieldPath = new ArrayList<>(path);
                fieldPath.add(property.getKey());
                String type = schemas.type(ps);
                // The schema with its item type inlined: arrays of enums and of patterns are mutated through their items.
                JsonNode effective = ps;
                if ("array".equals(type)) {
                    ObjectNode copy = ps.deepCopy();
                    copy.set("items", schemas.resolve(ps.path("items")));
                    effective = copy;
                }
                out.add(new Field(List.copyOf(fieldPath), effective, type, required.contains(property.getKey())));
                JsonNode value = body.get(property.getKey());
                if ("object".equals(type) && value instanceof ObjectNode) {
                    collect(schemas, ps, value, fieldPath, out, depth + 1);
                } else if ("array".equals(type) && value instanceof ArrayNode array && array.size() > 0
                        && array.get(0) instanceof ObjectNode && "object".equals(schemas.type(ps.path("items")))) {
                    List<Object> itemPath = new ArrayList<>(fieldPath);
                    itemPath.add(0);
                    collect(schemas, ps.path("items"), array.get(0), itemPath, out, depth + 1);
                }
            }
        }
    }

    // ---------------------------------------------------------------------------------------------
    // The mutations

    /** One request to send: what the failure message shows. */
    record BadRequest(Operation op, String category, String mutation, String path, String contentType, String body) {

        @Override
        public String toString() {
            return op.service() + " " + op.method() + " " + path + " [" + category + ": " + mutation + "] Content-Type: "
                    + contentType + ", body " + excerpt(body);
        }
    }

    /** The mutations of an operation's body, category by category (each category equally likely). */
    private static Arbitrary<BadRequest> mutationsOf(Operation op) {
        List<Arbitrary<BadRequest>> categories = new ArrayList<>();
        List<Field> required = op.fields().stream().filter(Field::required).toList();
        if (!required.isEmpty()) {
            categories.add(Arbitraries.of(required).flatMap(f -> Arbitraries.of("removed", "null").map(how ->
                    how.equals("removed") ? set(op, "missing required field", f, null) : set(op, "missing required field", f,
                            JsonNodeFactory.instance.nullNode()))));
        }
        if (!op.fields().isEmpty()) {
            categories.add(Arbitraries.of(op.fields()).flatMap(f -> wrongTypes(f).map(v -> set(op, "wrong type", f, v))));
        }
        List<Field> numbers = op.fields().stream().filter(f -> Set.of("integer", "number").contains(f.type())).toList();
        if (!numbers.isEmpty()) {
            categories.add(Arbitraries.of(numbers).flatMap(f -> badNumbers(f).map(v -> set(op, "bad number", f, v))));
        }
        List<Field> enums = op.fields().stream().filter(f -> f.isEnum() || "array".equals(f.type()) && f.schema().path("items").has("enum")).toList();
        if (!enums.isEmpty()) {
            categories.add(Arbitraries.of(enums).flatMap(f -> Arbitraries.of("NOT_A_VALUE", "", " ", "lower-case", "suffixed", "\u0000")
                    .map(v -> set(op, "unknown enum value", f, unknownEnum(f, v)))));
        }
        List<Field> dates = op.fields().stream().filter(Field::isDate).toList();
        if (!dates.isEmpty()) {
            categories.add(Arbitraries.of(dates).flatMap(f -> invalidDates().map(v -> set(op, "invalid date", f, JsonNodeFactory.instance.textNode(v)))));
        }
        List<Field> constrained = op.fields().stream().filter(Field::rejectsAnyString).toList();
        if (!constrained.isEmpty()) {
            categories.add(Arbitraries.of(constrained).flatMap(f -> injections(f).map(v -> set(op, "injection string", f, v))));
        }
        List<Field> strings = op.fields().stream().filter(f -> "string".equals(f.type())).toList();
        if (!strings.isEmpty()) {
            // NUL cannot be stored in a PostgreSQL text: refused anywhere, even in free text.
            categories.add(Arbitraries.of(strings).flatMap(f -> Arbitraries.of("\u0000", "a\u0000b", "Arras\u0000; DROP TABLE titre")
                    .map(v -> set(op, "NUL character", f, JsonNodeFactory.instance.textNode(v)))));
        }
        List<Field> bounded = op.fields().stream()
                .filter(f -> "string".equals(f.type()) && (f.schema().has("maxLength") || f.isConstrainedString())).toList();
        if (!bounded.isEmpty()) {
            categories.add(Arbitraries.of(bounded).flatMap(f -> Arbitraries.of(1, 10_000).map(extra -> {
                int length = f.schema().has("maxLength") && extra == 1 ? f.schema().get("maxLength").asInt() + 1 : 10_000;
                return set(op, "too long", f, JsonNodeFactory.instance.textNode("Z".repeat(length)));
            })));
        }
        List<BadRequest> wholeBody = wholeBodyMutations(op);
        if (!wholeBody.isEmpty()) {
            categories.add(Arbitraries.of(wholeBody));
        }
        return Arbitraries.oneOf(categories);
    }

    /** A JSON type the field cannot take, nor be coerced from. */
    private static Arbitrary<JsonNode> wrongTypes(Field f) {
        JsonNodeFactory n = JsonNodeFactory.instance;
        List<JsonNode> values = new ArrayList<>();
        if (!"object".equals(f.type())) {
            values.addAll(List.of(n.objectNode().put("value", 1), n.objectNode()));
        }
        switch (f.type()) {
            case "object" -> values.addAll(List.of(n.textNode("text"), n.numberNode(42), n.booleanNode(true), n.arrayNode().add(1),
                    n.arrayNode()));
            case "array" -> values.addAll(List.of(n.textNode("text"), n.numberNode(42), n.booleanNode(true), n.objectNode()));
            case "integer" -> values.addAll(List.of(n.textNode("twelve"), n.booleanNode(true), n.arrayNode().add(1), n.numberNode(1.5)));
            case "number" -> values.addAll(List.of(n.textNode("six hundred"), n.booleanNode(false), n.arrayNode().add(600)));
            case "boolean" -> values.addAll(List.of(n.textNode("maybe"), n.arrayNode().add(true)));
            default -> {
                values.add(n.arrayNode().add("text"));
                values.add(n.arrayNode());
                if (f.isEnum() || f.isDate() || "uuid".equals(f.format())) {
                    values.addAll(List.of(n.numberNode(20250101), n.booleanNode(true), n.numberNode(1.5)));
                }
            }
        }
        if (f.required()) {
            values.add(n.nullNode());
        }
        return Arbitraries.of(values);
    }

    /** Huge, negative where the minimum is 0, NaN-like, more decimals than money has, fractions for integers. */
    private static Arbitrary<JsonNode> badNumbers(Field f) {
        JsonNodeFactory n = JsonNodeFactory.instance;
        List<Arbitrary<JsonNode>> values = new ArrayList<>();
        values.add(Arbitraries.<JsonNode>of(
                n.numberNode(new BigDecimal("1e400")),
                n.numberNode(new BigDecimal("99999999999999999999999.999")),
                n.numberNode(BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE)),
                n.textNode("NaN"), n.textNode("Infinity"), n.textNode("-Infinity"), n.textNode("1e400"), n.textNode("0x1F")));
        values.add(Arbitraries.bigIntegers().between(BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE), BigInteger.TEN.pow(40))
                .map(b -> (JsonNode) n.numberNode(b)));
        if (f.isDecimal()) {
            values.add(Arbitraries.<JsonNode>of(n.numberNode(new BigDecimal("0.001")), n.numberNode(new BigDecimal("600.005"))));
            values.add(Arbitraries.bigDecimals().between(new BigDecimal("0.001"), new BigDecimal("1000000")).ofScale(3)
                    .filter(d -> d.stripTrailingZeros().scale() > 2).map(d -> (JsonNode) n.numberNode(d)));
        } else {
            values.add(Arbitraries.<JsonNode>of(n.numberNode(new BigDecimal("1.5")), n.numberNode(new BigDecimal("0.001"))));
        }
        if (f.nonNegative() || f.positive()) {
            values.add(Arbitraries.<JsonNode>of(n.numberNode(-1), n.numberNode(new BigDecimal("-0.01")),
                    n.numberNode(BigInteger.valueOf(Long.MIN_VALUE).subtract(BigInteger.ONE))));
            values.add(Arbitraries.integers().between(Integer.MIN_VALUE, -1).map(i -> (JsonNode) n.numberNode(i)));
        }
        if (f.positive()) {
            values.add(Arbitraries.<JsonNode>of(n.numberNode(0), n.numberNode(new BigDecimal("0.00"))));
        }
        if (f.schema().has("maximum") && "integer".equals(f.type())) {
            long max = f.schema().get("maximum").asLong();
            values.add(Arbitraries.longs().between(max + 1, Math.max(max + 1, Integer.MAX_VALUE)).map(l -> (JsonNode) n.numberNode(l)));
        }
        return Arbitraries.oneOf(values);
    }

    private static JsonNode unknownEnum(Field f, String how) {
        JsonNode values = f.isEnum() ? f.schema().get("enum") : f.schema().path("items").get("enum");
        String first = values.get(0).asText();
        String value = switch (how) {
            case "lower-case" -> first.toLowerCase(Locale.ROOT);
            case "suffixed" -> first + "_X";
            default -> how;
        };
        JsonNodeFactory n = JsonNodeFactory.instance;
        return f.isEnum() ? n.textNode(value) : n.arrayNode().add(value);
    }

    private static Arbitrary<String> invalidDates() {
        return Arbitraries.oneOf(
                Arbitraries.of("2025-02-30", "31/12/2025", "", " ", "2025-13-01", "99999-01-01", "2025-1-1", "2025-06-31",
                        "2023-02-29", "0000-00-00", "2025-06-15T10:00:00Z", "yesterday", "2025-W01-1", "20250101"),
                // yyyy-MM-dd shaped, with a month or a day that no calendar has.
                Arbitraries.integers().between(1900, 2100).flatMap(year -> Arbitraries.oneOf(
                        Arbitraries.integers().between(13, 99).map(month -> "%04d-%02d-15".formatted(year, month)),
                        Arbitraries.integers().between(32, 99).map(day -> "%04d-06-%02d".formatted(year, day)))));
    }

    /**
     * The pattern the service checks (a Bean Validation {@code @Pattern}: the whole value must match), or
     * null; {@code \S} is how the OpenAPI document says {@code @NotBlank}, which any of these strings passes.
     */
    static Pattern pattern(JsonNode schema) {
        String pattern = schema.path("pattern").asText("");
        return pattern.isEmpty() || pattern.equals("\\S") ? null : Pattern.compile(pattern);
    }

    /** Injection strings, in a field that cannot hold them (an array field gets them as its item). */
    private static Arbitrary<JsonNode> injections(Field f) {
        JsonNodeFactory n = JsonNodeFactory.instance;
        boolean array = "array".equals(f.type());
        JsonNode valueSchema = array ? f.schema().path("items") : f.schema();
        Pattern pattern = pattern(valueSchema);
        List<String> values = new ArrayList<>(INJECTIONS);
        values.add("'".repeat(10_000));
        boolean freeTextItems = array && "string".equals(valueSchema.path("type").asText()) && pattern == null
                && !valueSchema.has("enum") && !valueSchema.has("format");
        if (pattern != null) {
            // Only what the pattern refuses (none of them matches a code or a number pattern, but check).
            values.removeIf(v -> pattern.matcher(v).matches());
        }
        if (Set.of("integer", "number", "boolean").contains(f.type())) {
            values.remove("null"); // Jackson reads the text "null" as null there, on purpose
        }
        if (values.isEmpty()) {
            // The field's pattern takes every injection string: an array in its place is still refused.
            return Arbitraries.just(n.arrayNode().add("text"));
        }
        Arbitrary<String> strings = Arbitraries.of(values);
        if (array && !freeTextItems) {
            return strings.map(s -> (JsonNode) n.arrayNode().add(s));
        }
        // A field that is no string at all, or an array of free text replaced by a string.
        return strings.map(v -> (JsonNode) n.textNode(v));
    }

    /** The same value set, or removed (null), at the field's path in a copy of the base body. */
    private static BadRequest set(Operation op, String category, Field field, JsonNode value) {
        ObjectNode body = op.baseBody().deepCopy();
        JsonNode parent = body;
        List<Object> path = field.path();
        for (Object part : path.subList(0, path.size() - 1)) {
            parent = part instanceof Integer index ? parent.get(index) : parent.get((String) part);
        }
        String name = (String) path.get(path.size() - 1);
        String description;
        if (value == null) {
            ((ObjectNode) parent).remove(name);
            description = field.name() + " removed";
        } else {
            ((ObjectNode) parent).set(name, value);
            description = field.name() + " = " + excerpt(write(value), 80);
        }
        return new BadRequest(op, category, description, op.realPath(), "application/json", write(body));
    }

    /** Malformed JSON, wrong Content-Types, 1 MB bodies. */
    private static List<BadRequest> wholeBodyMutations(Operation op) {
        String path = op.realPath();
        String valid = op.baseBodyText();
        List<BadRequest> out = new ArrayList<>();
        out.add(new BadRequest(op, "malformed JSON", "truncated", path, "application/json", valid.substring(0, valid.length() / 2)));
        out.add(new BadRequest(op, "malformed JSON", "trailing comma", path, "application/json",
                valid.substring(0, valid.lastIndexOf('}')) + (op.baseBody().isEmpty() ? "\"a\": 1," : ",") + "}"));
        out.add(new BadRequest(op, "malformed JSON", "single quotes", path, "application/json", valid.replace('"', '\'')));
        out.add(new BadRequest(op, "malformed JSON", "a bare string", path, "application/json", "\"hello\""));
        out.add(new BadRequest(op, "malformed JSON", "a number", path, "application/json", "42"));
        out.add(new BadRequest(op, "malformed JSON", "[]", path, "application/json", "[]"));
        out.add(new BadRequest(op, "malformed JSON", "two objects", path, "application/json", valid + valid));
        out.add(new BadRequest(op, "malformed JSON", "not JSON", path, "application/json", "amount=600&paidOn=2025-01-28"));
        if (op.bodyRequired()) {
            // A body-less billing run is valid (as of today); where the body is required, none is a 400.
            out.add(new BadRequest(op, "malformed JSON", "null", path, "application/json", "null"));
            out.add(new BadRequest(op, "malformed JSON", "empty body", path, "application/json", ""));
        }
        out.add(new BadRequest(op, "wrong Content-Type", "text/plain", path, "text/plain", valid));
        out.add(new BadRequest(op, "wrong Content-Type", "application/xml", path, "application/xml", "<body><amount>600</amount></body>"));
        out.add(new BadRequest(op, "wrong Content-Type", "application/x-www-form-urlencoded", path, "application/x-www-form-urlencoded", "a=1"));
        Field target = op.fields().stream().filter(Field::rejectsAnyString)
                .filter(f -> f.path().size() == 1).findFirst()
                .orElseGet(() -> op.fields().stream().filter(f -> f.schema().has("maxLength") && f.path().size() == 1).findFirst().orElse(null));
        if (target != null) {
            ObjectNode huge = op.baseBody().deepCopy();
            huge.put((String) target.path().get(0), "A".repeat(ONE_MB));
            out.add(new BadRequest(op, "1 MB body", "1 MB string in " + target.name(), path, "application/json", write(huge)));
        }
        out.add(new BadRequest(op, "1 MB body", "1 MB of [", path, "application/json", "[".repeat(ONE_MB)));
        out.add(new BadRequest(op, "1 MB body", "1 MB of {\"a\":", path, "application/json", "{\"a\":".repeat(ONE_MB / 5)));
        return out;
    }

    // ---------------------------------------------------------------------------------------------
    // Sending and checking

    private static void assertRefused(BadRequest request, Set<Integer> allowed) {
        ServiceProcess service = SERVICES.get(request.op().service());
        URI uri = service.url(request.path());
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json")
                .header("Content-Type", request.contentType())
                .method(request.op().method(), request.body().isEmpty()
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(request.body()));
        HttpResponse<String> response;
        try {
            response = services.http().send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(request + "\nfailed: " + e + service.logTail(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(request + " interrupted", e);
        }
        int status = response.statusCode();
        STATS.computeIfAbsent(request.category(), c -> new ConcurrentHashMap<>())
                .computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
        String body = response.body();
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        String answer = "\nanswered " + status + " " + contentType + ": " + excerpt(body);
        if (Boolean.getBoolean("corpus.verbose") && status != 400 && status != 404 && status != 415) {
            System.out.println("[system-tests] " + request + answer);
        }
        if (status >= 500) {
            throw new AssertionError("A server error for a bad request:\n" + request + answer
                    + "\n---- end of " + service.name() + "'s log ----\n" + service.tail(40));
        }
        if (status < 300) {
            ACCEPTED.add(request + " (" + status + ")");
            throw new AssertionError("A bad request was accepted (a generator mutation that is still valid, or a service "
                    + "that takes invalid data):\n" + request + answer);
        }
        if (!allowed.contains(status)) {
            throw new AssertionError("Status " + status + " is none of " + new TreeSet<>(allowed) + ":\n" + request + answer);
        }
        if (!contentType.startsWith("application/problem+json")) {
            throw new AssertionError("Not an application/problem+json answer:\n" + request + answer);
        }
        JsonNode problem;
        try {
            problem = JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("The problem is not JSON:\n" + request + answer, e);
        }
        if (problem == null || problem.path("status").asInt() != status || problem.path("code").asText("").isBlank()
                || problem.path("detail").asText("").isBlank()) {
            throw new AssertionError("The problem lacks its status (equal to the HTTP status), code or detail:\n" + request + answer);
        }
        for (String leak : LEAKS) {
            if (body.contains(leak)) {
                throw new AssertionError("The answer shows the inside (\"" + leak + "\"):\n" + request + answer);
            }
        }
    }

    private static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String excerpt(String text) {
        return excerpt(text, 300);
    }

    /** At most {@code max} characters, control characters shown escaped, with the full length when cut. */
    static String excerpt(String text, int max) {
        String shown = text.length() <= max ? text : text.substring(0, max);
        StringBuilder out = new StringBuilder();
        shown.codePoints().forEach(c -> {
            if (c < 0x20 || c == 0x7f || c == 0x202e || c == 0x202c) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return text.length() <= max ? out.toString() : out + "… (" + text.length() + " chars)";
    }
}
