package no.kontor.domain.shared;

/**
 * The check digits Norwegian payments use (docs/norway.md#kid): MOD10 (Luhn) for KIDs and
 * the giro's amount, MOD11 with cyclic weights 2–7 for KIDs.
 */
public final class CheckDigits {
    private CheckDigits() {
    }

    /** MOD10 (Luhn): weights 2,1,2,1… from the rightmost payload digit, digits of each product added. */
    public static char mod10(String payload) {
        requireDigits(payload);
        int sum = 0;
        for (int i = 0; i < payload.length(); i++) {
            int product = (payload.charAt(payload.length() - 1 - i) - '0') * (i % 2 == 0 ? 2 : 1);
            sum += product / 10 + product % 10;
        }
        return (char) ('0' + (10 - sum % 10) % 10);
    }

    /** MOD11 with weights 2,3,4,5,6,7,2,3… from the right; remainder 1 gives {@code '-'}. */
    public static char mod11(String payload) {
        requireDigits(payload);
        int sum = 0;
        for (int i = 0; i < payload.length(); i++) {
            sum += (payload.charAt(payload.length() - 1 - i) - '0') * (2 + i % 6);
        }
        int remainder = sum % 11;
        return remainder == 0 ? '0' : remainder == 1 ? '-' : (char) ('0' + 11 - remainder);
    }

    private static void requireDigits(String payload) {
        if (payload == null || payload.isEmpty() || !payload.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("a check digit is computed over digits only");
        }
    }
}
