package no.kontor.application.sale;

import java.util.List;

import no.kontor.domain.identity.Actor;
import no.kontor.domain.identity.Role;
import no.kontor.domain.sale.Sale;
import no.kontor.domain.sale.SaleId;
import no.kontor.domain.shared.NotFoundException;

/** Staff read a sale and the stages it has been through. */
public final class ReadSales {
    private final Sales sales;

    public ReadSales(Sales sales) {
        this.sales = sales;
    }

    public Sale view(Actor actor, SaleId id) {
        actor.require(Role.SELLER);
        return sales.find(id).orElseThrow(() -> new NotFoundException("sale", id));
    }

    public List<Sales.StageChange> stageHistory(Actor actor, SaleId id) {
        view(actor, id);
        return sales.history(id);
    }
}
