package no.kontor.application.sale;

import java.time.LocalDate;
import no.kontor.domain.sale.SaleId;

public record TimeEntryFilter(SaleId saleId, Long staffUserId, LocalDate from, LocalDate to) {
}
