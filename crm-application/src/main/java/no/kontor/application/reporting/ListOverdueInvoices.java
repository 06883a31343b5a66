package no.kontor.application.reporting;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
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

    /** @param asOf the day to judge by; null: today in Europe/Oslo */
    public OverdueInvoices execute(Actor actor, LocalDate asOf) {
        actor.require(Role.SELLER);
        var day = asOf == null ? BusinessDays.dayOf(clock.instant()) : asOf;
        return tx.readOnly(() -> {
            var items = queries.overdue(day).stream()
                    .map(i -> {
                        long days = ChronoUnit.DAYS.between(i.dueDate(), day);
                        return new OverdueInvoices.Item(i, days, OverdueInvoices.AgeBand.of(days));
                    })
                    .sorted(Comparator.comparing((OverdueInvoices.Item i) -> i.invoice().dueDate()).thenComparing(i -> i.invoice().number()))
                    .toList();
            var bands = Arrays.stream(OverdueInvoices.AgeBand.values()).map(band -> {
                var in = items.stream().filter(i -> i.band() == band).toList();
                return new OverdueInvoices.Band(band, in.size(), in.stream().mapToLong(i -> i.invoice().due()).sum());
            }).toList();
            return new OverdueInvoices(day, bands, items, items.stream().mapToLong(i -> i.invoice().due()).sum());
        });
    }
}
