package fr.centrale.convention.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.centrale.convention.EligibleBeneficiary;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "EligibleBeneficiary", description = "A SIRET on an offer's list of potential beneficiaries (docs/rules.md, R-12)")
public record EligibleBeneficiaryView(
        @Schema(description = "The offer's code: the list holds for every version", example = "RESAH-2021-045-LOT2") String offer,
        @Schema(example = "20004132100018") String siret,
        @Schema(example = "CA de Béthune-Bruay, Artois Lys Romane") String name,
        Instant addedAt) {

    public static EligibleBeneficiaryView of(EligibleBeneficiary e) {
        return new EligibleBeneficiaryView(e.offerCode, e.siret, e.name, e.addedAt);
    }
}
