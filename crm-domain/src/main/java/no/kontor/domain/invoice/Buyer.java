package no.kontor.domain.invoice;

import java.util.Objects;

import no.kontor.domain.shared.OrganisationNumber;

/**
 * The buyer exactly as it was on the day of issue: a later change to the customer
 * card never reaches an issued document.
 *
 * @param customerNumber     the company's number in Kontor, which the KID encodes
 * @param organisationNumber null for a buyer without one (a private person, a foreign club)
 */
public record Buyer(long customerNumber, String name, OrganisationNumber organisationNumber, String street, String postalCode,
                    String place, String email) {

    public Buyer {
        Objects.requireNonNull(name, "name");
    }

    /** Whether the document to this buyer is an EHF document (it has a PEPPOL address: its org number). */
    public boolean receivesEhf() {
        return organisationNumber != null;
    }
}
