package no.kontor.application.sale;

import java.util.List;
import java.util.Map;

import no.kontor.application.company.port.Companies;
import no.kontor.application.shared.Page;
import no.kontor.domain.company.CompanyId;
import no.kontor.domain.identity.Actor;
import no.kontor.domain.identity.Role;
import no.kontor.domain.sale.Sale;
import no.kontor.domain.sale.SaleId;
import no.kontor.domain.sale.SaleTotals;
import no.kontor.domain.shared.NotFoundException;
import no.kontor.application.shared.Paging;
import no.kontor.application.sale.port.SaleLines;
import no.kontor.application.sale.port.Sales;

/** Staff read a sale and the stages it has been through. */
public final class ReadSales {
    private final Sales sales;
    private final SaleLines lines;
    private final Companies companies;

    public ReadSales(Sales sales, SaleLines lines, Companies companies) {
        this.sales = sales;
        this.lines = lines;
        this.companies = companies;
    }

    public SaleView view(Actor actor, SaleId id) {
        actor.require(Role.SELLER);
        var sale = sales.find(id).orElseThrow(() -> new NotFoundException("sale", id));
        return SaleView.of(sale, lines.ofSale(id));
    }

    public Page<StageChange> stageHistory(Actor actor, SaleId id, String cursor, int limit) {
        actor.require(Role.SELLER);
        Paging.limit(limit);
        sales.find(id).orElseThrow(() -> new NotFoundException("sale", id));
        return sales.history(id, cursor, limit);
    }

    /** A company's sales, newest first; an unknown company is not found rather than an empty list. */
    public Page<SaleView> ofCompany(Actor actor, CompanyId companyId, SaleFilter filter, String cursor, int limit) {
        actor.require(Role.SELLER);
        companies.find(companyId).orElseThrow(() -> new NotFoundException("company", companyId));
        return list(actor, filter.forCompany(companyId), cursor, limit);
    }

    /** The sums of many sales from their lines, in one read (a sale with no lines sums to zero). */
    public Map<SaleId, SaleTotals> totals(Actor actor, java.util.Collection<SaleId> ids) {
        actor.require(Role.SELLER);
        var byId = lines.ofSales(ids);
        var totals = new java.util.HashMap<SaleId, SaleTotals>();
        ids.forEach(id -> totals.put(id, SaleTotals.of(byId.getOrDefault(id, List.of()))));
        return totals;
    }

    /** Sales newest first with their lines and sums, a page of at most 200 at a time. */
    public Page<SaleView> list(Actor actor, SaleFilter filter, String cursor, int limit) {
        actor.require(Role.SELLER);
        var page = sales.list(filter, cursor, Math.max(1, Math.min(limit, 200)));
        var byId = lines.ofSales(page.items().stream().map(Sale::getId).toList());
        return new Page<>(page.items().stream().map(s -> SaleView.of(s, byId.getOrDefault(s.getId(), List.of()))).toList(),
                page.nextCursor());
    }
}
