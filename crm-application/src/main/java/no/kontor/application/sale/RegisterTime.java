package no.kontor.application.sale;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import no.kontor.application.audit.AuditEvent;
import no.kontor.application.audit.port.AuditTrail;
import no.kontor.application.shared.Page;
import no.kontor.application.shared.port.Transactions;
import no.kontor.domain.identity.Actor;
import no.kontor.domain.identity.Role;
import no.kontor.domain.sale.SaleId;
import no.kontor.domain.sale.TimeEntry;
import no.kontor.domain.shared.AccessDeniedException;
import no.kontor.domain.shared.BusinessDays;
import no.kontor.domain.shared.NotFoundException;
import no.kontor.application.sale.port.SaleLines;
import no.kontor.application.sale.port.Sales;
import no.kontor.application.sale.port.TimeEntries;

/**
 * A consultant registers hours for a sale; each entry becomes an hour line of the
 * sale at the given hourly rate, in the same transaction. Removing the entry
 * removes its line. Both only while the sale can change.
 */
public final class RegisterTime {
    private final Sales sales;
    private final TimeEntries entries;
    private final ManageSaleLines lines;
    private final SaleLines saleLines;
    private final AuditTrail audit;
    private final Transactions tx;
    private final Clock clock;

    public RegisterTime(Sales sales, TimeEntries entries, ManageSaleLines lines, SaleLines saleLines, AuditTrail audit,
                        Transactions tx, Clock clock) {
        this.sales = sales;
        this.entries = entries;
        this.lines = lines;
        this.saleLines = saleLines;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    public record Command(SaleId saleId, LocalDate workDate, BigDecimal hours, String description, Long hourlyRate,
                          BigDecimal vatPercent) {
    }

    public TimeEntry register(Actor actor, Command c) {
        actor.require(Role.SELLER);
        var now = clock.instant();
        var entry = TimeEntry.check(c.saleId(), actor.userId(), c.workDate(), c.hours(), c.description(), BusinessDays.dayOf(now), now);
        return tx.inTransaction(() -> {
            var sale = sales.lock(c.saleId()).orElseThrow(() -> new NotFoundException("sale", c.saleId()));
            sale.requireChangeable();
            var line = lines.addChecked(c.saleId(), entry.toLine(c.hourlyRate(), c.vatPercent()));
            var stored = entries.add(entry.with(null, line.id()));
            sales.update(sale.touched(actor.auditName(), now));
            audit.record(AuditEvent.created(actor, now, "time-entry", stored.id(), stored.auditFields()));
            return stored;
        });
    }

    /** The author or a manager removes an entry, and with it its line. */
    public void remove(Actor actor, long id) {
        actor.require(Role.SELLER);
        var now = clock.instant();
        tx.inTransaction(() -> {
            var entry = entries.find(id).orElseThrow(() -> new NotFoundException("time entry", id));
            if (entry.staffUserId() != actor.userId() && !actor.has(Role.MANAGER)) {
                throw new AccessDeniedException("Only the one who registered the hours, or a manager, removes them");
            }
            var sale = sales.lock(entry.saleId()).orElseThrow(() -> new NotFoundException("sale", entry.saleId()));
            sale.requireChangeable();
            entries.remove(id);
            saleLines.remove(entry.saleId(), entry.lineId());
            sales.update(sale.touched(actor.auditName(), now));
            audit.record(AuditEvent.of(actor, now, "time-entry", id, "removed", entry.auditFields(), Map.of(), null));
            return null;
        });
    }

    public Page<TimeEntry> list(Actor actor, TimeEntryFilter filter, String cursor, int limit) {
        actor.require(Role.SELLER);
        return entries.list(filter, cursor, Math.max(1, Math.min(limit, 500)));
    }
}
