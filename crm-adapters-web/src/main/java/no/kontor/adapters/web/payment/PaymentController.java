package no.kontor.adapters.web.payment;

import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import no.kontor.adapters.web.shared.EntityId;
import no.kontor.adapters.web.shared.Actors;
import no.kontor.adapters.web.shared.ImportCounts;
import no.kontor.adapters.web.shared.IdempotencyKeyHeader;
import no.kontor.adapters.web.shared.PageResponse;
import no.kontor.adapters.web.shared.Times;
import no.kontor.application.payment.AssignPayment;
import no.kontor.application.payment.ImportOcrPayments;
import no.kontor.application.payment.ReadPayments;
import no.kontor.application.payment.RegisterPayment;
import no.kontor.domain.invoice.InvoiceId;
import no.kontor.domain.invoice.InvoiceStatus;
import no.kontor.domain.payment.Payment;
import no.kontor.application.payment.OcrImportReport;

@Controller("/api/v1")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Payments")
public class PaymentController {
    private final RegisterPayment register;
    private final AssignPayment assign;
    private final ImportOcrPayments importOcr;
    private final ReadPayments read;
    private final ImportCounts counts;

    public PaymentController(RegisterPayment register, AssignPayment assign, ImportOcrPayments importOcr, ReadPayments read,
                             ImportCounts counts) {
        this.register = register;
        this.assign = assign;
        this.importOcr = importOcr;
        this.read = read;
        this.counts = counts;
    }

    @Serdeable
    @Schema(example = "{\"amount\": 125000, \"paidOn\": \"2026-12-01\"}")
    public record InvoicePaymentRequest(@NotNull Long amount, @NotNull LocalDate paidOn) {
    }

    @Serdeable
    @Schema(example = "{\"kid\": \"000004200000016\", \"amount\": 125000, \"paidOn\": \"2026-12-01\"}")
    public record KidPaymentRequest(@NotNull @Size(min = 2, max = 25) String kid, @NotNull Long amount, @NotNull LocalDate paidOn) {
    }

    @Serdeable
    @Schema(example = "{\"invoiceId\": 42}")
    public record AssignRequest(@NotNull @EntityId Long invoiceId) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record PaymentResponse(long id, @Nullable Long invoiceId, Payment.Kind kind, Payment.Source source, long amount,
                                  LocalDate paidOn, @Nullable String kid, @Nullable String bankReference, @Nullable Long importId,
                                  String registeredBy, OffsetDateTime registeredAt) {
        static PaymentResponse of(Payment p) {
            return new PaymentResponse(p.id(), p.invoiceId() == null ? null : p.invoiceId().value(), p.kind(), p.source(), p.amount(),
                    p.paidOn(), p.kid(), p.bankReference(), p.importId(), p.registeredBy(), Times.oslo(p.registeredAt()));
        }
    }

