package no.kontor.domain.shared;

/** A Norwegian postal code: four digits, leading zero kept. Whether it exists is the register's call. */
public record PostalCode(String value) {
    public PostalCode {
        if (value == null || !value.matches("\\d{4}")) {
            throw new InvalidValueException("postal-code.malformed", "A postal code is four digits, not '" + value + "'");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
