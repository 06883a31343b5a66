package no.kontor.domain.company;

import no.kontor.domain.shared.InvalidValueException;
import no.kontor.domain.shared.PostalCode;
import no.kontor.domain.shared.Validator;

/**
 * A Norwegian address: street lines and a postal code from the register. The place
 * belongs to the register, not to the address, so it is never typed in by hand.
 */
public record Address(String street, PostalCode postalCode) {
    public static final int MAX_STREET = 200;

    public Address {
        street = street == null || street.isBlank() ? null : street.strip();
        if (street != null && street.length() > MAX_STREET) {
            throw new InvalidValueException("address.street-too-long", "A street is at most " + MAX_STREET + " characters");
        }
        if (street != null && postalCode == null) {
            throw new InvalidValueException("address.postal-code-missing", "An address with a street needs a postal code");
        }
    }

    /** Null when both parts are blank; refusals name the part ({@code street}, {@code postalCode}). */
    public static Address ofNullable(String street, String postalCode) {
        if ((street == null || street.isBlank()) && (postalCode == null || postalCode.isBlank())) {
            return null;
        }
        var v = new Validator();
        var code = v.field("postalCode", () -> postalCode == null || postalCode.isBlank() ? null : new PostalCode(postalCode.strip()));
        v.require(postalCode != null && !postalCode.isBlank(), "postalCode", "address.postal-code-missing",
                "An address with a street needs a postal code");
        v.throwIfInvalid();
        var address = v.field("street", () -> new Address(street, code));
        v.throwIfInvalid();
        return address;
    }
}
