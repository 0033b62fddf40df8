package fr.centrale.convention;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A VAT rate of an offer stated before VAT, in force from {@code validFrom} (docs/rules.md, R-1). */
@Embeddable
public class OfferVatRate {

    @Column(name = "valid_from")
    public LocalDate validFrom;
    /** In percent, e.g. 20.00. */
    public BigDecimal rate;

    public OfferVatRate() {
    }

    public OfferVatRate(LocalDate validFrom, BigDecimal rate) {
        this.validFrom = validFrom;
        this.rate = rate;
    }
}
