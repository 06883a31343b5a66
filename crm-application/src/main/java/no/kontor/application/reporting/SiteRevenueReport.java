package no.kontor.application.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import no.kontor.application.reporting.port.LedgerQueries;
import no.kontor.application.reporting.port.SiteStatistics;
import no.kontor.application.shared.port.Transactions;
import no.kontor.domain.identity.Actor;

/**
 * Revenue per article and per thousand page views, by period and channel: the net invoiced
 * (less credit notes, on their issue dates) of placements whose channel is a section of the
 * site's statistics, beside that section's articles and page views. A channel is matched
 * without regard to case. Every member of staff reads it.
 */
public final class SiteRevenueReport {
    private final LedgerQueries ledger;
    private final SiteStatistics statistics;
    private final Transactions tx;

    public SiteRevenueReport(LedgerQueries ledger, SiteStatistics statistics, Transactions tx) {
        this.ledger = ledger;
        this.statistics = statistics;
        this.tx = tx;
    }

    /** {@code channel} null is every channel together; per-article and per-thousand figures are null without articles or views. */
    public record Row(LocalDate period, String channel, long revenue, long articles, long pageViews, Long revenuePerArticle,
                      Long revenuePerThousandViews) {
    }

    public record Revenue(LocalDate from, LocalDate to, Grain grain, List<Row> rows, Row total) {
    }

    public Revenue execute(Actor actor, LocalDate from, LocalDate to, Grain grain) {
        ReportReaders.require(actor);
        ReportPeriod.check(from, to);
        var g = grain == null ? Grain.MONTH : grain;
        return tx.readOnly(() -> {
            var sums = new TreeMap<LocalDate, Map<String, long[]>>();
            var names = new java.util.HashMap<String, String>();
            for (var amount : ledger.daily(from, to, SalesDimension.CHANNEL, LedgerQueries.Measure.BILLED)) {
                int sign = switch (amount.measure()) {
                    case INVOICED -> 1;
                    case CREDITED -> -1;
                    default -> 0;
                };
                if (sign != 0 && amount.key() != null) {
                    cell(sums, g.start(amount.day()), amount.key())[0] += sign * amount.amount();
                    names.putIfAbsent(amount.key(), amount.label());
                }
            }
            for (var s : statistics.between(from, to)) {
                String key = s.channel().toLowerCase(Locale.ROOT);
                var c = cell(sums, g.start(s.day()), key);
                c[1] += s.articles();
                c[2] += s.pageViews();
                names.put(key, s.channel()); // the section as the site writes it
            }
            var rows = new ArrayList<Row>();
            long[] all = new long[3];
            sums.forEach((period, channels) -> channels.forEach((key, c) -> {
                rows.add(row(period, names.get(key), c));
                for (int i = 0; i < 3; i++) {
                    all[i] += c[i];
                }
            }));
            return new Revenue(from, to, g, rows, row(null, null, all));
        });
    }

    private static long[] cell(TreeMap<LocalDate, Map<String, long[]>> sums, LocalDate period, String key) {
        return sums.computeIfAbsent(period, p -> new TreeMap<>()).computeIfAbsent(key, k -> new long[3]);
    }

    private static Row row(LocalDate period, String channel, long[] c) {
        return new Row(period, channel, c[0], c[1], c[2], per(c[0], c[1], 1), per(c[0], c[2], 1000));
    }

    /** revenue × scale ÷ count, half-up to whole øre; null without a count. */
    private static Long per(long revenue, long count, long scale) {
        return count == 0 ? null
                : BigDecimal.valueOf(revenue).multiply(BigDecimal.valueOf(scale)).divide(BigDecimal.valueOf(count), 0, RoundingMode.HALF_UP)
                .longValueExact();
    }
}
