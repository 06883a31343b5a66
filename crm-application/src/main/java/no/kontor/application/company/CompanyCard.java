package no.kontor.application.company;

import java.time.Instant;

import no.kontor.domain.company.CompanyStatus;

/** A customer card as staff read it, with the places the register gives its postal codes. */
public record CompanyCard(long id, String name, String organisationNumber, CompanyStatus status,
                          AddressView visitingAddress, AddressView postalAddress,
                          String invoiceEmail, String phone, String website,
                          Long responsibleSellerId, String responsibleSellerName, String notes,
                          String createdBy, Instant createdAt, String changedBy, Instant changedAt, long version) {

    public record AddressView(String street, String postalCode, String place) {
    }
}
