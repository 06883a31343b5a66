package no.kontor.application.invoice;

import java.util.List;
import java.util.Objects;

import no.kontor.application.sale.port.Sales;
import no.kontor.domain.invoice.Invoice;
import no.kontor.domain.invoice.InvoiceLine;
import no.kontor.domain.sale.Sale;
import no.kontor.domain.sale.SaleId;
import no.kontor.domain.shared.NotFoundException;

/** The sales an invoice bills, as issuing, crediting and discarding need them. */
final class InvoicedSales {
    private InvoicedSales() {
    }

    /** The distinct sales of the invoice's lines, in line order. */
    static List<SaleId> of(Invoice invoice) {
        return invoice.getLines().stream().map(InvoiceLine::saleId).filter(Objects::nonNull).distinct().map(SaleId::new).toList();
    }

    /** Those sales, each locked for the rest of the transaction. */
    static List<Sale> lock(Sales sales, Invoice invoice) {
        return of(invoice).stream().map(id -> sales.lock(id).orElseThrow(() -> new NotFoundException("sale", id))).toList();
    }
}
