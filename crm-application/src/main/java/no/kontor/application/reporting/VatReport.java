package no.kontor.application.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;

import no.kontor.application.reporting.port.ReportQueries;
import no.kontor.application.shared.port.Transactions;
import no.kontor.domain.identity.Actor;
import no.kontor.domain.identity.Role;
import no.kontor.domain.invoice.InvoiceKind;
import no.kontor.domain.invoice.InvoiceTotals;
import no.kontor.domain.invoice.TaxCategory;

/**
 * VAT totals per rate for a period of issue dates (Europe/Oslo days, both ends included), for
 * all staff (docs/decisions/reports.md). Each document's subtotals are computed by the same domain code that froze it, so
 * the report agrees with the invoices to the øre; a credit note subtracts its own.
 */
public final class VatReport {
    private final ReportQueries queries;
    private final Transactions tx;

    public VatReport(ReportQueries queries, Transactions tx) {
        this.queries = queries;
        this.tx = tx;
    }

    public VatTotals execute(Actor actor, LocalDate from, LocalDate to) {
        actor.require(Role.SELLER);
        ReportPeriod.check(from, to);
        return tx.readOnly(() -> {
            record Key(TaxCategory category, BigDecimal percent) {
            }
            var taxable = new LinkedHashMap<Key, long[]>();
            int invoices = 0;
            int creditNotes = 0;
            for (var document : queries.issuedBetween(from, to)) {
                int sign = document.kind() == InvoiceKind.CREDIT_NOTE ? -1 : 1;
                if (sign < 0) {
                    creditNotes++;
                } else {
                    invoices++;
                }
                for (var subtotal : InvoiceTotals.of(document.lines()).subtotals()) {
                    var sums = taxable.computeIfAbsent(new Key(subtotal.category(), subtotal.percent()), k -> new long[2]);
                    sums[0] += sign * subtotal.taxable();
                    sums[1] += sign * subtotal.vat();
                }
            }
            var rates = new ArrayList<VatTotals.Rate>();
            taxable.forEach((k, sums) -> rates.add(new VatTotals.Rate(k.category(), k.percent(), sums[0], sums[1])));
            rates.sort(Comparator.comparing((VatTotals.Rate r) -> r.percent() == null ? BigDecimal.ZERO : r.percent()).reversed()
                    .thenComparing(r -> r.category().name()));
            long net = rates.stream().mapToLong(VatTotals.Rate::taxable).sum();
            long vat = rates.stream().mapToLong(VatTotals.Rate::vat).sum();
            return new VatTotals(from, to, rates, net, vat, invoices, creditNotes);
        });
    }
}
