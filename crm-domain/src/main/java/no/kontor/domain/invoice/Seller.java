package no.kontor.domain.invoice;

import java.util.Objects;

import no.kontor.domain.shared.BankAccountNumber;
import no.kontor.domain.shared.OrganisationNumber;

/**
 * The organisation that issues, as it was on the day of issue.
 *
 * @param vatRegistered      registered for VAT on the issue date: the org number is shown
 *                           with {@code MVA} and lines carry VAT; otherwise every line is
 *                           category {@code O} (docs/norway.md#vat)
 * @param foretaksregisteret registered in Foretaksregisteret (AS, ASA, NUF): the word is shown
 */
public record Seller(String name, OrganisationNumber organisationNumber, String street, String postalCode, String place,
                     String email, String phone, BankAccountNumber account, boolean vatRegistered, boolean foretaksregisteret) {

    public Seller {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(organisationNumber, "organisationNumber");
        Objects.requireNonNull(account, "account");
    }

    /** The VAT identifier EHF requires of a registered seller: {@code NO} + org number + {@code MVA} (NO-R-001). */
    public String vatId() {
        return "NO" + organisationNumber.value() + "MVA";
    }
}
