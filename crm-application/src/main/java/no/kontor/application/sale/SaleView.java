package no.kontor.application.sale;

import java.util.List;

import no.kontor.domain.sale.Sale;
import no.kontor.domain.sale.SaleLine;
import no.kontor.domain.sale.SaleTotals;

/** A sale with its lines and their sums, as staff read it. */
public record SaleView(Sale sale, List<SaleLine> lines, SaleTotals totals) {
    public SaleView {
        lines = List.copyOf(lines);
    }

    public static SaleView of(Sale sale, List<SaleLine> lines) {
        return new SaleView(sale, lines, SaleTotals.of(lines));
    }
}
