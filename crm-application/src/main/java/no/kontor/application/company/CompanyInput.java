package no.kontor.application.company;

import no.kontor.domain.company.CompanyDetails;
import no.kontor.domain.company.CompanyStatus;

/** A customer card as the caller typed it: plain values, checked by {@link #toDetails()}. */
public record CompanyInput(String name, String organisationNumber, CompanyStatus status,
                           String visitingStreet, String visitingPostalCode,
                           String postalStreet, String postalPostalCode,
                           String invoiceEmail, String phone, String website,
                           Long responsibleSellerId, String notes) {

    public CompanyDetails toDetails() {
        return CompanyDetails.parse(name, organisationNumber, status, visitingStreet, visitingPostalCode,
                postalStreet, postalPostalCode, invoiceEmail, phone, website, responsibleSellerId, notes);
    }
}
