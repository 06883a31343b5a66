package no.kontor.application.reporting.port;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import no.kontor.application.reporting.PriceDeviation;
import no.kontor.application.reporting.SalesDataRow;
import no.kontor.application.reporting.SalesDimension;
import no.kontor.application.reporting.UnmatchedPayment;

/**
 * The books' reads that run over a period's sales, invoices and payments in SQL: amounts per
 * day and key, price deviations, unmatched payments and the sales-data export. Like the KPIs
 * they are proven on PostgreSQL against a hand-made data set (docs/decisions/kpis.md).
 */
public interface LedgerQueries {

    /**
     * The amounts of {@code measures} in {@code from}–{@code to} (Europe/Oslo days, both included),
     * summed per day, measure and key of {@code dimension} (the key is null for
     * {@link SalesDimension#TOTAL}). Ordered (and barter ordered): the net of a sale's lines on
     * the day it first became ORDERED. Invoiced and credited: the net of invoice and credit-note
     * lines on their issue date, with the sale, seller, team and placement they billed when
     * issued. Paid: matched payments on the day paid (only for dimensions that carry payments).
     */
    List<DayAmount> daily(LocalDate from, LocalDate to, SalesDimension dimension, Set<Measure> measures);

    /** Invoice lines of invoices issued in the period whose price differs from the placement's price list or the sale's line. */
    List<PriceDeviation> priceDeviations(LocalDate from, LocalDate to);

    /** Payments received and not matched to any invoice, the oldest first. */
    List<UnmatchedPayment> unmatchedPayments();

    /**
     * One row per invoice line of the invoices issued in the period (a sale billed twice
     * appears with each invoice), then one per line of the sales opened in the period and on
     * no invoice; given to {@code sink} as read, never gathered.
     */
    void salesData(LocalDate from, LocalDate to, Consumer<SalesDataRow> sink);

    enum Measure {
        ORDERED, BARTER_ORDERED, INVOICED, CREDITED, PAID;

        /** What an invoice and a credit note bill: revenue. */
        public static final Set<Measure> BILLED = java.util.EnumSet.of(INVOICED, CREDITED);
        public static final Set<Measure> ALL = java.util.EnumSet.allOf(Measure.class);
    }

    record DayAmount(LocalDate day, Measure measure, String key, String label, long amount) {
    }
}
