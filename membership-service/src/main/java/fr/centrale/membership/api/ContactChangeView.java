package fr.centrale.membership.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "A recorded change of a contact (docs/rules.md, R-16)")
public record ContactChangeView(
        UUID id, UUID contactId, UUID organisationId,
        @Schema(description = "CREATED, CORRECTED or ERASED") String kind,
        @Schema(description = "The X-Centrale-User identity that made it; absent for an internal call or a change made before it "
                + "was recorded") String changedBy,
        Instant changedAt,
        @Schema(description = "The fields changed; their values are absent once the contact is erased") List<Field> changes) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Field(@Schema(example = "email") String field,
                        @Schema(example = "claire.martin@pasdecalais.fr") String oldValue,
                        @Schema(example = "claire.martin-dubois@pasdecalais.fr") String newValue) {
    }
}
