package no.kontor.bootstrap;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import no.kontor.application.activity.LogActivity;
import no.kontor.application.company.CompanyInput;
import no.kontor.application.inventory.BookPlacement;
import no.kontor.application.inventory.ManagePlacements;
import no.kontor.application.company.RegisterCompany;
import no.kontor.application.identity.RegisterStaffUser;
import no.kontor.application.identity.port.StaffUsers;
import no.kontor.application.invoice.DraftInvoice;
import no.kontor.application.invoice.IssueInvoice;
import no.kontor.application.payment.RegisterPayment;
import no.kontor.application.sale.ManageSaleLines;
import no.kontor.application.sale.OpenSale;
import no.kontor.domain.activity.ActivityKind;
import no.kontor.domain.activity.Direction;
import no.kontor.domain.activity.FollowUp;
import no.kontor.domain.activity.FollowUpStage;
import no.kontor.domain.company.CompanyId;
import no.kontor.domain.company.CompanyStatus;
import no.kontor.domain.identity.Actor;
import no.kontor.domain.identity.Role;
import no.kontor.domain.inventory.Period;
import no.kontor.domain.inventory.Placement;
import no.kontor.domain.sale.SaleLine;
import no.kontor.domain.sale.SaleStage;
import no.kontor.domain.sale.SaleUnit;
import no.kontor.domain.sale.VatCategory;

/**
 * Demo users, a few customer cards and an invoice, only on the embedded default (the
 * {@value #ENVIRONMENT} environment, which {@link Application} activates when no
 * database is configured, and where {@code kontor.demo.enabled} defaults to true) and
 * only into an empty database. Never in production.
 */
@Singleton
@Requires(property = "kontor.demo.enabled", value = "true")
public class DemoData {
    /** The environment of the embedded default: demo users and data, the demo seller (application-demo.yml). */
    public static final String ENVIRONMENT = "demo";

    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);
    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

    private final RegisterStaffUser registerStaffUser;
    private final RegisterCompany registerCompany;
    private final StaffUsers users;
    private final OpenSale openSale;
    private final ManageSaleLines saleLines;
    private final DraftInvoice draftInvoice;
    private final IssueInvoice issueInvoice;
    private final RegisterPayment registerPayment;
    private final ManagePlacements placements;
    private final BookPlacement bookPlacement;
    private final LogActivity logActivity;

    public DemoData(RegisterStaffUser registerStaffUser, RegisterCompany registerCompany, StaffUsers users, OpenSale openSale,
                    ManageSaleLines saleLines, DraftInvoice draftInvoice, IssueInvoice issueInvoice, RegisterPayment registerPayment,
                    ManagePlacements placements, BookPlacement bookPlacement, LogActivity logActivity) {
        this.registerStaffUser = registerStaffUser;
        this.registerCompany = registerCompany;
        this.users = users;
        this.openSale = openSale;
        this.saleLines = saleLines;
        this.draftInvoice = draftInvoice;
        this.issueInvoice = issueInvoice;
        this.registerPayment = registerPayment;
        this.placements = placements;
        this.bookPlacement = bookPlacement;
        this.logActivity = logActivity;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        char[] pw = Application.DEMO_PASSWORD.toCharArray();
        if (!registerStaffUser.firstAdmin(new RegisterStaffUser.Command("admin", "Ada Admin", "admin@example.no", pw.clone(), Role.ADMIN, null))) {
            return;
        }
        var admin = users.findByUsername("admin").orElseThrow().asActor();
        var manager = registerStaffUser.execute(admin, new RegisterStaffUser.Command("mona", "Mona Manager", "mona@example.no", pw.clone(),
                Role.MANAGER, "Salg")).asActor();
        var seller = registerStaffUser.execute(admin, new RegisterStaffUser.Command("sindre", "Sindre Selger", "sindre@example.no", pw.clone(), Role.SELLER, "Salg"));
        var nordlys = registerCompany.execute(seller.asActor(), new CompanyInput("Nordlys Avis AS", "974760673", CompanyStatus.CUSTOMER,
                "Storgata 1", "9008", "Postboks 100", "9008", "faktura@nordlys.example", "+47 77 00 00 00",
                "https://nordlys.example", seller.getId(), "Demo customer"));
        var bakeri = registerCompany.execute(seller.asActor(), new CompanyInput("Bergen Bakeri", null, CompanyStatus.PROSPECT,
                "Bryggen 3", "5003", null, null, null, null, null, null, null));
        invoiceDemo(manager, seller.asActor(), nordlys.getId());
        pipelineDemo(admin, seller.asActor(), bakeri.getId());
        LOG.info("Demo data created: users admin, mona, sindre, two companies, an issued invoice partly paid, a placement with a "
                + "booked lead, and a follow-up on sindre's work list");
    }

    /** A placement with a price, a lead booked on it next week, and a call to follow up: the board, the calendar and the work list. */
    private void pipelineDemo(Actor admin, Actor seller, CompanyId company) {
        var banner = placements.add(admin, "Toppbanner forsiden", "Øverst på forsiden, alle flater", "Nett", Placement.Unit.DAY);
        placements.addPrice(admin, banner.id(), LocalDate.of(2020, 1, 1), null, 45_000L);
        var lead = openSale.execute(seller, new OpenSale.Command(company, null, SaleStage.LEAD, false, "Påskekampanje"));
        var monday = LocalDate.now(OSLO).with(java.time.temporal.TemporalAdjusters.next(java.time.DayOfWeek.MONDAY));
        bookPlacement.book(seller, lead.getId(), banner.id(), new Period(monday, monday.plusDays(6)));
        logActivity.execute(seller, new LogActivity.Command(company, ActivityKind.PHONE_CALL, Direction.OUTBOUND, Instant.now(), null,
                "Ringte om påskekampanjen", null, new FollowUp(LocalDate.now(OSLO).plusDays(2), FollowUpStage.TO_DO, null)));
    }

    /** An ordered sale with an advertisement and a subscription, invoiced and partly paid: something to open at once. */
    private void invoiceDemo(Actor manager, Actor seller, CompanyId company) {
        var sale = openSale.execute(seller, new OpenSale.Command(company, null, SaleStage.ORDERED, false, "Vinterkampanje"));
        saleLines.add(seller, sale.getId(), new SaleLine.Input(null, "Helsidesannonse, lørdag", BigDecimal.ONE, SaleUnit.PIECE, 1_250_000L,
                null, null, null, null));
        saleLines.add(seller, sale.getId(), new SaleLine.Input(null, "Nettbanner, forsiden", new BigDecimal("7"), SaleUnit.DAY, 45_000L,
                new BigDecimal("10"), null, null, null));
        saleLines.add(seller, sale.getId(), new SaleLine.Input(null, "Avisabonnement", BigDecimal.ONE, SaleUnit.WEEK, 9_900L, null,
                VatCategory.Z, null, null));
        var draft = draftInvoice.create(manager, List.of(sale.getId()), null, "Takk for handelen!");
        var invoice = issueInvoice.execute(manager, draft.getId(), null);
        registerPayment.execute(manager, new RegisterPayment.Command(invoice.getId(), null, 500_000L, invoice.getIssueDate()), null);
    }
}
