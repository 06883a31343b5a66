package no.kontor.adapters.web.ui;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

import no.kontor.adapters.web.shared.Text;
import no.kontor.domain.shared.InvalidValueException;

/**
 * What the staff pages' forms accept, as people type it: free text held to the JSON boundary's
 * rules, amounts in kroner ({@code 1 250,50}, {@code 1.250,5 kr}), decimals ({@code 2,5}), record
 * numbers and dates ({@code dd.mm.åååå}). Blank is null; a field that does not parse is an
 * {@link InvalidValueException} with a Norwegian sentence naming the field, which the page shows
 * beside its form (400).
 */
final class Forms {
    private static final Pattern AMOUNT = Pattern.compile("[0-9]{1,3}([ \u00a0.]?[0-9]{3})*([,.][0-9]{1,2})?|[0-9]+([,.][0-9]{1,2})?");
    private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,9}([,.][0-9]{1,6})?");
    private static final Pattern ID = Pattern.compile("[0-9]{1,18}");

    private Forms() {
    }

    /** Free text from a form, or null when blank; refused as the JSON boundary refuses it (control characters, length). */
    static String text(String typed, String what, int max, boolean multiLine) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        if (Text.refusal(typed, multiLine) != null) {
            throw new InvalidValueException("ui.text", what + " inneholder et tegn som ikke kan brukes (et kontrolltegn).");
        }
        if (typed.strip().length() > max) {
            throw new InvalidValueException("ui.text", what + " kan være høyst " + max + " tegn.");
        }
        return typed.strip();
    }

    /** Kroner as typed ({@code 1 250}, {@code 1250,50}, {@code 1.250,5 kr}) in øre, or null when blank. */
    static Long ore(String typed, String what) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        String t = typed.strip().replaceFirst("(?i)\\s*kr\\.?$", "").strip();
        if (t.length() > 20 || !AMOUNT.matcher(t).matches()) {
            throw new InvalidValueException("ui.amount", what + ": «" + typed.strip() + "» er ikke et beløp i kroner (for eksempel 1 250,50).");
        }
        String digits = t.replace(" ", "").replace("\u00a0", "");
        int comma = digits.lastIndexOf(',');
        int dot = digits.lastIndexOf('.');
        int decimalAt = comma >= 0 ? comma : dot >= 0 && digits.length() - dot - 1 <= 2 ? dot : -1;
        String whole = decimalAt < 0 ? digits : digits.substring(0, decimalAt);
        String fraction = decimalAt < 0 ? "" : digits.substring(decimalAt + 1);
        try {
            return new BigDecimal(whole.replace(".", "") + "." + (fraction.isEmpty() ? "0" : fraction)).movePointRight(2).longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw new InvalidValueException("ui.amount", what + ": «" + typed.strip() + "» er ikke et beløp i kroner.");
        }
    }

    /** A decimal as typed ({@code 2,5} or {@code 2.5}), or null when blank. */
    static BigDecimal number(String typed, String what) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        String t = typed.strip();
        if (!DECIMAL.matcher(t).matches()) {
            throw new InvalidValueException("ui.number", what + ": «" + t + "» er ikke et tall (for eksempel 2,5).");
        }
        return new BigDecimal(t.replace(',', '.'));
    }

    /** A record's number as typed, or null when blank. */
    static Long id(String typed, String what) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        String t = typed.strip();
        if (!ID.matcher(t).matches() || Long.parseLong(t) == 0) {
            throw new InvalidValueException("ui.id", what + ": «" + t + "» er ikke et nummer.");
        }
        return Long.parseLong(t);
    }

    static LocalDate date(String typed, String what) {
        try {
            return Pages.date(typed);
        } catch (InvalidValueException e) {
            throw new InvalidValueException("ui.date", what + ": " + e.getMessage());
        } catch (DateTimeParseException e) {
            throw new InvalidValueException("ui.date", what + " er ikke en dato (dd.mm.åååå).");
        }
    }
}
