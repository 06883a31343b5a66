package no.kontor.adapters.pdf;

import java.math.BigDecimal;
import java.util.Arrays;

import no.kontor.domain.shared.BankAccountNumber;
import no.kontor.domain.shared.CheckDigits;
import no.kontor.domain.shared.Kid;

/**
 * The giro's OCR line (docs/norway.md#giro, "The giro on the invoice"): one character per
 * position, 10 per inch, read by the bank's scanner. Position 1 {@code H}; 5–29 the KID
 * right-aligned; 32–39 kroner right-aligned; 42–43 øre; 45 {@code <}, 47 the amount's
 * MOD10 check digit, 49 {@code >}; 52–62 the account. Positions 67–78 (the form number)
 * exist only on bought forms and are not printed.
 */
final class OcrLine {
    /** The last position printed: the account's last digit. */
    private static final int LENGTH = 62;
    private static final int KID_END = 29;
    private static final int KRONER_END = 39;
    private static final int KRONER_WIDTH = 8;
    private static final int ORE = 42;
    private static final int AMOUNT_OPEN = 45;
    private static final int CHECK_DIGIT = 47;
    private static final int AMOUNT_CLOSE = 49;
    private static final int ACCOUNT = 52;

    private OcrLine() {
    }

    /**
     * @param kid     the payment reference; null leaves its positions blank
     * @param amount  the amount in NOK, at most two decimals; null leaves kroner, øre and
     *                check digit blank for the payer to fill in
     * @param account the payee's account
     * @throws IllegalArgumentException when the amount is negative, has fractions of an
     *                                  øre, or does not fit in eight kroner digits
     */
    static String of(Kid kid, BigDecimal amount, BankAccountNumber account) {
        char[] line = new char[LENGTH];
        Arrays.fill(line, ' ');
        put(line, 1, "H");
        if (kid != null) {
            putEndingAt(line, KID_END, kid.value());
        }
        if (amount != null) {
            String ore = inOre(amount);
            String kroner = ore.substring(0, ore.length() - 2);
            String twoOreDigits = ore.substring(ore.length() - 2);
            if (kroner.length() > KRONER_WIDTH) {
                throw new IllegalArgumentException("the giro holds at most " + KRONER_WIDTH + " kroner digits, not " + amount);
            }
            putEndingAt(line, KRONER_END, kroner);
            put(line, ORE, twoOreDigits);
            put(line, CHECK_DIGIT, String.valueOf(CheckDigits.mod10(kroner + twoOreDigits)));
        }
        put(line, AMOUNT_OPEN, "<");
        put(line, AMOUNT_CLOSE, ">");
        put(line, ACCOUNT, account.value());
        return new String(line);
    }

    /** The amount in øre, at least three digits ("050" for NOK 0.50), so kroner is never empty. */
    private static String inOre(BigDecimal amount) {
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("a giro amount cannot be negative: " + amount);
        }
        try {
            String ore = amount.setScale(2).unscaledValue().toString();
            return "0".repeat(Math.max(0, 3 - ore.length())) + ore;
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("a giro amount is whole øre, not " + amount, e);
        }
    }

    private static void put(char[] line, int position, String text) {
        text.getChars(0, text.length(), line, position - 1);
    }

    private static void putEndingAt(char[] line, int lastPosition, String text) {
        put(line, lastPosition - text.length() + 1, text);
    }
}
