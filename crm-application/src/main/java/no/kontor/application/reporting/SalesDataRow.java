package no.kontor.application.reporting;

import java.time.LocalDate;

/** One row of the sales-data export: an invoice line ({@code source} INVOICE) or a line of a sale on no invoice (SALE); øre. */
public record SalesDataRow(String source, long saleId, long companyId, String companyName, String seller, String team,
                    String placement, LocalDate firstDay, LocalDate lastDay, String description, long net, long vat,
                    Long invoiceNumber, LocalDate issueDate, String status) {
}
