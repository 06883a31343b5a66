package no.kontor.domain.shared;

/** The MOD11 check digit of Norwegian organisation and account numbers. */
final class Mod11 {
    private Mod11() {
    }

    /** The check digit for {@code digits} with the given weights, or -1 when none exists (remainder 1). */
    static int checkDigit(String digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            sum += (digits.charAt(i) - '0') * weights[i];
        }
        int remainder = sum % 11;
        return remainder == 0 ? 0 : remainder == 1 ? -1 : 11 - remainder;
    }
}
