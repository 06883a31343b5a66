package no.kontor.domain.sale;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import no.kontor.domain.shared.Amounts;

/**
 * A sale's sums in øre. VAT is computed per category and rate on the sum of that
 * rate's line nets, rounded half-up once (EN 16931 BR-CO-17), never as a sum of
 * per-line VAT.
 */
public record SaleTotals(List<VatBreakdown> breakdown, long net, long vat, long gross) {

    /** One category and rate: the sum of its line nets and the VAT on that sum. */
    public record VatBreakdown(VatCategory category, BigDecimal percent, long taxable, long vat) {
    }

    private record Key(VatCategory category, BigDecimal percent) {
    }

    public static SaleTotals of(List<SaleLine> lines) {
        var taxable = new LinkedHashMap<Key, Long>();
        lines.stream()
                .sorted(Comparator.comparing(SaleLine::vatCategory).thenComparing(SaleLine::vatPercent, Comparator.reverseOrder()))
                .forEach(l -> taxable.merge(new Key(l.vatCategory(), l.vatPercent().stripTrailingZeros()), l.net(), Math::addExact));
        var breakdown = taxable.entrySet().stream().map(SaleTotals::breakdown).toList();
        long net = breakdown.stream().mapToLong(VatBreakdown::taxable).reduce(0, Math::addExact);
        long vat = breakdown.stream().mapToLong(VatBreakdown::vat).reduce(0, Math::addExact);
        return new SaleTotals(breakdown, net, vat, Math.addExact(net, vat));
    }

    private static VatBreakdown breakdown(Map.Entry<Key, Long> e) {
        long vat = Amounts.vatOn(e.getValue(), e.getKey().percent());
        return new VatBreakdown(e.getKey().category(), e.getKey().percent(), e.getValue(), vat);
    }
}
