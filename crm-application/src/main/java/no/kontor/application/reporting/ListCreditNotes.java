package no.kontor.application.reporting;

import java.time.LocalDate;
import java.util.List;

import no.kontor.application.reporting.port.ReportQueries;
import no.kontor.application.shared.port.Transactions;
import no.kontor.domain.identity.Actor;
import no.kontor.domain.identity.Role;

/** The control list of credit notes issued in a period, with what each credits and why (all staff). */
public final class ListCreditNotes {
    private final ReportQueries queries;
    private final Transactions tx;

    public ListCreditNotes(ReportQueries queries, Transactions tx) {
        this.queries = queries;
        this.tx = tx;
    }

    public record CreditNotes(LocalDate from, LocalDate to, List<CreditNoteRow> items, long total) {
    }

    public CreditNotes execute(Actor actor, LocalDate from, LocalDate to) {
        actor.require(Role.SELLER);
        ReportPeriod.check(from, to);
        return tx.readOnly(() -> {
            var items = queries.creditNotesBetween(from, to);
            return new CreditNotes(from, to, items, items.stream().mapToLong(CreditNoteRow::gross).sum());
        });
    }
}
