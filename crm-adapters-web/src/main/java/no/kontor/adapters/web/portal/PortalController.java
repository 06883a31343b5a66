package no.kontor.adapters.web.portal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import no.kontor.adapters.web.advertising.AdStatisticsController;
import no.kontor.adapters.web.shared.ClientAddresses;
import no.kontor.adapters.web.shared.PageResponse;
import no.kontor.adapters.web.shared.Problems;
import no.kontor.application.invoice.Giro;
import no.kontor.application.portal.LogInCustomer;
import no.kontor.application.portal.LogOutCustomer;
import no.kontor.application.portal.MyPage;
import no.kontor.application.portal.PortalSettings;
import no.kontor.domain.invoice.Invoice;
import no.kontor.domain.invoice.InvoiceId;
import no.kontor.domain.invoice.InvoiceKind;
import no.kontor.domain.invoice.InvoiceStatus;

/**
 * My page for customers (docs/decisions/portal.md): log in with an invoice number and the PIN
 * printed on that invoice, then read the company's issued invoices and credit notes, their
 * PDF and EHF, and what is owed. Every read is bounded by the session's company: another
 * company's document answers 404, as one that does not exist.
 */
@Controller("/api/v1/portal")
@Secured(Customers.ROLE)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "My page")
public class PortalController {
    static final String RENDER_RETRY_SECONDS = "5";

    private final LogInCustomer logIn;
    private final LogOutCustomer logOut;
    private final MyPage myPage;
    private final PortalSettings settings;

    public PortalController(LogInCustomer logIn, LogOutCustomer logOut, MyPage myPage, PortalSettings settings) {
        this.logIn = logIn;
        this.logOut = logOut;
        this.myPage = myPage;
        this.settings = settings;
    }

    @Serdeable
    @Schema(example = "{\"invoiceNumber\": \"10023\", \"pin\": \"483920\"}")
    public record LoginRequest(@NotNull @Size(max = 40) String invoiceNumber, @NotNull @Size(max = 40) String pin) {
    }

    @Serdeable
    public record LoginResponse(String token, String tokenType, long idleMinutes) {
    }

    @Post("/login")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(operationId = "logInCustomer", summary = "Customer: log in with an invoice number and the PIN printed on it; the answer's token "
            + "goes in 'Authorization: Bearer …' for the other My page routes. The same 401 for a wrong PIN, an unknown invoice and a "
            + "locked one; 429 with Retry-After when this address has failed too often")
    public HttpResponse<?> login(@Body @Valid LoginRequest body, HttpRequest<?> request) {
        var result = logIn.execute(new LogInCustomer.Command(body.invoiceNumber(), body.pin(), ClientAddresses.of(request)));
        if (result instanceof LogInCustomer.Result.Throttled throttled) {
            long seconds = Math.max(1, throttled.retryAfter().toSeconds());
            return Problems.respond(request, HttpStatus.TOO_MANY_REQUESTS, "portal.login-throttled",
                    "Too many failed logins from this address; try again in " + seconds + " seconds").header("Retry-After", Long.toString(seconds));
        }
        if (!(result instanceof LogInCustomer.Result.LoggedIn loggedIn)) {
            return Problems.respond(request, HttpStatus.UNAUTHORIZED, "portal.login-failed", "Wrong invoice number or PIN");
        }
        return HttpResponse.ok(new LoginResponse(loggedIn.token(), "Bearer", settings.idle().toMinutes()));
    }

