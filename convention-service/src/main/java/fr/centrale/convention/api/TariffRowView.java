package fr.centrale.convention.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.centrale.common.organisation.Category;
import fr.centrale.convention.TariffRow;
import fr.centrale.convention.domain.TariffLine;

import java.math.BigDecimal;
import java.util.List;

/** A row of an offer's grid; {@code amount} is absent when the row is on quote ({@code onQuote}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TariffRowView(int rank, String code, TariffLine.Kind kind, List<Category> categories, Integer min, Integer max,
                            BigDecimal amount, boolean onQuote, String label) {

    public static TariffRowView of(TariffRow row) {
        TariffLine line = row.toLine();
        List<Category> categories = line.categories().isEmpty() ? null : line.categories().stream().sorted().toList();
        return new TariffRowView(row.rank, row.code, row.kind, categories, row.min, row.max, row.amount, line.isOnQuote(),
                row.label);
    }
}
