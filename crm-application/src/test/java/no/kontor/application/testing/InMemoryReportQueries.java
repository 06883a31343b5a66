package no.kontor.application.testing;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import no.kontor.application.reporting.port.ReportQueries;
import no.kontor.domain.invoice.Invoice;
import no.kontor.domain.invoice.Reminder;
import no.kontor.application.reporting.OverdueInvoice;
import no.kontor.application.reporting.CreditNoteRow;
import no.kontor.application.reporting.UninvoicedOrder;
import no.kontor.application.reporting.StrayBooking;

/** The reporting context's reads over the in-memory invoices, reminders and companies, as the JDBC adapter reads the tables. */
public final class InMemoryReportQueries implements ReportQueries {
    private final InMemoryInvoices invoices;
    private final InMemoryInvoiceReminders reminders;
    private final InMemoryCompanies companies;
    private final InMemorySales sales;
    private final InMemoryInventory inventory;

    public InMemoryReportQueries(InMemoryInvoices invoices, InMemoryInvoiceReminders reminders, InMemoryCompanies companies,
                                 InMemorySales sales, InMemoryInventory inventory) {
        this.invoices = invoices;
        this.reminders = reminders;
        this.companies = companies;
        this.sales = sales;
        this.inventory = inventory;
    }

    @Override
    public List<IssuedDocument> issuedBetween(LocalDate from, LocalDate to) {
        return invoices.all().stream()
                .filter(i -> i.getStatus().isIssued() && !i.getIssueDate().isBefore(from) && !i.getIssueDate().isAfter(to))
                .sorted(Comparator.comparing(Invoice::getIssueDate).thenComparing(i -> i.getId().value()))
                .map(i -> new IssuedDocument(i.getId().value(), i.getKind(), i.getIssueDate(), i.getLines()))
                .toList();
    }

    @Override
    public List<OverdueInvoice> overdue(LocalDate asOf) {
        return invoices.all().stream()
                .filter(i -> i.isOverdue(asOf))
                .sorted(Comparator.comparing(Invoice::getDueDate).thenComparing(Invoice::getNumber))
                .map(i -> {
                    var sent = reminders.of(i.getId());
                    var seller = companies.find(i.getCompanyId()).map(c -> c.getResponsibleSellerId()).orElse(null);
                    return new OverdueInvoice(i.getId().value(), i.getNumber(), i.getCompanyId().value(), i.getBuyer().name(), seller,
                            i.getDueDate(), i.due(), sent.size(), sent.stream().map(Reminder::sentOn).max(LocalDate::compareTo).orElse(null));
                })
                .toList();
    }

    @Override
    public List<CreditNoteRow> creditNotesBetween(LocalDate from, LocalDate to) {
        return invoices.all().stream()
                .filter(n -> n.getKind() == no.kontor.domain.invoice.InvoiceKind.CREDIT_NOTE && n.getStatus().isIssued()
                        && !n.getIssueDate().isBefore(from) && !n.getIssueDate().isAfter(to))
                .sorted(Comparator.comparing(Invoice::getIssueDate).thenComparing(Invoice::getNumber))
                .map(n -> {
                    var credited = invoices.find(n.getCreditedInvoiceId()).orElseThrow();
                    return new CreditNoteRow(n.getId().value(), n.getNumber(), n.getIssueDate(), credited.getId().value(),
                            credited.getNumber(), n.getCompanyId().value(), n.getBuyer().name(), n.totals().gross(), n.getNote(),
                            n.getChangedBy());
                })
                .toList();
    }

    @Override
    public List<StrayBooking> bookingsOfClosedSales() {
        return inventory.all().stream()
                .filter(b -> b.status() != no.kontor.domain.inventory.Booking.Status.CANCELLED)
                .flatMap(b -> sales.find(b.saleId()).filter(s -> s.getStage() == no.kontor.domain.sale.SaleStage.LOST
                        || s.getStage() == no.kontor.domain.sale.SaleStage.CANCELLED).stream()
                        .map(s -> new StrayBooking(b.id().value(), b.placementId().value(),
                                inventory.placements().find(b.placementId()).map(p -> p.name()).orElse(null), s.getId().value(),
                                s.getStage().name(), b.period().firstDay(), b.period().lastDay(), b.status().name())))
                .sorted(Comparator.comparing(StrayBooking::firstDay).thenComparing(StrayBooking::bookingId))
                .toList();
    }

    @Override
    public List<UninvoicedOrder> orderedNotInvoiced(java.time.Instant orderedBefore) {
        return sales.all().stream()
                .filter(s -> s.getStage() == no.kontor.domain.sale.SaleStage.ORDERED && s.getInvoiceId() == null)
                .flatMap(s -> sales.history(s.getId()).stream().filter(c -> c.to() == no.kontor.domain.sale.SaleStage.ORDERED)
                        .map(c -> c.changedAt()).max(java.time.Instant::compareTo).filter(at -> at.isBefore(orderedBefore)).stream()
                        .map(at -> new UninvoicedOrder(s.getId().value(), s.getCompanyId().value(),
                                companies.find(s.getCompanyId()).map(c -> c.getName()).orElse(null),
                                companies.find(s.getCompanyId()).map(c -> c.getResponsibleSellerId()).orElse(null), at, s.getDescription())))
                .sorted(Comparator.comparing(UninvoicedOrder::orderedAt).thenComparing(UninvoicedOrder::saleId))
                .toList();
    }

    @Override
    public no.kontor.application.shared.Page<OverdueInvoice> overdue(LocalDate asOf, String cursor, int limit) {
        return InMemoryPages.ascending("overdue", overdue(asOf), o -> List.of(o.dueDate(), o.number()), cursor, limit);
    }

    @Override
    public List<DueDay> overdueByDueDate(LocalDate asOf) {
        var byDay = new java.util.TreeMap<LocalDate, long[]>();
        for (var o : overdue(asOf)) {
            var sums = byDay.computeIfAbsent(o.dueDate(), d -> new long[2]);
            sums[0]++;
            sums[1] += o.due();
        }
        return byDay.entrySet().stream().map(e -> new DueDay(e.getKey(), (int) e.getValue()[0], e.getValue()[1])).toList();
    }

    @Override
    public no.kontor.application.shared.Page<UninvoicedOrder> orderedNotInvoiced(java.time.Instant orderedBefore, String cursor, int limit) {
        return InMemoryPages.ascending("uninvoiced-orders", orderedNotInvoiced(orderedBefore), o -> List.of(o.orderedAt(), o.saleId()), cursor,
                limit);
    }

    @Override
    public List<PlacementDays> bookedDays(LocalDate from, LocalDate to) {
        return inventory.placements().all().stream()
                .sorted(Comparator.comparing(p -> p.id().value()))
                .map(p -> new PlacementDays(p.id().value(), p.name(), p.active(), inventory.all().stream()
                        .filter(b -> b.placementId().equals(p.id()) && b.status() != no.kontor.domain.inventory.Booking.Status.CANCELLED)
                        .mapToLong(b -> {
                            var first = b.period().firstDay().isBefore(from) ? from : b.period().firstDay();
                            var last = b.period().lastDay().isAfter(to) ? to : b.period().lastDay();
                            return last.isBefore(first) ? 0 : java.time.temporal.ChronoUnit.DAYS.between(first, last) + 1;
                        }).sum()))
                .toList();
    }
}
