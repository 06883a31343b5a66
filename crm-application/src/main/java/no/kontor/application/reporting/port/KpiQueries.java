package no.kontor.application.reporting.port;

import java.time.Instant;
import java.util.List;

import no.kontor.application.reporting.FreshnessBand;

/**
 * The KPIs' reads. Their worth is the SQL over millions of rows, so they are proven on
 * PostgreSQL against a hand-made data set (docs/decisions/kpis.md); use-case tests give
 * canned rows. Times are instants; a period is {@code [from, to)}.
 */
public interface KpiQueries {

    /**
     * Customers (status CUSTOMER) counted per team of their responsible seller (null: none)
     * and per band of days since their last contact on {@code asOf}, from the per-company
     * contact summary kept in each activity's transaction.
     */
    List<FreshnessCount> freshness(Instant asOf);

    /** Customers whose last contact is before {@code before} (or who never had one), the longest silent first. */
    List<SilentCustomer> silentSince(Instant before, int limit);

    /**
     * Outbound contacts in {@code [from, to)} per team of the staff user who made them, and how
     * many of them an inbound contact from the same company answered within {@code answerDays} days.
     */
    List<AnswerCount> answered(Instant from, Instant to, int answerDays);

    /**
     * Every inbound contact in {@code [from, to)} with the next outbound contact on the same
     * company (null when none yet), and the team and user who answered.
     */
    List<Response> responses(Instant from, Instant to);

    /** Sales that became won (ORDERED) or LOST in {@code [from, to)}, with the activities on their company from opening to closing. */
    List<ClosedSale> closedSales(Instant from, Instant to);

    /** Contacts who unsubscribed in {@code [from, to)}, and all unsubscribed contacts now. */
    Unsubscribed unsubscribed(Instant from, Instant to);

    /** Sales opened in {@code [from, to)}, per team and seller, with the furthest stage each reached (from the stage history). */
    List<OpenedSales> opened(Instant from, Instant to);

    /**
     * The recipients of a mail-out (the contacts of its outbound activities, or the company
     * where no contact was named) and how many answered with an inbound activity within
     * {@code answerDays} days of the first mail to them.
     */
    MailOut mailOut(String campaign, int answerDays);

    record MailOut(long reached, long answered) {
    }

    /** Companies whose first invoice was issued in {@code [from, to)} (Oslo days), per responsible seller and the seller's team. */
    List<Count> newCustomers(Instant from, Instant to);

    /** Activities logged by staff users in {@code [from, to)}, per user and the user's team. */
    List<Count> activitiesLogged(Instant from, Instant to);

    record Count(Long staffUserId, String team, long count) {
    }

    record FreshnessCount(String team, FreshnessBand band, long customers) {
    }

    record SilentCustomer(long companyId, String name, Long responsibleSellerId, String responsibleSeller, String team,
                          Instant lastContactAt) {
    }

    record AnswerCount(String team, long outbound, long answered) {
    }

    record Response(String team, Long staffUserId, Instant inboundAt, Instant outboundAt) {
    }

    record ClosedSale(long saleId, String team, boolean won, long activities) {
    }

    record Unsubscribed(long inPeriod, long total) {
    }

    /**
     * A group of sales opened in the period: how many reached each stage at some time. A sale
     * that skipped a stage (straight to ORDERED) counts as having passed the ones before it.
     */
    record OpenedSales(String team, Long sellerId, long opened, long offered, long ordered, long invoiced, long lost,
                       long cancelled) {
    }
}
