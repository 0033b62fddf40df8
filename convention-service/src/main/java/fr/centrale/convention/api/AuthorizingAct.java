package fr.centrale.convention.api;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

@Schema(description = "The debtor's délibération authorizing the signature")
public record AuthorizingAct(
        @Size(max = 100) @Schema(example = "2023-544") String number,
        @Schema(example = "2023-12-11") LocalDate date,
        @Size(max = 255) @Schema(example = "Commission Permanente du Conseil départemental") String body) {
}
