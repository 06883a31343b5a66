package no.kontor.domain.invoice;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;

import no.kontor.domain.shared.Amounts;

/**
 * A document's sums in øre: one subtotal per VAT category and rate, its VAT computed
 * once on the sum of that rate's line nets (EN 16931 BR-CO-17), then the document's
 * net, VAT and gross.
 */
public record InvoiceTotals(List<Subtotal> subtotals, long net, long vat, long gross) {

    /** The reason EHF states for category {@code O} (docs/norway.md#vat). */
    public static final String NOT_VAT_REGISTERED = "Selger er ikke merverdiavgiftsregistrert";

    /** One category and rate: taxable amount, VAT, and for E and O the exemption reason. */
    public record Subtotal(TaxCategory category, BigDecimal percent, long taxable, long vat, String exemptionReason) {
    }

    private record Key(TaxCategory category, BigDecimal percent) {
    }

    public static InvoiceTotals of(List<InvoiceLine> lines) {
        var groups = new LinkedHashMap<Key, List<InvoiceLine>>();
        lines.stream()
                .sorted(Comparator.comparing(InvoiceLine::category)
                        .thenComparing(InvoiceLine::percent, Comparator.nullsLast(Comparator.reverseOrder())))
                .forEach(l -> groups.computeIfAbsent(new Key(l.category(), l.percent() == null ? null : l.percent().stripTrailingZeros()),
                        k -> new java.util.ArrayList<>()).add(l));
        var subtotals = groups.entrySet().stream().map(e -> subtotal(e.getKey(), e.getValue())).toList();
        long net = subtotals.stream().mapToLong(Subtotal::taxable).reduce(0, Math::addExact);
        long vat = subtotals.stream().mapToLong(Subtotal::vat).reduce(0, Math::addExact);
        return new InvoiceTotals(subtotals, net, vat, Math.addExact(net, vat));
    }

    private static Subtotal subtotal(Key key, List<InvoiceLine> lines) {
        long taxable = lines.stream().mapToLong(InvoiceLine::net).reduce(0, Math::addExact);
        long vat = key.percent() == null ? 0 : Amounts.vatOn(taxable, key.percent());
        String reason = switch (key.category()) {
            case O -> NOT_VAT_REGISTERED;
            case E -> lines.get(0).exemptionReason();
            case S, Z -> null;
        };
        return new Subtotal(key.category(), key.percent(), taxable, vat, reason);
    }
}
