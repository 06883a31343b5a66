package no.kontor.application.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import no.kontor.domain.invoice.TaxCategory;

/**
 * VAT per rate for a period, in øre, as the VAT return needs it: the taxable amount and the
 * VAT of every invoice issued in the period, less those of its credit notes.
 */
public record VatTotals(LocalDate from, LocalDate to, List<Rate> rates, long net, long vat, int invoices, int creditNotes) {

    public record Rate(TaxCategory category, BigDecimal percent, long taxable, long vat) {
    }

    public long gross() {
        return net + vat;
    }
}
