package no.kontor.adapters.web.ui;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;

/** An amount in øre as the pages write it: {@code 12 545,00 kr} (a no-break space between thousands). */
final class Kroner {
    private Kroner() {
    }

    static String of(long ore) {
        var symbols = new DecimalFormatSymbols();
        symbols.setDecimalSeparator(',');
        symbols.setGroupingSeparator('\u00a0');
        symbols.setMinusSign('−');
        return new DecimalFormat("#,##0.00", symbols).format(java.math.BigDecimal.valueOf(ore, 2)) + "\u00a0kr";
    }
}
