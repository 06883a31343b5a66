package no.kontor.application.sale;

import java.time.Clock;
import java.util.Map;

import no.kontor.application.audit.AuditEvent;
import no.kontor.application.audit.port.AuditTrail;
import no.kontor.application.inventory.BookPlacement;
import no.kontor.application.shared.port.Transactions;
import no.kontor.domain.identity.Actor;
import no.kontor.domain.identity.Role;
import no.kontor.domain.sale.Sale;
import no.kontor.domain.sale.SaleId;
import no.kontor.domain.sale.SaleStage;
import no.kontor.domain.shared.NotFoundException;
import no.kontor.application.sale.port.Sales;

/**
 * A seller moves a sale on (lead → offered → ordered) or closes it as lost or
 * cancelled with a reason; every change is kept for the funnel, and a sale that
 * is lost or cancelled releases its bookings in the same transaction. A sale on an
 * invoice keeps its stage: the check holds the sale's row lock, so drafting or
 * issuing at the same moment waits for it or is refused by it. The sale's
 * own audit entry is written after the bookings' (the audit head is locked last).
 */
public final class ChangeSaleStage {
    private final Sales sales;
    private final BookPlacement bookings;
    private final AuditTrail audit;
    private final Transactions tx;
    private final Clock clock;

    public ChangeSaleStage(Sales sales, BookPlacement bookings, AuditTrail audit, Transactions tx, Clock clock) {
        this.sales = sales;
        this.bookings = bookings;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    public Sale execute(Actor actor, SaleId id, SaleStage next, String reason) {
        actor.require(Role.SELLER);
        return tx.inTransaction(() -> {
            var current = sales.lock(id).orElseThrow(() -> new NotFoundException("sale", id));
            var changed = sales.changeStage(current.moveTo(next, reason, actor.auditName(), clock.instant()), current.getStage(), reason);
            if (next == SaleStage.CANCELLED || next == SaleStage.LOST) {
                bookings.releaseAllOf(actor, id);
            }
            audit.record(AuditEvent.of(actor, clock.instant(), "sale", id, "stage-changed",
                    Map.of("stage", current.getStage().name()), reason == null ? Map.of("stage", next.name())
                            : Map.of("stage", next.name(), "reason", reason), null));
            return changed;
        });
    }
}
