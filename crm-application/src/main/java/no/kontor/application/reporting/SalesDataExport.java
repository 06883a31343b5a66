package no.kontor.application.reporting;

import java.time.LocalDate;
import java.util.function.Consumer;

import no.kontor.application.reporting.port.LedgerQueries;
import no.kontor.application.shared.port.Transactions;
import no.kontor.domain.identity.Actor;
import no.kontor.domain.identity.Role;

/**
 * The sales data for other tools, for managers: one row per invoice line of the invoices
 * issued in a period (a sale billed twice appears with each invoice) and one per line of the
 * sales opened in it and on no invoice. Checked when asked; read, in one transaction, only as
 * the rows are written out, so a year of rows never sits in memory.
 */
public final class SalesDataExport {
    private final LedgerQueries queries;
    private final Transactions tx;

    public SalesDataExport(LedgerQueries queries, Transactions tx) {
        this.queries = queries;
        this.tx = tx;
    }

    /** An export that has passed its checks; {@link #writeTo} reads the rows. */
    public final class Prepared {
        private final LocalDate from;
        private final LocalDate to;

        private Prepared(LocalDate from, LocalDate to) {
            this.from = from;
            this.to = to;
        }

        public LocalDate from() {
            return from;
        }

        public LocalDate to() {
            return to;
        }

        public void writeTo(Consumer<SalesDataRow> sink) {
            tx.readOnly(() -> {
                queries.salesData(from, to, sink);
                return null;
            });
        }
    }

    public Prepared prepare(Actor actor, LocalDate from, LocalDate to) {
        actor.require(Role.MANAGER);
        ReportPeriod.check(from, to);
        return new Prepared(from, to);
    }
}
