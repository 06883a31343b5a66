package no.kontor.application.reporting;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Comparator;

import no.kontor.application.reporting.port.ReportQueries;
import no.kontor.application.shared.port.Transactions;
import no.kontor.domain.identity.Actor;
import no.kontor.domain.identity.Role;
import no.kontor.domain.shared.BusinessDays;

/**
 * The overdue control list: every overdue invoice, for all staff (sellers read every figure);
 * its CSV export is for managers (docs/decisions/reports.md). "Overdue on a day" means the
 * due date has passed (Europe/Oslo) and money is still due; the age counts the days since
 * the due date.
 */
public final class ListOverdueInvoices {
    private final ReportQueries queries;
    private final Transactions tx;
    private final Clock clock;

    public ListOverdueInvoices(ReportQueries queries, Transactions tx, Clock clock) {
        this.queries = queries;
        this.tx = tx;
        this.clock = clock;
    }

    /** The list for a file to take away: whom ExportPolicy allows (an embedder's export, and the CSV download). */
    public OverdueInvoices export(Actor actor, LocalDate asOf) {
        new ExportPolicy().check(actor);
        return execute(actor, asOf);
    }

    /** Every overdue invoice on {@code asOf} (null: today in Europe/Oslo): the whole list, as an export takes it. */
    public OverdueInvoices execute(Actor actor, LocalDate asOf) {
        actor.require(Role.SELLER);
        var day = day(asOf);
        return tx.readOnly(() -> {
            var items = queries.overdue(day).stream().map(i -> item(i, day))
                    .sorted(Comparator.comparing((OverdueInvoices.Item i) -> i.invoice().dueDate()).thenComparing(i -> i.invoice().number()))
                    .toList();
            return new OverdueInvoices(day, bands(items.stream().map(i -> new ReportQueries.DueDay(i.invoice().dueDate(), 1,
                    i.invoice().due())).toList(), day), items, items.stream().mapToLong(i -> i.invoice().due()).sum(), null);
        });
    }

    /** The same, a page of at most {@link #MAX_PAGE} items at a time; the bands and the total still count every overdue invoice. */
    public OverdueInvoices page(Actor actor, LocalDate asOf, String cursor, int limit) {
        actor.require(Role.SELLER);
        var day = day(asOf);
        return tx.readOnly(() -> {
            var days = queries.overdueByDueDate(day);
            var page = queries.overdue(day, cursor, Math.max(1, Math.min(limit, MAX_PAGE)));
            return new OverdueInvoices(day, bands(days, day), page.items().stream().map(i -> item(i, day)).toList(),
                    days.stream().mapToLong(ReportQueries.DueDay::due).sum(), page.nextCursor());
        });
    }

    public static final int MAX_PAGE = 500;

    private LocalDate day(LocalDate asOf) {
        return asOf == null ? BusinessDays.dayOf(clock.instant()) : asOf;
    }

    private static OverdueInvoices.Item item(OverdueInvoice i, LocalDate day) {
        long days = ChronoUnit.DAYS.between(i.dueDate(), day);
        return new OverdueInvoices.Item(i, days, OverdueInvoices.AgeBand.of(days));
    }

    /** Each band's count and sum, from the invoices per due date. */
    private static List<OverdueInvoices.Band> bands(List<ReportQueries.DueDay> days, LocalDate day) {
        return Arrays.stream(OverdueInvoices.AgeBand.values()).map(band -> {
            var in = days.stream().filter(d -> OverdueInvoices.AgeBand.of(ChronoUnit.DAYS.between(d.dueDate(), day)) == band).toList();
            return new OverdueInvoices.Band(band, in.stream().mapToInt(ReportQueries.DueDay::invoices).sum(),
                    in.stream().mapToLong(ReportQueries.DueDay::due).sum());
        }).toList();
    }
}
