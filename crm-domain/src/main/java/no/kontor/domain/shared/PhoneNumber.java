package no.kontor.domain.shared;

/**
 * A phone number, stored without spaces: eight or more digits, or an international
 * number starting with {@code +}.
 */
public record PhoneNumber(String value) {
    public PhoneNumber {
        String v = value == null ? "" : value.replaceAll("[\\s.()-]", "");
        if (!v.matches("\\+?\\d{5,20}") || (!v.startsWith("+") && v.length() < 8)) {
            throw new InvalidValueException("phone.invalid", "'" + value + "' is not a phone number");
        }
        value = v;
    }

    @Override
    public String toString() {
        return value;
    }
}
