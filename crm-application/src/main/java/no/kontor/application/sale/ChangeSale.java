package no.kontor.application.sale;

import java.time.Clock;

import no.kontor.application.audit.AuditEvent;
import no.kontor.application.audit.port.AuditTrail;
import no.kontor.application.identity.port.StaffUsers;
import no.kontor.application.shared.port.Transactions;
import no.kontor.domain.identity.Actor;
import no.kontor.domain.identity.Role;
import no.kontor.domain.sale.Sale;
import no.kontor.domain.sale.SaleId;
import no.kontor.domain.shared.NotFoundException;
import no.kontor.domain.shared.StaleVersionException;
import no.kontor.domain.shared.ValidationException;
import no.kontor.application.sale.port.SaleLines;
import no.kontor.application.sale.port.Sales;

/** A seller changes a sale's header: the responsible seller, the barter flag, the description. */
public final class ChangeSale {
    private final Sales sales;
    private final SaleLines lines;
    private final StaffUsers staff;
    private final AuditTrail audit;
    private final Transactions tx;
    private final Clock clock;

    public ChangeSale(Sales sales, SaleLines lines, StaffUsers staff, AuditTrail audit, Transactions tx, Clock clock) {
        this.sales = sales;
        this.lines = lines;
        this.staff = staff;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    public record Command(Long responsibleSellerId, boolean barter, String description) {
    }

    public SaleView execute(Actor actor, SaleId id, long expectedVersion, Command c) {
        actor.require(Role.SELLER);
        return tx.inTransaction(() -> {
            var current = sales.lock(id).orElseThrow(() -> new NotFoundException("sale", id));
            if (current.getVersion() != expectedVersion) {
                throw new StaleVersionException("sale", id, expectedVersion);
            }
            Sale changed = current.change(c.responsibleSellerId(), c.barter(), c.description(), actor.auditName(), clock.instant());
            requireActiveSeller(staff, changed.getResponsibleSellerId());
            var stored = sales.update(changed);
            audit.record(AuditEvent.changed(actor, clock.instant(), "sale", id, current.auditFields(), stored.auditFields()));
            return SaleView.of(stored, lines.ofSale(id));
        });
    }

    static void requireActiveSeller(StaffUsers staff, Long sellerId) {
        if (sellerId != null && staff.find(sellerId).filter(u -> u.isActive()).isEmpty()) {
            throw new ValidationException("responsibleSellerId", "sale.seller-unknown", "No active staff user with id " + sellerId);
        }
    }
}
