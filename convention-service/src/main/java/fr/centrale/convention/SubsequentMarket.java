package fr.centrale.convention;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A subsequent market of an offer billed per subsequent market (RESAH 2021-046-001, 2021-047-001): docs/rules.md, R-9.
 * Market 1 is the convention's own; each NEW_SUBSEQUENT_MARKET amendment opens the next one.
 */
@Entity
@Table(name = "subsequent_market")
public class SubsequentMarket extends PanacheEntityBase {

    @Id
    public UUID id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "convention_id")
    public Convention convention;
    /** 1 for the convention's own market, then 2, 3, … in the order the amendments opened them. */
    public int seq;
    @Column(name = "starts_on")
    public LocalDate startsOn;
    @Column(name = "ends_on")
    public LocalDate endsOn;
    /** Its maximum (HT) over its whole duration; null when none was stated (carried forward from before R-9). */
    @Column(name = "maximum_amount")
    public BigDecimal maximumAmount;
    @Column(name = "consumed_amount")
    public BigDecimal consumedAmount;
    /** The day its orders reached the maximum ("épuise ses effets"). */
    @Column(name = "exhausted_on")
    public LocalDate exhaustedOn;
    /** The NEW_SUBSEQUENT_MARKET amendment that opened it; null for market 1. */
    @Column(name = "amendment_number")
    public Integer amendmentNumber;
    @Version
    public long version;
}
