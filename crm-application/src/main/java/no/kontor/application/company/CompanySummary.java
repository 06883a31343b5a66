package no.kontor.application.company;

import no.kontor.domain.company.CompanyStatus;

/** A line in a list of companies. */
public record CompanySummary(long id, String name, String organisationNumber, CompanyStatus status,
                             String postalPlace, Long responsibleSellerId, long version) {
}
