package no.kontor.application.invoice;

import java.time.LocalDate;
import java.util.Objects;

import no.kontor.domain.invoice.Seller;
import no.kontor.domain.shared.BankAccountNumber;
import no.kontor.domain.shared.ConflictException;
import no.kontor.domain.shared.Kid;
import no.kontor.domain.shared.OrganisationNumber;

/**
 * The organisation that invoices, and how: its details, its dated VAT registration,
 * payment terms, and the KID its bank agreement prescribes (algorithm and length).
 * A KID is the customer number zero-padded to {@code kidCustomerDigits}, then the
 * invoice number padded to fill the rest, then the check digit.
 *
 * @param vatRegisteredFrom the first day the organisation is VAT-registered; null when it is not
 */
public record InvoiceSettings(String name, OrganisationNumber organisationNumber, String street, String postalCode, String place,
                              String email, String phone, BankAccountNumber account, boolean foretaksregisteret,
                              LocalDate vatRegisteredFrom, int paymentTermsDays, Kid.Algorithm kidAlgorithm, int kidLength,
                              int kidCustomerDigits) {

    public InvoiceSettings {
        Objects.requireNonNull(name, "kontor.invoicing.seller.name");
        Objects.requireNonNull(organisationNumber, "kontor.invoicing.seller.organisation-number");
        Objects.requireNonNull(account, "kontor.invoicing.seller.account");
        Objects.requireNonNull(kidAlgorithm, "kontor.invoicing.kid.algorithm");
        if (paymentTermsDays < 0 || paymentTermsDays > 365) {
            throw new IllegalArgumentException("payment terms are 0–365 days, not " + paymentTermsDays);
        }
        if (kidLength < Kid.MIN_LENGTH || kidLength > Kid.MAX_LENGTH || kidCustomerDigits < 0 || kidLength - 1 - kidCustomerDigits < 1) {
            throw new IllegalArgumentException("a KID of " + kidLength + " digits (2–25) cannot hold a " + kidCustomerDigits
                    + "-digit customer number and an invoice number");
        }
    }

    /** The seller as an invoice dated {@code day} shows it. */
    public Seller sellerOn(LocalDate day) {
        boolean registered = vatRegisteredFrom != null && !day.isBefore(vatRegisteredFrom);
        return new Seller(name, organisationNumber, street, postalCode, place, email, phone, account, registered, foretaksregisteret);
    }

    public LocalDate dueDate(LocalDate issueDate) {
        return issueDate.plusDays(paymentTermsDays);
    }

    /** The KID of invoice {@code invoiceNumber} to customer {@code customerNumber}; refused when either outgrows its digits. */
    public Kid kid(long customerNumber, long invoiceNumber) {
        try {
            return Kid.of(kidAlgorithm, kidLength, kidCustomerDigits, customerNumber, invoiceNumber);
        } catch (IllegalArgumentException e) {
            throw new ConflictException("invoice.kid-too-narrow", "The configured KID (" + kidLength + " digits, " + kidCustomerDigits
                    + " for the customer) cannot hold customer " + customerNumber + " and invoice " + invoiceNumber
                    + ": widen kontor.invoicing.kid");
        }
    }
}
