package no.kontor.application.sale;

import java.time.Clock;

import no.kontor.application.audit.AuditEvent;
import no.kontor.application.audit.port.AuditTrail;
import no.kontor.application.company.port.Companies;
import no.kontor.application.identity.port.StaffUsers;
import no.kontor.application.shared.port.Transactions;
import no.kontor.domain.company.CompanyId;
import no.kontor.domain.identity.Actor;
import no.kontor.domain.identity.Role;
import no.kontor.domain.sale.Sale;
import no.kontor.domain.sale.SaleStage;
import no.kontor.domain.shared.NotFoundException;
import no.kontor.application.sale.port.Sales;

/** A seller opens a sale to a company: as a lead, offered or ordered. */
public final class OpenSale {
    private final Sales sales;
    private final Companies companies;
    private final StaffUsers staff;
    private final AuditTrail audit;
    private final Transactions tx;
    private final Clock clock;

    public OpenSale(Sales sales, Companies companies, StaffUsers staff, AuditTrail audit, Transactions tx, Clock clock) {
        this.sales = sales;
        this.companies = companies;
        this.staff = staff;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    public record Command(CompanyId companyId, Long responsibleSellerId, SaleStage stage, boolean barter, String description) {
    }

    public Sale execute(Actor actor, Command c) {
        actor.require(Role.SELLER);
        var sale = Sale.open(c.companyId(), c.responsibleSellerId() == null ? actor.userId() : c.responsibleSellerId(),
                c.stage(), c.barter(), c.description(), actor.auditName(), clock.instant());
        return tx.inTransaction(() -> {
            companies.find(c.companyId()).orElseThrow(() -> new NotFoundException("company", c.companyId()));
            ChangeSale.requireActiveSeller(staff, sale.getResponsibleSellerId());
            var stored = sales.add(sale);
            audit.record(AuditEvent.created(actor, clock.instant(), "sale", stored.getId(), stored.auditFields()));
            return stored;
        });
    }
}
