package no.kontor.domain.company;

import java.util.Objects;

import no.kontor.domain.shared.EmailAddress;
import no.kontor.domain.shared.OrganisationNumber;
import no.kontor.domain.shared.PhoneNumber;
import no.kontor.domain.shared.Validator;
import no.kontor.domain.shared.WebAddress;

/**
 * Everything a seller types on a customer card, validated. Field names are the
 * ones callers use, so a refusal names the field as the caller knows it.
 */
public record CompanyDetails(
        String name,
        OrganisationNumber organisationNumber,
        CompanyStatus status,
        Address visitingAddress,
        Address postalAddress,
        EmailAddress invoiceEmail,
        PhoneNumber phone,
        WebAddress website,
        Long responsibleSellerId,
        String notes) {

    public static final int MAX_NAME = 200;
    public static final int MAX_NOTES = 10_000;

    public CompanyDetails {
        Objects.requireNonNull(status, "status");
        name = name == null ? null : name.strip();
        notes = notes == null || notes.isBlank() ? null : notes;
        new Validator()
                .require(name != null && !name.isEmpty(), "name", "company.name-missing", "A company needs a name")
                .require(name == null || name.length() <= MAX_NAME, "name", "company.name-too-long",
                        "A company name is at most " + MAX_NAME + " characters")
                .require(notes == null || notes.length() <= MAX_NOTES, "notes", "company.notes-too-long",
                        "Notes are at most " + MAX_NOTES + " characters")
                .throwIfInvalid();
    }

    /** The card as typed: every field checked, and every problem reported at once. */
    public static CompanyDetails parse(String name, String organisationNumber, CompanyStatus status,
                                       String visitingStreet, String visitingPostalCode,
                                       String postalStreet, String postalPostalCode,
                                       String invoiceEmail, String phone, String website,
                                       Long responsibleSellerId, String notes) {
        var v = new Validator();
        var org = v.field("organisationNumber", () -> OrganisationNumber.parseOrNull(organisationNumber));
        var visiting = v.field("visitingAddress", () -> Address.ofNullable(visitingStreet, visitingPostalCode));
        var postal = v.field("postalAddress", () -> Address.ofNullable(postalStreet, postalPostalCode));
        var email = v.field("invoiceEmail", () -> blank(invoiceEmail) ? null : new EmailAddress(invoiceEmail));
        var tel = v.field("phone", () -> blank(phone) ? null : new PhoneNumber(phone));
        var web = v.field("website", () -> blank(website) ? null : new WebAddress(website));
        v.require(status != null, "status", "company.status-missing", "A company needs a status");
        var details = v.field("", () -> new CompanyDetails(name, org, status == null ? CompanyStatus.PROSPECT : status,
                visiting, postal, email, tel, web, responsibleSellerId, notes));
        v.throwIfInvalid();
        return details;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
