package fr.centrale.membership.domain;

import fr.centrale.common.organisation.Category;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MembershipFeeTableTest {

    private final MembershipFeeTable resah = new MembershipFeeTable(Map.of(
            2023, new MembershipFeeTable.Rates(new BigDecimal("300.00"), new BigDecimal("600.00"))));

    @Test
    void medicoSocialOrganisationsPayTheLowerFee() {
        assertThat(resah.feeFor(2023, Category.ESMS)).contains(new BigDecimal("300.00"));
        assertThat(resah.feeFor(2023, Category.DEPARTEMENT)).contains(new BigDecimal("600.00"));
        assertThat(resah.feeFor(2023, Category.EPS)).contains(new BigDecimal("600.00"));
    }

    @Test
    void theLatestScheduleCarriesForward() {
        assertThat(resah.feeFor(2027, Category.COMMUNE)).contains(new BigDecimal("600.00"));
    }

    @Test
    void noFeeBeforeTheFirstSchedule() {
        assertThat(resah.feeFor(2022, Category.COMMUNE)).isEmpty();
    }

    @Test
    void aNewYearsRatesLeaveThePastAlone() {
        MembershipFeeTable table = new MembershipFeeTable(Map.of(
                2023, new MembershipFeeTable.Rates(new BigDecimal("300.00"), new BigDecimal("600.00")),
                2026, new MembershipFeeTable.Rates(new BigDecimal("320.00"), new BigDecimal("650.00"))));
        assertThat(table.feeFor(2025, Category.OTHER)).contains(new BigDecimal("600.00"));
        assertThat(table.feeFor(2026, Category.OTHER)).contains(new BigDecimal("650.00"));
        assertThat(table.feeFor(2030, Category.ESMS)).contains(new BigDecimal("320.00"));
    }
}
