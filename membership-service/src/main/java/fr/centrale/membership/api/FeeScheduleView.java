package fr.centrale.membership.api;

import fr.centrale.membership.MembershipFee;

import java.math.BigDecimal;
import java.math.RoundingMode;

public record FeeScheduleView(String purchasingBody, int year, BigDecimal medicoSocial, BigDecimal other) {

    public static FeeScheduleView of(String bodyCode, MembershipFee f) {
        return new FeeScheduleView(bodyCode, f.year, f.medicoSocial.setScale(2, RoundingMode.HALF_UP),
                f.other.setScale(2, RoundingMode.HALF_UP));
    }
}
