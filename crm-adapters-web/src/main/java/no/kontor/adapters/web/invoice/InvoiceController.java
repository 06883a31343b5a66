package no.kontor.adapters.web.invoice;

import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
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
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import no.kontor.adapters.web.shared.MultiLine;
import no.kontor.adapters.web.shared.EntityId;
import no.kontor.adapters.web.shared.Actors;
import no.kontor.adapters.web.shared.IdempotencyKeyHeader;
import no.kontor.adapters.web.shared.PageResponse;
import no.kontor.adapters.web.shared.Times;
import no.kontor.adapters.web.shared.Versions;
import no.kontor.application.invoice.CreditInvoice;
import no.kontor.application.invoice.DraftInvoice;
import no.kontor.application.invoice.IssueInvoice;
import no.kontor.application.invoice.ReadInvoices;
import no.kontor.application.invoice.RemindInvoice;
import no.kontor.application.invoice.SendInvoice;
import no.kontor.domain.company.CompanyId;
import no.kontor.domain.invoice.Invoice;
import no.kontor.domain.invoice.InvoiceId;
import no.kontor.domain.invoice.InvoiceStatus;
import no.kontor.domain.invoice.Reminder;
import no.kontor.domain.sale.SaleId;
import no.kontor.application.invoice.InvoiceJobKind;
import no.kontor.application.invoice.InvoiceJobStatus;
import no.kontor.application.invoice.Giro;

@Controller("/api/v1/invoices")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Invoices")
public class InvoiceController {
    /** How long a client waits before asking again for a PDF still being rendered. */
    static final String RENDER_RETRY_SECONDS = "2";

    private final DraftInvoice drafts;
    private final IssueInvoice issue;
    private final CreditInvoice credit;
    private final SendInvoice send;
    private final RemindInvoice remind;
    private final ReadInvoices read;

    public InvoiceController(DraftInvoice drafts, IssueInvoice issue, CreditInvoice credit, SendInvoice send, RemindInvoice remind,
                             ReadInvoices read) {
        this.drafts = drafts;
        this.issue = issue;
        this.credit = credit;
        this.send = send;
        this.remind = remind;
        this.read = read;
    }

    @Serdeable
    @Schema(example = "{\"withEhf\": true}")
    public record SendRequest(@Nullable Boolean withEhf) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record SendResponse(long jobId, String recipient, boolean withEhf) {
    }

