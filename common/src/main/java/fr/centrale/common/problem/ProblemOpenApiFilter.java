package fr.centrale.common.problem;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.examples.Example;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import java.util.List;
import java.util.Map;

/**
 * Declares the problem+json error answers once (BadRequest, NotFound, Conflict, Unprocessable,
 * ServiceUnavailable, Unauthorized, Forbidden) so that every operation refers to them, and adds the
 * identity answers (401, 403) to every {@code /api/} operation. Enabled by
 * {@code mp.openapi.filter=fr.centrale.common.problem.ProblemOpenApiFilter}.
 */
public class ProblemOpenApiFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        if (components == null) {
            components = OASFactory.createComponents();
            openAPI.setComponents(components);
        }
        components.addSchema("Problem", problemSchema());
        components.addResponse("BadRequest", response("Malformed or invalid input: one entry in `errors` per bad field",
                "{\"type\": \"https://centrale.example/problems/invalid-request\", \"title\": \"Invalid request\", \"status\": 400, "
                        + "\"detail\": \"address.postalCode: must be 5 digits\", \"code\": \"INVALID_REQUEST\", "
                        + "\"errors\": [{\"field\": \"address.postalCode\", \"message\": \"must be 5 digits\"}]}"));
        components.addResponse("NotFound", response("No such resource",
                "{\"type\": \"https://centrale.example/problems/not-found\", \"title\": \"Not found\", \"status\": 404, "
                        + "\"detail\": \"Organisation 3f0c5a4e-8d7b-4e43-9a51-0c3c1b1e9a20 does not exist\", \"code\": \"NOT_FOUND\"}"));
        components.addResponse("Conflict", response("Duplicate, stale version or a state that forbids the request",
                "{\"type\": \"https://centrale.example/problems/stale-version\", \"title\": \"Conflict\", \"status\": 409, "
                        + "\"detail\": \"Version 2 is stale; the current version is 3\", \"code\": \"STALE_VERSION\"}"));
        components.addResponse("Unprocessable", response("A business rule refuses the request; `code` names it",
                "{\"type\": \"https://centrale.example/problems/siret-invalid\", \"title\": \"Siret invalid\", \"status\": 422, "
                        + "\"detail\": \"SIRET 200 072 460 00014: the SIRET fails the Luhn checksum\", \"code\": \"SIRET_INVALID\", "
                        + "\"errors\": [{\"field\": \"siret\", \"message\": \"SIRET 200 072 460 00014: the SIRET fails the Luhn checksum\"}]}"));
        components.addResponse("ServiceUnavailable", response("A service this one depends on is unavailable; nothing was written",
                "{\"type\": \"https://centrale.example/problems/dependency-unavailable\", \"title\": \"Service unavailable\", "
                        + "\"status\": 503, \"detail\": \"membership-service does not answer\", \"code\": \"DEPENDENCY_UNAVAILABLE\"}"));
        components.addResponse("Unauthorized", response("No valid bearer token (at the gateway), or no identity forwarded by it",
                "{\"type\": \"https://centrale.example/problems/unauthorized\", \"title\": \"Unauthorized\", \"status\": 401, "
                        + "\"detail\": \"A bearer token is required\", \"code\": \"UNAUTHORIZED\"}"));
        components.addResponse("Forbidden", response("The caller's roles do not allow this operation",
                "{\"type\": \"https://centrale.example/problems/forbidden\", \"title\": \"Forbidden\", \"status\": 403, "
                        + "\"detail\": \"The roles [reader] do not allow POST /api/v1/billing-runs\", \"code\": \"FORBIDDEN\"}"));
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            openAPI.getPaths().getPathItems().forEach((path, item) -> {
                if (path.startsWith("/api/")) {
                    item.getOperations().values().forEach(ProblemOpenApiFilter::addIdentityAnswers);
                }
            });
        }
    }

    private static void addIdentityAnswers(Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        if (!operation.getResponses().hasAPIResponse("401")) {
            operation.getResponses().addAPIResponse("401", OASFactory.createAPIResponse().ref("#/components/responses/Unauthorized"));
        }
        if (!operation.getResponses().hasAPIResponse("403")) {
            operation.getResponses().addAPIResponse("403", OASFactory.createAPIResponse().ref("#/components/responses/Forbidden"));
        }
    }

    private static APIResponse response(String description, String example) {
        Example ex = OASFactory.createExample().value(example);
        MediaType media = OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref("#/components/schemas/Problem"))
                .examples(Map.of("problem", ex));
        Content content = OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, media);
        return OASFactory.createAPIResponse().description(description).content(content);
    }

    private static Schema problemSchema() {
        Schema string = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        Schema fieldError = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .properties(Map.of("field", string, "message", string));
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details")
                .properties(Map.of(
                        "type", OASFactory.createSchema().addType(Schema.SchemaType.STRING).description("URI of the problem type"),
                        "title", string,
                        "status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER),
                        "detail", OASFactory.createSchema().addType(Schema.SchemaType.STRING).description("What went wrong, for a person"),
                        "code", OASFactory.createSchema().addType(Schema.SchemaType.STRING).description("The rule or error kind, stable for programs"),
                        "errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(fieldError)))
                .required(List.of("type", "title", "status", "code"));
    }
}