    /** A payment and what it did to its invoice. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record RegisteredResponse(PaymentResponse payment, long invoiceId, InvoiceStatus invoiceStatus, long paid, long due) {
        static RegisteredResponse of(RegisterPayment.Registered r) {
            return new RegisteredResponse(PaymentResponse.of(r.payment()), r.invoice().getId().value(), r.invoice().getStatus(),
                    r.invoice().getPaid(), r.invoice().due());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ImportResponse(long importId, String transmissionNumber, int transactions, int applied, int unmatched, int reversals,
                                 int duplicates, long appliedAmount, String importedBy, OffsetDateTime importedAt,
                                 boolean alreadyImported) {
        static ImportResponse of(OcrImportReport r, boolean alreadyImported) {
            return new ImportResponse(r.importId(), r.transmissionNumber(), r.transactions(), r.applied(), r.unmatched(), r.reversals(),
                    r.duplicates(), r.appliedAmount(), r.importedBy(), Times.oslo(r.importedAt()), alreadyImported);
        }
    }

    @Post("/invoices/{id}/payments")
    @Operation(operationId = "registerInvoicePayment", summary = "Register a payment of an invoice by hand (manager); part payments leave it partly paid. "
            + "Send an Idempotency-Key to retry safely")
    public HttpResponse<RegisteredResponse> payInvoice(long id, @Body @Valid InvoicePaymentRequest body,
                                                       @Nullable @Header("Idempotency-Key") String key, Authentication auth) {
        var r = register.execute(Actors.of(auth), new RegisterPayment.Command(new InvoiceId(id), null, body.amount(), body.paidOn()),
                IdempotencyKeyHeader.checked(key));
        return HttpResponse.created(RegisteredResponse.of(r), URI.create("/api/v1/invoices/" + id + "/payments"));
    }

    @Get("/invoices/{id}/payments")
    @Operation(operationId = "listInvoicePayments", summary = "An invoice's payments, oldest first")
    public PageResponse<PaymentResponse> ofInvoice(long id, @Nullable @QueryValue String cursor, @QueryValue(defaultValue = "50") int limit, Authentication auth) {
        return PageResponse.of(read.ofInvoice(Actors.of(auth), new InvoiceId(id), cursor, limit), PaymentResponse::of);
    }

    @Post("/payments")
    @Operation(operationId = "registerPaymentByKid", summary = "Register a payment by hand for the invoice with this KID (manager)")
    public HttpResponse<RegisteredResponse> payByKid(@Body @Valid KidPaymentRequest body, @Nullable @Header("Idempotency-Key") String key,
                                                     Authentication auth) {
        var r = register.execute(Actors.of(auth), new RegisterPayment.Command(null, body.kid(), body.amount(), body.paidOn()),
                IdempotencyKeyHeader.checked(key));
        return HttpResponse.created(RegisteredResponse.of(r),
                URI.create("/api/v1/invoices/" + r.invoice().getId().value() + "/payments"));
    }

    @Get("/payments/unmatched{?cursor,limit}")
    @Operation(operationId = "listUnmatchedPayments", summary = "Payments whose KID matched no invoice, oldest first, for a manager to assign")
    public PageResponse<PaymentResponse> unmatched(@Nullable @QueryValue String cursor, @QueryValue(defaultValue = "50") int limit,
                                                   Authentication auth) {
        var page = read.unmatched(Actors.of(auth), cursor, limit);
        return new PageResponse<>(page.items().stream().map(PaymentResponse::of).toList(), page.nextCursor());
    }

    @Post("/payments/{id}/assign")
    @Operation(operationId = "assignPayment", summary = "Assign an unmatched payment to the invoice it pays (manager)")
    public RegisteredResponse assign(long id, @Body @Valid AssignRequest body, Authentication auth) {
        return RegisteredResponse.of(assign.execute(Actors.of(auth), id, new InvoiceId(body.invoiceId())));
    }

    @Post("/payments/ocr-imports")
    @Consumes({MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    @Operation(operationId = "importOcrFile", summary = "Import the bank's OCR giro file as sent (ISO-8859-1, 80-character records; at most 1 MiB). A file "
            + "that fails a check is refused whole with the reason; the same file again (line ends aside) registers nothing (200, "
            + "alreadyImported); another file under a transmission number already imported is 409 naming that import, nothing "
            + "imported. A transaction already registered (same agreement, assignment, transaction number and settlement date) "
            + "is counted as a duplicate, not registered again")
    public HttpResponse<ImportResponse> importOcr(@Nullable @Body byte[] file, Authentication auth) {
        var result = counts.counted(ImportCounts.Kind.OCR_PAYMENTS, () -> importOcr.execute(Actors.of(auth), file == null ? new byte[0] : file),
                r -> r.alreadyImported() ? 0 : r.report().transactions()); // a file again holds nothing new
        var body = ImportResponse.of(result.report(), result.alreadyImported());
        return result.alreadyImported() ? HttpResponse.ok(body)
                : HttpResponse.created(body, URI.create("/api/v1/payments/ocr-imports/" + result.report().importId()));
    }

    @Get("/payments/ocr-imports/{id}")
    @Operation(operationId = "getOcrImport", summary = "What an OCR import did")
    public ImportResponse importReport(long id, Authentication auth) {
        return ImportResponse.of(read.report(Actors.of(auth), id), false);
    }
}