    @Serdeable
    @Schema(example = "{\"withFee\": false}")
    public record ReminderRequest(@NotNull Boolean withFee) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ReminderResponse(long id, int number, LocalDate sentOn, LocalDate payBy, long principal, long fee, long interest,
                                   long total, String sentBy) {
        static ReminderResponse of(Reminder r) {
            return new ReminderResponse(r.id(), r.number(), r.sentOn(), r.payBy(), r.principal(), r.fee(), r.interest(), r.total(),
                    r.sentBy());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record JobResponse(long id, InvoiceJobKind kind, @Nullable String recipient, boolean withEhf, int attempts,
                              OffsetDateTime createdAt, @Nullable OffsetDateTime doneAt, boolean failed, @Nullable String lastError,
                              String state) {
        static JobResponse of(InvoiceJobStatus j) {
            String state = j.doneAt() == null ? (j.attempts() == 0 ? "QUEUED" : "RETRYING") : j.failed() ? "FAILED" : "DONE";
            return new JobResponse(j.id(), j.kind(), j.recipient(), j.withEhf(), j.attempts(), Times.oslo(j.createdAt()),
                    j.doneAt() == null ? null : Times.oslo(j.doneAt()), j.failed(), j.lastError(), state);
        }
    }

    @Serdeable
    @Schema(example = "{\"saleIds\": [12, 13], \"buyerReference\": \"Kari Nordmann\", \"note\": \"Kampanje uke 10\"}")
    public record DraftRequest(@NotEmpty @Size(max = DraftInvoice.MAX_SALES) List<@NotNull @EntityId Long> saleIds,
                               @Nullable @Size(max = Invoice.MAX_BUYER_REFERENCE) String buyerReference,
                               @Nullable @Size(max = Invoice.MAX_NOTE) @MultiLine String note) {
    }

    @Serdeable
    @Schema(example = "{\"buyerReference\": \"Kari Nordmann\", \"note\": \"Kampanje uke 10\"}")
    public record DraftChangeRequest(@NotNull @Size(min = 1, max = Invoice.MAX_BUYER_REFERENCE) String buyerReference,
                                     @Nullable @Size(max = Invoice.MAX_NOTE) @MultiLine String note) {
    }

    @Serdeable
    @Schema(example = "{\"lineNumbers\": [2], \"reason\": \"Feil antall\"}")
    public record CreditRequest(@Nullable @Size(max = 1000) Set<@NotNull Integer> lineNumbers,
                                @NotNull @Size(min = 1, max = Invoice.MAX_NOTE) @MultiLine String reason) {
    }

    @Post
    @Operation(operationId = "draftInvoice", summary = "Draft an invoice from ordered, uninvoiced sales of one company (manager). The buyer reference "
            + "defaults to the company's first contact, else its customer number")
    public HttpResponse<InvoiceResponse> draft(@Body @Valid DraftRequest body, Authentication auth) {
        var draft = drafts.create(Actors.of(auth), body.saleIds().stream().map(SaleId::new).toList(), body.buyerReference(),
                body.note());
        return Versions.tagged(HttpResponse.created(respond(draft), URI.create("/api/v1/invoices/" + draft.getId().value())),
                draft.getVersion());
    }

    @Get("{?status,companyId,from,to,overdue,cursor,limit}")
    @Operation(operationId = "listInvoices", summary = "Invoices and credit notes newest first; filter by status, company, issue date (inclusive) and overdue")
    public PageResponse<InvoiceResponse> list(@Nullable @QueryValue InvoiceStatus status, @Nullable @QueryValue @EntityId Long companyId,
                                              @Nullable @QueryValue LocalDate from, @Nullable @QueryValue LocalDate to,
                                              @Nullable @QueryValue Boolean overdue, @Nullable @QueryValue String cursor,
                                              @QueryValue(defaultValue = "50") int limit, Authentication auth) {
        var query = new ReadInvoices.Query(status, companyId == null ? null : new CompanyId(companyId), from, to,
                Boolean.TRUE.equals(overdue));
        var page = read.list(Actors.of(auth), query, cursor, limit);
        return new PageResponse<>(page.items().stream().map(this::respond).toList(), page.nextCursor());
    }

    @Get("/{id}")
    @Operation(operationId = "getInvoice", summary = "An invoice or credit note with its lines, VAT per rate, what is paid, credited and due")
    public HttpResponse<InvoiceResponse> view(long id, Authentication auth) {
        var invoice = read.view(Actors.of(auth), new InvoiceId(id));
        return Versions.tagged(HttpResponse.ok(respond(invoice)), invoice.getVersion());
    }

    @Put("/{id}")
    @Operation(operationId = "changeInvoice", summary = "Change a draft's buyer reference and note (manager); needs If-Match")
    public HttpResponse<InvoiceResponse> change(long id, @Body @Valid DraftChangeRequest body, HttpRequest<?> request,
                                                Authentication auth) {
        var changed = drafts.change(Actors.of(auth), new InvoiceId(id), Versions.expected(request), body.buyerReference(), body.note());
        return Versions.tagged(HttpResponse.ok(respond(changed)), changed.getVersion());
    }

    @Delete("/{id}")
    @Operation(operationId = "discardInvoice", summary = "Discard a draft (manager); its sales are free to be invoiced again. Needs If-Match")
    public HttpResponse<Void> discard(long id, HttpRequest<?> request, Authentication auth) {
        drafts.discard(Actors.of(auth), new InvoiceId(id), Versions.expected(request));
        return HttpResponse.noContent();
    }

    @Post("/{id}/issue")
    @Operation(operationId = "issueInvoice", summary = "Issue a draft (manager): the next number, dates, KID, PIN and the frozen EHF document, in one "
            + "transaction. 409 when it is already issued; a retry with the same Idempotency-Key gets the same invoice")
    public HttpResponse<InvoiceResponse> issue(long id, @Nullable @Header("Idempotency-Key") String idempotencyKey,
                                               Authentication auth) {
        var issued = issue.execute(Actors.of(auth), new InvoiceId(id), IdempotencyKeyHeader.checked(idempotencyKey));
        return Versions.tagged(HttpResponse.ok(respond(issued)), issued.getVersion());
    }

    @Post("/{id}/credit-notes")
    @Operation(operationId = "creditInvoice", summary = "Credit an issued invoice (manager), whole (no lineNumbers) or chosen lines; the credit note takes "
            + "the next number of the series")
    public HttpResponse<InvoiceResponse> credit(long id, @Body @Valid CreditRequest body, Authentication auth) {
        var note = credit.execute(Actors.of(auth), new InvoiceId(id), body.lineNumbers() == null ? Set.of() : body.lineNumbers(),
                body.reason());
        return Versions.tagged(HttpResponse.created(respond(note), URI.create("/api/v1/invoices/" + note.getId().value())),
                note.getVersion());
    }

    @Get("/{id}/credit-notes")
    @Operation(operationId = "listCreditNotes", summary = "The credit notes of an invoice, oldest first")
    public PageResponse<InvoiceResponse> creditNotes(long id, @Nullable @QueryValue String cursor, @QueryValue(defaultValue = "50") int limit, Authentication auth) {
        return PageResponse.of(read.creditNotes(Actors.of(auth), new InvoiceId(id), cursor, limit), this::respond);
    }

    @Get(value = "/{id}/ehf", produces = MediaType.APPLICATION_XML)
    @Operation(operationId = "getInvoiceEhf", summary = "The issued document as frozen: PEPPOL BIS Billing 3.0 UBL (EHF when the buyer has an org number)")
    public HttpResponse<String> ehf(long id, Authentication auth) {
        String ubl = read.document(Actors.of(auth), new InvoiceId(id));
        return HttpResponse.ok(ubl).contentType(MediaType.APPLICATION_XML_TYPE)
                .header("Content-Disposition", "attachment; filename=\"invoice-" + id + ".xml\"");
    }

    @Get(value = "/{id}/pdf{?giro}", produces = {"application/pdf", MediaType.APPLICATION_JSON})
    @Operation(operationId = "getInvoicePdf", summary = "The archived PDF/A, as issued; giro=PREPRINTED for paper with a pre-printed giro form (only the "
            + "variable data on the giro). 202 with Retry-After while it is still being rendered")
    public HttpResponse<byte[]> pdf(long id, @Nullable @QueryValue Giro giro, Authentication auth) {
        return read.pdf(Actors.of(auth), new InvoiceId(id), giro == null ? Giro.FULL : giro)
                .map(pdf -> HttpResponse.ok(pdf).contentType(new MediaType("application/pdf"))
                        .header("Content-Disposition", "inline; filename=\"invoice-" + id + ".pdf\""))
                .orElseGet(() -> HttpResponse.<byte[]>accepted().header("Retry-After", RENDER_RETRY_SECONDS));
    }

    @Post("/{id}/send")
    @Operation(operationId = "sendInvoice", summary = "E-mail the archived PDF to the company's invoice address, with the EHF document as a second attachment "
            + "when asked (EHF buyers only). 202: queued; the mail leaves once the PDF exists (see /jobs). An Idempotency-Key makes a retry "
            + "queue nothing new")
    public HttpResponse<SendResponse> send(long id, @Nullable @Body SendRequest body,
                                           @Nullable @Header("Idempotency-Key") String idempotencyKey, Authentication auth) {
        var queued = send.execute(Actors.of(auth), new InvoiceId(id), body != null && Boolean.TRUE.equals(body.withEhf()),
                IdempotencyKeyHeader.checked(idempotencyKey));
        return HttpResponse.accepted().body(new SendResponse(queued.jobId(), queued.recipient(), queued.withEhf()));
    }

    @Post("/{id}/reminders")
    @Operation(operationId = "remindInvoice", summary = "Send a reminder (manager): a fee only 14 days after the due date and at most two per claim, 14 days "
            + "to pay, late-payment interest stated; e-mailed with its PDF. An Idempotency-Key makes a retry send nothing new")
    public HttpResponse<ReminderResponse> remind(long id, @Body @Valid ReminderRequest body,
                                                 @Nullable @Header("Idempotency-Key") String idempotencyKey, Authentication auth) {
        var reminder = remind.execute(Actors.of(auth), new InvoiceId(id), body.withFee(), IdempotencyKeyHeader.checked(idempotencyKey));
        return HttpResponse.created(ReminderResponse.of(reminder), URI.create("/api/v1/invoices/" + id + "/reminders"));
    }

    @Get("/{id}/reminders")
    @Operation(operationId = "listReminders", summary = "The reminders sent of an invoice, oldest first")
    public PageResponse<ReminderResponse> reminders(long id, @Nullable @QueryValue String cursor, @QueryValue(defaultValue = "50") int limit, Authentication auth) {
        return PageResponse.of(read.reminders(Actors.of(auth), new InvoiceId(id), cursor, limit), ReminderResponse::of);
    }

    @Get("/{id}/jobs")
    @Operation(operationId = "listInvoiceJobs", summary = "What was queued for the document — its PDF, e-mails, reminders — and how far each has come, newest first")
    public PageResponse<JobResponse> jobs(long id, @Nullable @QueryValue String cursor, @QueryValue(defaultValue = "50") int limit, Authentication auth) {
        return PageResponse.of(read.jobs(Actors.of(auth), new InvoiceId(id), cursor, limit), JobResponse::of);
    }

    private InvoiceResponse respond(Invoice invoice) {
        return InvoiceResponse.of(invoice, read.today());
    }
}
