package fr.centrale.membership.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.centrale.membership.FeeCategory;
import fr.centrale.membership.MembershipBulletin;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "A bulletin a membership was signed or renewed on (docs/rules.md, R-15)")
public record BulletinView(UUID id, UUID membershipId,
                           @Schema(description = "Date of signature or receipt", example = "2023-12-11") LocalDate receivedOn,
                           FeeCategory feeCategory,
                           @Schema(example = "600.00") BigDecimal statedFee,
                           String terms,
                           @Schema(example = "2300004512") String chorusLegalCommitment,
                           @Schema(example = "DSI") String chorusServiceCode,
                           Instant recordedAt) {

    public static BulletinView of(MembershipBulletin b) {
        return new BulletinView(b.id, b.membershipId, b.receivedOn, b.feeCategory,
                b.statedFee == null ? null : b.statedFee.setScale(2, RoundingMode.HALF_UP), b.terms,
                b.chorusLegalCommitment, b.chorusServiceCode, b.recordedAt);
    }
}
