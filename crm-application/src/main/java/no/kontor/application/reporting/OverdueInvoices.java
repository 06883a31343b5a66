package no.kontor.application.reporting;

import java.time.LocalDate;
import java.util.List;

/**
 * The overdue control list on a day: the overdue invoices (all of them, or a page) with their
 * age in days past their due date and their reminder state, oldest first, and the count and
 * sum of each age band over all of them; {@code nextCursor} names the next page (null: none).
 */
public record OverdueInvoices(LocalDate asOf, List<Band> bands, List<Item> items, long total, String nextCursor) {

    /** The age bands a collector works by, in days past the due date. */
    public enum AgeBand {
        DAYS_0_14(0, 14), DAYS_15_30(15, 30), DAYS_31_60(31, 60), OVER_60(61, Integer.MAX_VALUE);

        private final int from;
        private final int to;

        AgeBand(int from, int to) {
            this.from = from;
            this.to = to;
        }

        public static AgeBand of(long daysOverdue) {
            for (var band : values()) {
                if (daysOverdue >= band.from && daysOverdue <= band.to) {
                    return band;
                }
            }
            throw new IllegalArgumentException("not overdue: " + daysOverdue);
        }
    }

    public record Band(AgeBand band, int invoices, long due) {
    }

    public record Item(OverdueInvoice invoice, long daysOverdue, AgeBand band) {
    }
}
