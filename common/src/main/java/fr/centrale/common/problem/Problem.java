package fr.centrale.common.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** RFC 9457 problem details, with the rule {@code code} and the invalid {@code errors} of API.md. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(hidden = true)
public record Problem(
        @Schema(example = "https://centrale.example/problems/siret-invalid") String type,
        @Schema(example = "SIRET invalid") String title,
        @Schema(example = "422") int status,
        @Schema(example = "The SIRET 20007246000014 fails the Luhn checksum") String detail,
        @Schema(description = "The rule or error kind, stable for programs", example = "SIRET_INVALID") String code,
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
