package no.kontor.domain.shared;

/**
 * A Norwegian organisation number (Brønnøysund): nine digits whose last is a
 * MOD11 check digit over weights 3,2,7,6,5,4,3,2.
 */
public record OrganisationNumber(String value) {
    private static final int[] WEIGHTS = {3, 2, 7, 6, 5, 4, 3, 2};

    public OrganisationNumber {
        if (value == null || !value.matches("\\d{9}")) {
            throw new InvalidValueException("organisation-number.malformed",
                    "An organisation number is nine digits, not '" + value + "'");
        }
        if (value.equals("000000000") || Mod11.checkDigit(value.substring(0, 8), WEIGHTS) != value.charAt(8) - '0') {
            throw new InvalidValueException("organisation-number.invalid",
                    "The organisation number " + value + " fails its MOD11 check digit");
        }
    }

    /** Accepts the usual spacing ("974 760 673"). */
    public static OrganisationNumber parse(String text) {
        return new OrganisationNumber(text == null ? null : text.replace(" ", "").strip());
    }

    /** Null for null or blank input, else {@link #parse(String)}. */
    public static OrganisationNumber parseOrNull(String text) {
        return text == null || text.isBlank() ? null : parse(text);
    }

    @Override
    public String toString() {
        return value;
    }
}