    @Post("/logout")
    @Operation(operationId = "logOutCustomer", summary = "Customer: end this session on the server; its token opens nothing afterwards")
    public HttpResponse<Void> logout(Authentication auth) {
        logOut.execute(Customers.of(auth));
        return HttpResponse.noContent();
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record OverviewResponse(long companyId, String companyName, long loggedInWithInvoiceId, long due, long overdue, long owedBack) {
    }

    @Get("/me")
    @Operation(operationId = "getMyPage", summary = "Customer: the company, and what it owes (due, of it overdue) and is owed back, in øre")
    public OverviewResponse me(Authentication auth) {
        var o = myPage.overview(Customers.of(auth));
        return new OverviewResponse(o.companyId().value(), o.companyName(), o.invoiceId(), o.balance().due(), o.balance().overdue(),
                o.balance().owedBack());
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record LineResponse(int lineNo, String description, BigDecimal quantity, String unitCode, long unitPrice,
                               BigDecimal discountPercent, @Nullable BigDecimal vatPercent, long net) {
    }

    /** What a customer sees of a document: no staff names, no internal versions. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record DocumentResponse(long id, InvoiceKind kind, InvoiceStatus status, long number, @Nullable Long creditedInvoiceId,
                                   LocalDate issueDate, @Nullable LocalDate dueDate, @Nullable String kid, @Nullable String account,
                                   long net, long vat, long gross, long paid, long credited, long due, boolean overdue,
                                   List<LineResponse> lines) {
        static DocumentResponse of(Invoice i, LocalDate today) {
            var t = i.totals();
            return new DocumentResponse(i.getId().value(), i.getKind(), i.getStatus(), i.getNumber(),
                    i.getCreditedInvoiceId() == null ? null : i.getCreditedInvoiceId().value(), i.getIssueDate(), i.getDueDate(),
                    i.getKid() == null ? null : i.getKid().value(), i.getSeller() == null ? null : i.getSeller().account().formatted(),
                    t.net(), t.vat(), t.gross(), i.getPaid(), i.getCredited(), i.due(), i.isOverdue(today),
                    i.getLines().stream().map(l -> new LineResponse(l.lineNo(), l.description(), l.quantity(), l.unitCode(), l.unitPrice(),
                            l.discountPercent(), l.percent(), l.net())).toList());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record OrderLineResponse(String description, BigDecimal quantity, String unit, long unitPrice, BigDecimal discountPercent,
                                    BigDecimal vatPercent, long net) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record OrderBookingResponse(long id, @Nullable String placement, LocalDate firstDay, LocalDate lastDay, String status) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record OrderResponse(long id, String stage, @Nullable String description, java.time.OffsetDateTime openedAt, long net,
                                List<OrderLineResponse> lines, List<OrderBookingResponse> bookings) {
        static OrderResponse of(MyPage.Order o) {
            var lines = o.lines().stream().map(l -> new OrderLineResponse(l.description(), l.quantity(), l.unit().name(), l.unitPrice(),
                    l.discountPercent(), l.vatPercent(), l.net())).toList();
            return new OrderResponse(o.sale().getId().value(), o.sale().getStage().name(), o.sale().getDescription(),
                    o.sale().getCreatedAt().atZone(java.time.ZoneId.of("Europe/Oslo")).toOffsetDateTime(),
                    lines.stream().mapToLong(OrderLineResponse::net).sum(), lines,
                    o.bookings().stream().map(b -> new OrderBookingResponse(b.booking().id().value(), b.placementName(),
                            b.booking().period().firstDay(), b.booking().period().lastDay(), b.booking().status().name())).toList());
        }
    }

    @Get("/orders")
    @Operation(operationId = "listMyOrders", summary = "Customer: the company's orders (sales ordered or invoiced), newest first, at most 200, "
            + "with their lines and booked placements")
    public List<OrderResponse> orders(Authentication auth) {
        return myPage.orders(Customers.of(auth)).stream().map(OrderResponse::of).toList();
    }

    @Get("/ad-statistics")
    @Operation(operationId = "listMyAdStatistics", summary = "Customer: each of the company's bookings with its impressions, clicks and "
            + "click-through rate, the latest first")
    public List<AdStatisticsController.BookingTotalsResponse> adStatistics(Authentication auth) {
        return myPage.adStatistics(Customers.of(auth)).stream().map(AdStatisticsController.BookingTotalsResponse::of).toList();
    }

    @Get("/bookings/{id}/ad-statistics")
    @Operation(operationId = "getMyBookingAdStatistics", summary = "Customer: one of the company's bookings, in all and per day (another "
            + "company's: 404)")
    public AdStatisticsController.BookingStatisticsResponse bookingAdStatistics(long id, Authentication auth) {
        return AdStatisticsController.BookingStatisticsResponse.of(myPage.adStatistics(Customers.of(auth), id));
    }

    @Get("/invoices")
    @Operation(operationId = "listMyInvoices", summary = "Customer: the company's issued invoices and credit notes, newest first, a page at a time")
    public PageResponse<DocumentResponse> invoices(@Nullable @QueryValue String cursor, @QueryValue(defaultValue = "50") int limit,
                                                   Authentication auth) {
        var today = myPage.today();
        return PageResponse.of(myPage.invoices(Customers.of(auth), cursor, limit), i -> DocumentResponse.of(i, today));
    }

    @Get("/invoices/{id}")
    @Operation(operationId = "getMyInvoice", summary = "Customer: one of the company's issued invoices or credit notes (another company's: 404)")
    public DocumentResponse invoice(long id, Authentication auth) {
        return DocumentResponse.of(myPage.invoice(Customers.of(auth), new InvoiceId(id)), myPage.today());
    }

    @Get(value = "/invoices/{id}/pdf", produces = {"application/pdf", MediaType.APPLICATION_JSON})
    @Operation(operationId = "getMyInvoicePdf", summary = "Customer: the archived PDF/A of one of the company's documents; 202 with Retry-After "
            + "while it is still being rendered")
    public HttpResponse<byte[]> pdf(long id, Authentication auth) {
        return myPage.pdf(Customers.of(auth), new InvoiceId(id), Giro.FULL)
                .map(pdf -> HttpResponse.ok(pdf).contentType(new MediaType("application/pdf"))
                        .header("Content-Disposition", "inline; filename=\"faktura-" + id + ".pdf\""))
                .orElseGet(() -> HttpResponse.<byte[]>accepted().header("Retry-After", RENDER_RETRY_SECONDS));
    }

    @Get(value = "/invoices/{id}/ehf", produces = MediaType.APPLICATION_XML)
    @Operation(operationId = "getMyInvoiceEhf", summary = "Customer: the EHF (PEPPOL BIS Billing 3.0 UBL) of one of the company's documents")
    public HttpResponse<String> ehf(long id, Authentication auth) {
        return HttpResponse.ok(myPage.ehf(Customers.of(auth), new InvoiceId(id))).contentType(MediaType.APPLICATION_XML_TYPE)
                .header("Content-Disposition", "attachment; filename=\"faktura-" + id + ".xml\"");
    }
}
