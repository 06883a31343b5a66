package no.kontor.application.portal;

import no.kontor.application.advertising.BookingAdTotals;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;

import no.kontor.application.advertising.ReadAdStatistics;
import no.kontor.application.advertising.port.AdStatistics;
import no.kontor.application.company.port.Companies;
import no.kontor.application.invoice.CompanyBalance;
import no.kontor.application.invoice.Giro;
import no.kontor.application.invoice.InvoiceFilter;
import no.kontor.application.invoice.port.Invoices;
import no.kontor.application.inventory.port.Bookings;
import no.kontor.application.inventory.port.Placements;
import no.kontor.application.sale.SaleFilter;
import no.kontor.application.sale.port.SaleLines;
import no.kontor.application.sale.port.Sales;
import no.kontor.application.shared.Page;
import no.kontor.application.shared.port.Transactions;
import no.kontor.domain.company.CompanyId;
import no.kontor.domain.inventory.Booking;
import no.kontor.domain.inventory.Placement;
import no.kontor.domain.inventory.PlacementId;
import no.kontor.domain.invoice.Invoice;
import no.kontor.domain.invoice.InvoiceId;
import no.kontor.domain.invoice.InvoiceStatus;
import no.kontor.domain.sale.Sale;
import no.kontor.domain.sale.SaleLine;
import no.kontor.domain.sale.SaleStage;
import no.kontor.domain.shared.BusinessDays;
import no.kontor.domain.shared.NotFoundException;

/**
 * What a customer reads on My page: its company's orders (sales ordered or invoiced, with
 * their lines and bookings), its issued invoices and credit notes, their documents, and what
 * it owes. Every read is bounded by the session's company: a document of another company, or
 * a draft, is not found, the same as one that does not exist. Leads, offers and lost sales are
 * the seller's, not shown.
 */
public final class MyPage {
    public static final int MAX_PAGE = 100;

    /** The most orders My page lists, newest first. */
    public static final int MAX_ORDERS = 200;

    private final Companies companies;
    private final Invoices invoices;
    private final Sales sales;
    private final SaleLines lines;
    private final Bookings bookings;
    private final Placements placements;
    private final AdStatistics adStatistics;
    private final Transactions tx;
    private final Clock clock;

    public MyPage(Companies companies, Invoices invoices, Sales sales, SaleLines lines, Bookings bookings, Placements placements,
                  AdStatistics adStatistics, Transactions tx, Clock clock) {
        this.adStatistics = adStatistics;
        this.companies = companies;
        this.invoices = invoices;
        this.sales = sales;
        this.lines = lines;
        this.bookings = bookings;
        this.placements = placements;
        this.tx = tx;
        this.clock = clock;
    }

    /** Today in Europe/Oslo, the day "overdue" is judged on. */
    public LocalDate today() {
        return BusinessDays.dayOf(clock.instant());
    }

    public record Overview(CompanyId companyId, String companyName, long invoiceId, CompanyBalance balance) {
    }

    public Overview overview(Customer customer) {
        return tx.readOnly(() -> {
            var company = companies.find(customer.companyId()).orElseThrow(() -> new NotFoundException("company", customer.companyId().value()));
            return new Overview(company.getId(), company.getDetails().name(), customer.invoiceId(),
                    invoices.balanceOf(customer.companyId(), today()));
        });
    }

    /** An order: the sale, its lines, and its bookings with their placement's name. */
    public record Order(Sale sale, List<SaleLine> lines, List<BookedPlacement> bookings) {
    }

    public record BookedPlacement(Booking booking, String placementName) {
    }

    /** The company's {@link #MAX_ORDERS} newest orders: sales ordered or invoiced. */
    public List<Order> orders(Customer customer) {
        return tx.readOnly(() -> {
            var found = new ArrayList<Sale>();
            for (var stage : List.of(SaleStage.ORDERED, SaleStage.INVOICED)) {
                found.addAll(sales.list(new SaleFilter(customer.companyId(), null, stage, null, null, null), null, MAX_ORDERS).items());
            }
            var newest = found.stream().sorted(Comparator.comparing((Sale s) -> s.getId().value()).reversed()).limit(MAX_ORDERS).toList();
            var linesOf = lines.ofSales(newest.stream().map(Sale::getId).toList());
            var names = new HashMap<PlacementId, String>();
            return newest.stream().map(s -> new Order(s, linesOf.getOrDefault(s.getId(), List.of()), bookings.ofSale(s.getId()).stream()
                    .filter(b -> b.status() != Booking.Status.CANCELLED)
                    .map(b -> new BookedPlacement(b, names.computeIfAbsent(b.placementId(),
                            id -> placements.find(id).map(Placement::name).orElse(null))))
                    .toList())).toList();
        });
    }

    /** The ad server's figures of each of the company's bookings: totals (the click-through rate is ReadAdStatistics'). */
    public List<BookingAdTotals> adStatistics(Customer customer) {
        return tx.readOnly(() -> adStatistics.totalsOf(customer.companyId()));
    }

    /** One of the company's bookings: its totals and its days; another company's booking is not found. */
    public ReadAdStatistics.BookingDays adStatistics(Customer customer, long bookingId) {
        return tx.readOnly(() -> {
            var totals = adStatistics.totalsOfBooking(bookingId).filter(t -> t.companyId() == customer.companyId().value())
                    .orElseThrow(() -> new NotFoundException("booking", bookingId));
            return new ReadAdStatistics.BookingDays(totals, adStatistics.days(bookingId));
        });
    }

    /** The company's issued documents, newest first. */
    public Page<Invoice> invoices(Customer customer, String cursor, int limit) {
        int size = Math.max(1, Math.min(limit, MAX_PAGE));
        return tx.readOnly(() -> invoices.list(InvoiceFilter.issuedTo(customer.companyId()), cursor, size));
    }

    public Invoice invoice(Customer customer, InvoiceId id) {
        return tx.readOnly(() -> own(customer, id));
    }

    /** The archived PDF, once rendered. */
    public Optional<byte[]> pdf(Customer customer, InvoiceId id, Giro giro) {
        return tx.readOnly(() -> {
            own(customer, id);
            return invoices.archivedPdf(id, giro);
        });
    }

    /** The frozen EHF (UBL) document. */
    public String ehf(Customer customer, InvoiceId id) {
        return tx.readOnly(() -> {
            own(customer, id);
            return invoices.document(id).orElseThrow(() -> new NotFoundException("invoice", id.value()));
        });
    }

    private Invoice own(Customer customer, InvoiceId id) {
        return invoices.find(id).filter(i -> i.getCompanyId().equals(customer.companyId()) && i.getStatus() != InvoiceStatus.DRAFT)
                .orElseThrow(() -> new NotFoundException("invoice", id.value()));
    }
}
