package no.kontor.domain.sale;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/** The table of standard VAT rates with their validity, as the organisation keeps it. */
public record VatRates(List<VatRate> rates) {

    public VatRates {
        rates = List.copyOf(rates);
    }

    /** The standard rates that apply on {@code day}, highest first. */
    public List<BigDecimal> on(LocalDate day) {
        return rates.stream().filter(r -> r.appliesOn(day)).map(VatRate::percent)
                .sorted(java.util.Comparator.reverseOrder()).toList();
    }

    public boolean applies(BigDecimal percent, LocalDate day) {
        return on(day).stream().anyMatch(p -> p.compareTo(percent) == 0);
    }

    /** "25, 15, 12" for a message. */
    public String describe(LocalDate day) {
        return on(day).stream().map(BigDecimal::toPlainString).collect(Collectors.joining(", "));
    }
}
