package no.kontor.domain.shared;

/**
 * A KID (kundeidentifikasjon): the payment reference on a giro, 2–25 digits with a
 * MOD10 or MOD11 check digit (MOD11 may end in {@code -}). Kept as text: its leading
 * zeros are part of it.
 */
public record Kid(String value) {
    public static final int MIN_LENGTH = 2;
    public static final int MAX_LENGTH = 25;

    /** The check-digit rule the bank agreement names. */
    public enum Algorithm {
        MOD10, MOD11;

        char checkDigit(String payload) {
            return this == MOD10 ? CheckDigits.mod10(payload) : CheckDigits.mod11(payload);
        }
    }

    public Kid {
        if (value == null || !value.matches("\\d{1,24}[\\d-]") || value.length() < MIN_LENGTH) {
            throw new InvalidValueException("kid.invalid", "A KID is 2–25 digits, the last a check digit");
        }
    }

    /** Whether {@code value} is a KID whose last character is the check digit of the rest under {@code algorithm}. */
    public static boolean isValid(String value, Algorithm algorithm) {
        if (value == null || value.length() < MIN_LENGTH || value.length() > MAX_LENGTH
                || !value.substring(0, value.length() - 1).chars().allMatch(Character::isDigit)) {
            return false;
        }
        return algorithm.checkDigit(value.substring(0, value.length() - 1)) == value.charAt(value.length() - 1);
    }

    /**
     * The KID of an invoice: the customer number zero-padded to {@code customerDigits},
     * the invoice number zero-padded to fill the rest, then the check digit; {@code length}
     * in all. A number too wide for its part is a configuration error, refused.
     */
    public static Kid of(Algorithm algorithm, int length, int customerDigits, long customerNumber, long invoiceNumber) {
        int invoiceDigits = length - 1 - customerDigits;
        if (length < MIN_LENGTH || length > MAX_LENGTH || customerDigits < 0 || invoiceDigits < 1) {
            throw new IllegalArgumentException("a KID of " + length + " digits cannot hold a " + customerDigits + "-digit customer number");
        }
        String payload = padded(customerNumber, customerDigits) + padded(invoiceNumber, invoiceDigits);
        return new Kid(payload + algorithm.checkDigit(payload));
    }

    private static String padded(long number, int width) {
        if (width == 0) {
            return "";
        }
        String digits = Long.toString(number);
        if (number < 0 || digits.length() > width) {
            throw new IllegalArgumentException(number + " does not fit in " + width + " KID digits");
        }
        return "0".repeat(width - digits.length()) + digits;
    }
}
