package fr.centrale.convention;

import fr.centrale.common.organisation.Category;
import fr.centrale.convention.domain.TariffLine;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/** One row of an offer's tariff grid, stored; see {@link TariffLine} for its meaning. */
@Entity
@Table(name = "tariff_row")
public class TariffRow extends PanacheEntityBase {

    @Id
    public UUID id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "offer_id")
    public Offer offer;
    /** Order in the grid; the first matching row wins. */
    public int rank;
    public String code;
    @Enumerated(EnumType.STRING)
    public TariffLine.Kind kind;
    /** Comma-separated categories (CATEGORY rows). */
    public String categories;
    @Column(name = "min_value")
    public Integer min;
    @Column(name = "max_value")
    public Integer max;
    /** Annual amount; null = on quote ("Nous contacter"). */
    public BigDecimal amount;
    public String label;

    public TariffLine toLine() {
        Set<Category> set = EnumSet.noneOf(Category.class);
        if (categories != null && !categories.isBlank()) {
            Arrays.stream(categories.split(",")).map(String::trim).map(Category::valueOf).forEach(set::add);
        }
        return new TariffLine(code, kind, set, min, max, amount, label);
    }
}
