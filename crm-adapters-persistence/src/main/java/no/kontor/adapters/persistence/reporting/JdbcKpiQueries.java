package no.kontor.adapters.persistence.reporting;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Singleton;
import no.kontor.adapters.persistence.shared.Jdbc;
import no.kontor.application.reporting.FreshnessBand;
import no.kontor.application.reporting.port.KpiQueries;

/**
 * The KPIs in SQL. Freshness reads the per-company contact summary the company and activity
 * triggers keep (V13), one narrow row per company, from its index; the others read one period of activities or stage changes through their time indexes: each
 * contact carries its reply and each stage change what was true when it happened, written in
 * the same transaction (V13), so nothing is paired or counted again here. Plans:
 * docs/benchmarks/reports.md.
 */
@Singleton
public class JdbcKpiQueries implements KpiQueries {
    /** What counts as a contact: V13's is_contact (everything but notes and prospect registrations). */
    private static final String CONTACT = "is_contact(a.kind)";

    private final Jdbc jdbc;

    public JdbcKpiQueries(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Each seller's customers counted past each band's edge in one pass over the summary's index
     * (the edges computed once, not per row), then summed per team: the bands are the
     * differences between the edges.
     */
    @Override
    public List<FreshnessCount> freshness(Instant asOf) {
        var rows = jdbc.query("WITH edge AS (SELECT ?::timestamptz - interval '31 days' AS d31, ?::timestamptz - interval '91 days' AS d91, "
                        + "?::timestamptz - interval '181 days' AS d181), "
                        + "per_seller AS (SELECT s.responsible_seller_id, count(*) FILTER (WHERE s.last_contact_at IS NULL) AS never, "
                        + "count(*) FILTER (WHERE s.last_contact_at > e.d31) AS d31, count(*) FILTER (WHERE s.last_contact_at > e.d91) AS d91, "
                        + "count(*) FILTER (WHERE s.last_contact_at > e.d181) AS d181, count(*) AS customers "
                        + "FROM company_contact_summary s CROSS JOIN edge e WHERE s.status = 'CUSTOMER' GROUP BY 1) "
                        + "SELECT u.team, sum(p.never) AS never, sum(p.d31) AS d31, sum(p.d91) AS d91, sum(p.d181) AS d181, "
                        + "sum(p.customers) AS customers FROM per_seller p LEFT JOIN staff_user u ON u.id = p.responsible_seller_id "
                        + "GROUP BY 1 ORDER BY 1 NULLS LAST",
                List.of(Timestamp.from(asOf), Timestamp.from(asOf), Timestamp.from(asOf)), rs -> {
                    String team = rs.getString("team");
                    long never = rs.getLong("never");
                    long d31 = rs.getLong("d31");
                    long d91 = rs.getLong("d91");
                    long d181 = rs.getLong("d181");
                    long customers = rs.getLong("customers");
                    return java.util.stream.Stream.of(new FreshnessCount(team, FreshnessBand.UP_TO_30, d31),
                                    new FreshnessCount(team, FreshnessBand.DAYS_31_TO_90, d91 - d31),
                                    new FreshnessCount(team, FreshnessBand.DAYS_91_TO_180, d181 - d91),
                                    new FreshnessCount(team, FreshnessBand.OVER_180, customers - never - d181),
                                    new FreshnessCount(team, FreshnessBand.NEVER, never))
                            .filter(c -> c.customers() > 0).toList();
                });
        return rows.stream().flatMap(List::stream).toList();
    }

    @Override
    public List<SilentCustomer> silentSince(Instant before, int limit) {
        return jdbc.query("SELECT c.id, c.name, c.responsible_seller_id, u.display_name, u.team, s.last_contact_at "
                        + "FROM company_contact_summary s JOIN company c ON c.id = s.company_id LEFT JOIN staff_user u ON u.id = c.responsible_seller_id "
                        + "WHERE s.status = 'CUSTOMER' AND (s.last_contact_at IS NULL OR s.last_contact_at < ?) "
                        + "ORDER BY s.last_contact_at NULLS FIRST, s.company_id LIMIT ?",
                List.of(Timestamp.from(before), limit), rs -> new SilentCustomer(rs.getLong("id"), rs.getString("name"),
                        Jdbc.nullableLong(rs, "responsible_seller_id"), rs.getString("display_name"), rs.getString("team"),
                        Jdbc.instant(rs, "last_contact_at")));
    }

    /** Each contact knows its reply (V13: the next contact the other way within 90 days), so this reads one period of activities. */
    @Override
    public List<AnswerCount> answered(Instant from, Instant to, int answerDays) {
        return jdbc.query("SELECT u.team, count(*) AS outbound, "
                        + "count(*) FILTER (WHERE a.next_reply_at <= a.occurred_at + make_interval(days => ?::int)) AS answered "
                        + "FROM activity a LEFT JOIN staff_user u ON u.id = a.staff_user_id "
                        + "WHERE a.occurred_at >= ? AND a.occurred_at < ? AND a.direction = 'OUTBOUND' AND " + CONTACT + " "
                        + "GROUP BY 1 ORDER BY 1 NULLS LAST",
                List.of(answerDays, Timestamp.from(from), Timestamp.from(to)),
                rs -> new AnswerCount(rs.getString("team"), rs.getLong("outbound"), rs.getLong("answered")));
    }

    @Override
    public List<Response> responses(Instant from, Instant to) {
        return jdbc.query("SELECT u.team, a.next_reply_by, a.occurred_at, a.next_reply_at FROM activity a "
                        + "LEFT JOIN staff_user u ON u.id = a.next_reply_by "
                        + "WHERE a.occurred_at >= ? AND a.occurred_at < ? AND a.direction = 'INBOUND' AND " + CONTACT + " "
                        + "ORDER BY a.occurred_at, a.id",
                List.of(Timestamp.from(from), Timestamp.from(to)),
                rs -> new Response(rs.getString("team"), Jdbc.nullableLong(rs, "next_reply_by"), Jdbc.instant(rs, "occurred_at"),
                        Jdbc.instant(rs, "next_reply_at")));
    }

    /** A stage change keeps its sale's team and, when won or lost, the activities until then (V13). */
    @Override
    public List<ClosedSale> closedSales(Instant from, Instant to) {
        return jdbc.query("SELECT h.sale_id, h.team, h.to_stage = 'ORDERED' AS won, h.activities_since_open FROM sale_stage_change h "
                        + "WHERE (h.first_order OR h.to_stage = 'LOST') AND h.changed_at >= ? AND h.changed_at < ? ORDER BY h.sale_id, h.id",
                List.of(Timestamp.from(from), Timestamp.from(to)),
                rs -> new ClosedSale(rs.getLong("sale_id"), rs.getString("team"), rs.getBoolean("won"), rs.getLong("activities_since_open")));
    }

    @Override
    public Unsubscribed unsubscribed(Instant from, Instant to) {
        return jdbc.query("SELECT count(*) FILTER (WHERE unsubscribed_at >= ? AND unsubscribed_at < ?) AS in_period, count(*) AS total "
                        + "FROM contact WHERE unsubscribed AND NOT forgotten",
                List.of(Timestamp.from(from), Timestamp.from(to)), rs -> new Unsubscribed(rs.getLong("in_period"), rs.getLong("total")))
                .get(0);
    }

    @Override
    public List<OpenedSales> opened(Instant from, Instant to) {
        // each sale keeps the furthest stage it reached (V13): the period's new sales are read from one index
        return jdbc.query("SELECT s.team, s.responsible_seller_id, count(*) AS opened, count(*) FILTER (WHERE s.furthest_stage >= 2) AS offered, "
                        + "count(*) FILTER (WHERE s.furthest_stage >= 3) AS ordered, count(*) FILTER (WHERE s.furthest_stage >= 4) AS invoiced, "
                        + "count(*) FILTER (WHERE s.ever_lost) AS lost, count(*) FILTER (WHERE s.ever_cancelled) AS cancelled "
                        + "FROM sale s WHERE s.created_at >= ? AND s.created_at < ? GROUP BY 1, 2 ORDER BY 1 NULLS LAST, 2 NULLS LAST",
                List.of(Timestamp.from(from), Timestamp.from(to)),
                rs -> new OpenedSales(rs.getString("team"), Jdbc.nullableLong(rs, "responsible_seller_id"), rs.getLong("opened"),
                        rs.getLong("offered"), rs.getLong("ordered"), rs.getLong("invoiced"), rs.getLong("lost"), rs.getLong("cancelled")));
    }

    @Override
    public MailOut mailOut(String campaign, int answerDays) {
        return jdbc.query("WITH sent AS (SELECT a.company_id, a.contact_id, min(a.occurred_at) AS sent_at FROM activity a "
                        + "WHERE a.campaign = ? AND a.direction = 'OUTBOUND' GROUP BY a.company_id, a.contact_id) "
                        + "SELECT count(*) AS reached, count(*) FILTER (WHERE EXISTS (SELECT 1 FROM activity r WHERE r.company_id = s.company_id "
                        + "AND r.direction = 'INBOUND' AND r.occurred_at > s.sent_at AND r.occurred_at <= s.sent_at + make_interval(days => ?::int) "
                        + "AND (s.contact_id IS NULL OR r.contact_id = s.contact_id))) AS answered FROM sent s",
                List.of(campaign, answerDays), rs -> new MailOut(rs.getLong("reached"), rs.getLong("answered"))).get(0);
    }

    @Override
    public List<Count> newCustomers(Instant from, Instant to) {
        return jdbc.query("WITH firsts AS (SELECT i.company_id, min(i.issue_date) AS first_day FROM invoice i "
                        + "WHERE i.kind = 'INVOICE' AND i.status <> 'DRAFT' AND i.company_id IN (SELECT company_id FROM invoice "
                        + "WHERE kind = 'INVOICE' AND status <> 'DRAFT' AND issue_date >= (?::timestamptz AT TIME ZONE 'Europe/Oslo')::date "
                        + "AND issue_date < (?::timestamptz AT TIME ZONE 'Europe/Oslo')::date) GROUP BY i.company_id) "
                        + "SELECT c.responsible_seller_id, u.team, count(*) AS n FROM firsts f JOIN company c ON c.id = f.company_id "
                        + "LEFT JOIN staff_user u ON u.id = c.responsible_seller_id "
                        + "WHERE f.first_day >= (?::timestamptz AT TIME ZONE 'Europe/Oslo')::date "
                        + "AND f.first_day < (?::timestamptz AT TIME ZONE 'Europe/Oslo')::date GROUP BY 1, 2",
                List.of(Timestamp.from(from), Timestamp.from(to), Timestamp.from(from), Timestamp.from(to)),
                rs -> new Count(Jdbc.nullableLong(rs, "responsible_seller_id"), rs.getString("team"), rs.getLong("n")));
    }

    @Override
    public List<Count> activitiesLogged(Instant from, Instant to) {
        return jdbc.query("SELECT a.staff_user_id, u.team, count(*) AS n FROM activity a JOIN staff_user u ON u.id = a.staff_user_id "
                        + "WHERE a.occurred_at >= ? AND a.occurred_at < ? GROUP BY 1, 2",
                List.of(Timestamp.from(from), Timestamp.from(to)),
                rs -> new Count(Jdbc.nullableLong(rs, "staff_user_id"), rs.getString("team"), rs.getLong("n")));
    }
}
