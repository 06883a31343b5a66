package no.kontor.application.reporting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import no.kontor.application.reporting.port.LedgerQueries;
import no.kontor.application.shared.port.Transactions;
import no.kontor.domain.identity.Actor;

/**
 * Sales by period and by seller, team, company, product or placement: ordered (and of it
 * barter), invoiced, credited and paid, in øre without VAT except payments, which are what the
 * bank paid (VAT included). Every member of staff reads it (docs/decisions/reports.md).
 */
public final class SalesReport {
    private final LedgerQueries queries;
    private final Transactions tx;

    public SalesReport(LedgerQueries queries, Transactions tx) {
        this.queries = queries;
        this.tx = tx;
    }

    /**
     * One period and key's figures; {@code paid} is null where payments cannot be told apart
     * (an invoice may bill several sellers' sales: {@link SalesDimension#carriesPayments()}).
     */
    public record Row(LocalDate period, String key, String label, long ordered, long barterOrdered, long invoiced, long credited,
                      long netInvoiced, Long paid) {
    }

    public record Sales(LocalDate from, LocalDate to, Grain grain, SalesDimension dimension, List<Row> rows, Row total) {
    }

    public Sales execute(Actor actor, LocalDate from, LocalDate to, Grain grain, SalesDimension dimension) {
        ReportReaders.require(actor);
        ReportPeriod.check(from, to);
        var g = grain == null ? Grain.MONTH : grain;
        var d = dimension == null ? SalesDimension.TOTAL : dimension;
        return tx.readOnly(() -> {
            record Cell(LocalDate period, String key) {
            }
            Comparator<Cell> order = Comparator.comparing(Cell::period);
            order = order.thenComparing(Cell::key, Comparator.nullsFirst(Comparator.<String>naturalOrder()));
            var sums = new TreeMap<Cell, long[]>(order);
            var labels = new java.util.HashMap<String, String>();
            var total = new long[LedgerQueries.Measure.values().length];
            for (var amount : queries.daily(from, to, d, LedgerQueries.Measure.ALL)) {
                var cell = new Cell(g.start(amount.day()), amount.key());
                sums.computeIfAbsent(cell, c -> new long[LedgerQueries.Measure.values().length])[amount.measure().ordinal()] += amount.amount();
                total[amount.measure().ordinal()] += amount.amount();
                if (amount.label() != null) {
                    labels.putIfAbsent(amount.key(), amount.label());
                }
            }
            var rows = new ArrayList<Row>();
            for (Map.Entry<Cell, long[]> e : sums.entrySet()) {
                rows.add(row(e.getKey().period(), e.getKey().key(), labels.get(e.getKey().key()), e.getValue(), d));
            }
            return new Sales(from, to, g, d, rows, row(null, null, null, total, d));
        });
    }

    private static Row row(LocalDate period, String key, String label, long[] sums, SalesDimension dimension) {
        long invoiced = sums[LedgerQueries.Measure.INVOICED.ordinal()];
        long credited = sums[LedgerQueries.Measure.CREDITED.ordinal()];
        return new Row(period, key, label != null ? label : key, sums[LedgerQueries.Measure.ORDERED.ordinal()],
                sums[LedgerQueries.Measure.BARTER_ORDERED.ordinal()], invoiced, credited, invoiced - credited,
                dimension.carriesPayments() ? sums[LedgerQueries.Measure.PAID.ordinal()] : null);
    }
}
