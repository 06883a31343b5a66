package no.kontor.application.sale;

import java.time.LocalDate;

import no.kontor.domain.company.CompanyId;
import no.kontor.domain.sale.OrderReference;
import no.kontor.domain.sale.SaleStage;
import no.kontor.domain.shared.ValidationException;

/**
 * Which sales a list shows; every field may be null (no filter).
 *
 * @param from first day (Europe/Oslo) the sale was opened, inclusive
 * @param to   last day the sale was opened, inclusive
 * @param uninvoiced true: only sales on no invoice yet
 * @param orderReference the one sale the public order form gave this reference
 */
public record SaleFilter(CompanyId companyId, Long sellerId, SaleStage stage, LocalDate from, LocalDate to, Boolean uninvoiced,
                         OrderReference orderReference) {
    public SaleFilter {
        if (from != null && to != null && to.isBefore(from)) {
            throw new ValidationException("to", "filter.reversed", "The period ends " + to + ", before it starts " + from);
        }
    }

    public SaleFilter(CompanyId companyId, Long sellerId, SaleStage stage, LocalDate from, LocalDate to, Boolean uninvoiced) {
        this(companyId, sellerId, stage, from, to, uninvoiced, null);
    }

    public SaleFilter forCompany(CompanyId id) {
        return new SaleFilter(id, sellerId, stage, from, to, uninvoiced, orderReference);
    }
}
