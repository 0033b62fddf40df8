package fr.centrale.common.problem;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemOpenApiFilterTest {

    @Test
    void everyApiOperationDocumentsTheIdentityAnswersAndOnlyThose() {
        Operation list = OASFactory.createOperation().responses(OASFactory.createAPIResponses()
                .addAPIResponse("200", OASFactory.createAPIResponse().description("ok")));
        Operation health = OASFactory.createOperation().responses(OASFactory.createAPIResponses()
                .addAPIResponse("200", OASFactory.createAPIResponse().description("ok")));
        OpenAPI openAPI = OASFactory.createOpenAPI().paths(OASFactory.createPaths()
                .addPathItem("/api/v1/titres", OASFactory.createPathItem().GET(list))
                .addPathItem("/q/health", OASFactory.createPathItem().GET(health)));

        new ProblemOpenApiFilter().filterOpenAPI(openAPI);

        assertThat(list.getResponses().getAPIResponse("401").getRef()).isEqualTo("#/components/responses/Unauthorized");
        assertThat(list.getResponses().getAPIResponse("403").getRef()).isEqualTo("#/components/responses/Forbidden");
        assertThat(list.getResponses().getAPIResponse("200").getDescription()).isEqualTo("ok");
        assertThat(health.getResponses().getAPIResponses()).containsOnlyKeys("200");
        assertThat(openAPI.getComponents().getResponses()).containsKeys("Unauthorized", "Forbidden", "NotFound");
    }
}
