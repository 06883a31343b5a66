package no.kontor.adapters.web.ui;

import java.math.BigDecimal;
import java.text.Collator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import no.kontor.adapters.web.shared.IdempotencyKeyHeader;
import no.kontor.adapters.web.shared.Text;
import no.kontor.application.company.CompanySearch;
import no.kontor.application.company.SearchCompanies;
import no.kontor.application.company.ViewCompany;
import no.kontor.application.invoice.CreditInvoice;
import no.kontor.application.invoice.DraftInvoice;
import no.kontor.application.invoice.Giro;
import no.kontor.application.invoice.IssueInvoice;
import no.kontor.application.invoice.ReadInvoices;
import no.kontor.application.invoice.RemindInvoice;
import no.kontor.application.invoice.SendInvoice;
import no.kontor.application.payment.ReadPayments;
import no.kontor.application.reporting.ControlLists;
import no.kontor.application.reporting.ListOverdueInvoices;
import no.kontor.application.reporting.UninvoicedOrder;
import no.kontor.application.sale.ReadSales;
import no.kontor.domain.company.CompanyId;
import no.kontor.domain.identity.Actor;
import no.kontor.domain.invoice.Invoice;
import no.kontor.domain.invoice.InvoiceId;
import no.kontor.domain.invoice.InvoiceKind;
import no.kontor.domain.invoice.InvoiceLine;
import no.kontor.domain.invoice.InvoiceStatus;
import no.kontor.domain.invoice.TaxCategory;
import no.kontor.domain.payment.Payment;
import no.kontor.domain.sale.SaleId;
import no.kontor.domain.shared.ConflictException;
import no.kontor.domain.shared.DomainException;
import no.kontor.domain.shared.InvalidValueException;
import no.kontor.domain.shared.NotFoundException;

/**
 * Invoices in the staff pages: the list with its filters and the sales ready to be invoiced (a
 * manager drafts an invoice of a company's from them); one invoice — a draft to review and issue,
 * an issued one with its number, KID, lines, totals, payments and credit notes, its archived PDF
 * in the browser, sending, crediting whole or chosen lines, and a reminder when it is overdue;
 * and the overdue list with a reminder per invoice. The same use cases and role checks as the
 * API ({@code /api/v1/invoices}).
 *
 * <p>Issuing, sending and reminding carry an idempotency key printed in their form, so a double
 * click or a resubmitted form issues, sends or reminds once: a second POST is answered with what
 * the first did (the series is gapless, docs/decisions/invoice-series.md).
 */
@Controller("/ui/invoices")
@Secured(SecurityRule.IS_ANONYMOUS) // each page decides: no staff session → the login page
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
public class InvoicePagesController {
    static final String SECTION = "invoices";
    /** How long the browser waits before asking again for a PDF still being rendered. */
    static final String RENDER_RETRY_SECONDS = "2";
    static final int PAGE = 50;
    static final int MAX_CREDIT_LINES = 1000;

    private final ReadInvoices read;
    private final DraftInvoice drafts;
    private final IssueInvoice issue;
    private final CreditInvoice credit;
    private final SendInvoice send;
    private final RemindInvoice remind;
    private final ReadPayments payments;
    private final ControlLists controlLists;
    private final ReadSales sales;
    private final ListOverdueInvoices overdue;
    private final SearchCompanies companies;
    private final ViewCompany company;

    public InvoicePagesController(ReadInvoices read, DraftInvoice drafts, IssueInvoice issue, CreditInvoice credit, SendInvoice send,
                                  RemindInvoice remind, ReadPayments payments, ControlLists controlLists, ReadSales sales,
                                  ListOverdueInvoices overdue, SearchCompanies companies, ViewCompany company) {
        this.read = read;
        this.drafts = drafts;
        this.issue = issue;
        this.credit = credit;
        this.send = send;
        this.remind = remind;
        this.payments = payments;
        this.controlLists = controlLists;
        this.sales = sales;
        this.overdue = overdue;
        this.companies = companies;
        this.company = company;
    }

    // ---- the list ----

    @Get("{?status,company,companyId,from,to,number,cursor}")
    public HttpResponse<?> list(@Nullable @QueryValue String status, @Nullable @QueryValue String company,
                                @Nullable @QueryValue String companyId, @Nullable @QueryValue String from, @Nullable @QueryValue String to,
                                @Nullable @QueryValue String number, @Nullable @QueryValue String cursor, @Nullable Authentication auth,
                                HttpRequest<?> request) {
        return Pages.staff(auth, request, SECTION, (actor, model) -> {
            var filter = new LinkedHashMap<String, String>();
            filter.put("status", blankToEmpty(status));
            filter.put("company", blankToEmpty(company));
            filter.put("companyId", blankToEmpty(companyId));
            filter.put("from", blankToEmpty(from));
            filter.put("to", blankToEmpty(to));
            filter.put("number", blankToEmpty(number));
            model.put("filter", filter);
            model.put("statuses", statusChoices());
            readyToInvoice(actor, model);
            try {
                listInvoices(actor, model, filter, cursor);
            } catch (FormError e) {
                model.put("filterError", e.getMessage());
                model.put("invoices", List.of());
                return Pages.view(HttpStatus.BAD_REQUEST, "ui/invoices", model);
            }
            return Pages.view("ui/invoices", model);
        });
    }

    private void listInvoices(Actor actor, Map<String, Object> model, Map<String, String> filter, String cursor) {
        InvoiceStatus status = null;
        if (!filter.get("status").isEmpty()) {
            try {
                status = InvoiceStatus.valueOf(filter.get("status"));
            } catch (IllegalArgumentException e) {
                throw new FormError("Ukjent status.");
            }
        }
        LocalDate from = date(filter.get("from"), "Fra-datoen");
        LocalDate to = date(filter.get("to"), "Til-datoen");
        if (from != null && to != null && to.isBefore(from)) {
            throw new FormError("Perioden slutter før den begynner.");
        }
        if (cursor != null && (cursor.length() > 500 || Text.refusal(cursor, false) != null)) {
            throw new FormError("Ugyldig side.");
        }
        if (!filter.get("number").isEmpty()) {
            long n = number(filter.get("number"), "Fakturanummeret");
            var found = read.numbered(actor, n).map(List::of).orElse(List.of());
            model.put("invoices", rows(actor, found));
            return;
        }
        CompanyId companyId = companyFilter(actor, model, filter);
        var page = read.list(actor, new ReadInvoices.Query(status, companyId, from, to, false), cursor, PAGE);
        model.put("invoices", rows(actor, page.items()));
        if (page.nextCursor() != null) {
            var next = new StringBuilder("/ui/invoices?");
            filter.forEach((k, v) -> next.append(k).append('=').append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8))
                    .append('&'));
            next.append("cursor=").append(java.net.URLEncoder.encode(page.nextCursor(), java.nio.charset.StandardCharsets.UTF_8));
            model.put("next", next.toString());
        }
    }

    /** The company a list is filtered by: its id (from a link), else the one company whose name begins with what was typed. */
    private CompanyId companyFilter(Actor actor, Map<String, Object> model, Map<String, String> filter) {
        if (!filter.get("companyId").isEmpty()) {
            long id = number(filter.get("companyId"), "Kunden");
            try {
                filter.put("company", company.execute(actor, new CompanyId(id)).name());
            } catch (NotFoundException e) {
                throw new FormError("Kunden finnes ikke.");
            }
            return new CompanyId(id);
        }
        String name = filter.get("company").strip();
        if (name.isEmpty()) {
            return null;
        }
        if (name.length() > CompanySearch.MAX_QUERY || Text.refusal(name, false) != null) {
            throw new FormError("Kundenavnet kan ikke brukes i et søk.");
        }
        var found = companies.execute(actor, new CompanySearch(name, CompanySearch.Mode.PREFIX, null, null, 10, null)).items();
        var exact = found.stream().filter(c -> c.name().equalsIgnoreCase(name)).toList();
        var candidates = exact.size() == 1 ? exact : found;
        if (candidates.isEmpty()) {
            throw new FormError("Ingen kunde har et navn som begynner med «" + name + "».");
        }
        if (candidates.size() > 1) {
            model.put("companyChoices", candidates.stream().map(c -> Map.of("id", c.id(), "name", c.name())).toList());
            throw new FormError("Flere kunder passer. Velg én:");
        }
        return new CompanyId(candidates.get(0).id());
    }

    /** The oldest orders the list of sales ready to invoice shows; the control list has them all. */
    static final int READY_ON_PAGE = 50;

    /** Ordered sales on no invoice, a company at a time, each company's with a button to draft its invoice. */
    private void readyToInvoice(Actor actor, Map<String, Object> model) {
        var orders = controlLists.orderedNotInvoiced(actor, 0, null, READY_ON_PAGE);
        var sums = sales.totals(actor, orders.items().stream().map(o -> new SaleId(o.saleId())).toList());
        var collator = Collator.getInstance(new Locale("nb", "NO"));
        var byCompany = orders.items().stream().collect(Collectors.groupingBy(UninvoicedOrder::companyId, LinkedHashMap::new,
                Collectors.toList()));
        var groups = new ArrayList<Map<String, Object>>();
        byCompany.forEach((id, ofCompany) -> {
            var group = new HashMap<String, Object>();
            group.put("companyId", id);
            group.put("companyName", ofCompany.get(0).companyName());
            group.put("sales", ofCompany.stream().map(o -> {
                var row = new HashMap<String, Object>();
                row.put("id", o.saleId());
                row.put("description", o.description() == null || o.description().isBlank() ? "Salg " + o.saleId() : o.description());
                row.put("ordered", o.orderedAt() == null ? "" : o.orderedAt().atZone(java.time.ZoneId.of("Europe/Oslo")).toLocalDate()
                        .format(Pages.NORWEGIAN));
                var totals = sums.get(new SaleId(o.saleId()));
                row.put("net", Kroner.of(totals.net()));
                row.put("gross", Kroner.of(totals.gross()));
                return row;
            }).toList());
            groups.add(group);
        });
        groups.sort((a, b) -> collator.compare((String) a.get("companyName"), (String) b.get("companyName")));
        model.put("ready", groups);
        model.put("moreReady", orders.nextCursor() != null);
    }

    /** Draft an invoice from the chosen sales of one company ({@code sale-<id>} checkboxes). */
    @Post("/drafts")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> draft(@Nullable @Body Map<String, String> form, @Nullable Authentication auth, HttpRequest<?> request) {
        return Pages.form(auth, request, orEmpty(form), SECTION, (actor, model) -> {
            var saleIds = new TreeSet<Long>();
            for (String key : form.keySet()) {
                if (key.startsWith("sale-")) {
                    try {
                        long id = Long.parseLong(key.substring("sale-".length()));
                        if (id < 1) {
                            throw new NumberFormatException();
                        }
                        saleIds.add(id);
                    } catch (NumberFormatException e) {
                        return refused(model, HttpStatus.BAD_REQUEST, "Salget «" + key.substring("sale-".length()) + "» finnes ikke.");
                    }
                }
            }
            if (saleIds.isEmpty()) {
                return refused(model, HttpStatus.BAD_REQUEST, "Velg minst ett salg å fakturere.");
            }
            var draft = drafts.create(actor, saleIds.stream().map(SaleId::new).toList(), null, null);
            return Pages.redirect("/ui/invoices/" + draft.getId().value());
        });
    }

    // ---- one invoice ----

    @Get("/{id}{?melding}")
    public HttpResponse<?> view(String id, @Nullable @QueryValue String melding, @Nullable Authentication auth, HttpRequest<?> request) {
        return Pages.staff(auth, request, SECTION, (actor, model) -> {
            model.put("notice", NOTICES.get(melding == null ? "" : melding));
            return invoicePage(actor, invoiceId(id), model, HttpStatus.OK);
        });
    }

    private static final Map<String, String> NOTICES = Map.of(
            "utkast", "Fakturautkastet er laget. Se over linjene og utsted det.",
            "utstedt", "Fakturaen er utstedt.",
            "allerede-utstedt", "Fakturaen var allerede utstedt; den ble ikke utstedt på nytt.",
            "sendt", "Fakturaen er lagt i kø for sending på e-post.",
            "purret", "Purringen er lagt i kø for sending på e-post.",
            "kreditert", "Kreditnotaen er utstedt.");

    private HttpResponse<?> invoicePage(Actor actor, InvoiceId id, Map<String, Object> model, HttpStatus status) {
        var invoice = read.view(actor, id);
        var today = read.today();
        model.put("invoice", invoiceModel(actor, invoice, today));
        model.put("lines", invoice.getLines().stream().map(InvoicePagesController::lineModel).toList());
        var totals = invoice.totals();
        model.put("perRate", totals.subtotals().stream().map(s -> Map.of("label", vatLabel(s.category(), s.percent()), "taxable",
                Kroner.of(s.taxable()), "vat", Kroner.of(s.vat()))).toList());
        boolean issued = invoice.getStatus().isIssued();
        boolean isInvoice = invoice.getKind() == InvoiceKind.INVOICE;
        if (issued) {
            model.put("payments", payments.ofInvoice(actor, id, null, 100).items().stream().map(InvoicePagesController::paymentModel)
                    .toList());
            model.put("reminders", read.reminders(actor, id, null, 50).items().stream().map(r -> Map.of("number", r.number(), "sentOn",
                    r.sentOn().format(Pages.NORWEGIAN), "payBy", r.payBy().format(Pages.NORWEGIAN), "fee", Kroner.of(r.fee()), "total",
                    Kroner.of(r.total()))).toList());
            model.put("jobs", read.jobs(actor, id, null, 20).items().stream().map(j -> Map.of("kind", jobKind(j.kind().name()),
                    "recipient", j.recipient() == null ? "–" : j.recipient(), "state", j.doneAt() == null
                            ? (j.attempts() == 0 ? "I kø" : "Prøver igjen") : j.failed() ? "Feilet" : "Ferdig")).toList());
            if (isInvoice) {
                model.put("creditNotes", read.creditNotes(actor, id, null, 50).items().stream().map(c -> Map.of("id", c.getId().value(),
                        "number", c.getNumber(), "issued", c.getIssueDate().format(Pages.NORWEGIAN), "gross",
                        Kroner.of(c.totals().gross()), "reason", c.getNote() == null ? "" : c.getNote())).toList());
            }
        }
        model.put("issueKey", UUID.randomUUID().toString());
        model.put("sendKey", UUID.randomUUID().toString());
        model.put("remindKey", UUID.randomUUID().toString());
        model.put("canCredit", issued && isInvoice && invoice.getStatus() != InvoiceStatus.CREDITED);
        model.put("canRemind", issued && isInvoice && invoice.isOverdue(today));
        return Pages.view(status, "ui/invoice", model);
    }

    private Map<String, Object> invoiceModel(Actor actor, Invoice i, LocalDate today) {
        var m = new HashMap<String, Object>();
        m.put("id", i.getId().value());
        boolean creditNote = i.getKind() == InvoiceKind.CREDIT_NOTE;
        m.put("title", i.getNumber() == null ? "Fakturautkast" : (creditNote ? "Kreditnota " : "Faktura ") + i.getNumber());
        m.put("creditNote", creditNote);
        m.put("draft", i.getStatus() == InvoiceStatus.DRAFT);
        m.put("issued", i.getStatus().isIssued());
        m.put("number", i.getNumber());
        m.put("status", statusLabel(i.getStatus()));
        m.put("companyId", i.getCompanyId().value());
        m.put("companyName", i.getBuyer() != null ? i.getBuyer().name() : companyName(actor, i.getCompanyId()));
        m.put("ehf", i.getBuyer() != null && i.getBuyer().receivesEhf());
        m.put("issueDate", i.getIssueDate() == null ? "–" : i.getIssueDate().format(Pages.NORWEGIAN));
        m.put("dueDate", i.getDueDate() == null ? "–" : i.getDueDate().format(Pages.NORWEGIAN));
        m.put("kid", i.getKid() == null ? "–" : i.getKid().value());
        m.put("buyerReference", i.getBuyerReference());
        m.put("note", i.getNote() == null ? "" : i.getNote());
        m.put("credited", i.getCreditedInvoiceId() == null ? null : i.getCreditedInvoiceId().value());
        var t = i.totals();
        m.put("net", Kroner.of(t.net()));
        m.put("vat", Kroner.of(t.vat()));
        m.put("gross", Kroner.of(t.gross()));
        m.put("paid", Kroner.of(i.getPaid()));
        m.put("creditedAmount", Kroner.of(i.getCredited()));
        m.put("due", Kroner.of(i.due()));
        m.put("overpaid", i.overpaid() > 0 ? Kroner.of(i.overpaid()) : null);
        m.put("overdue", i.getStatus().isIssued() && i.isOverdue(today));
        return m;
    }

    private String companyName(Actor actor, CompanyId id) {
        try {
            return company.execute(actor, id).name();
        } catch (NotFoundException e) {
            return "Kunde " + id.value();
        }
    }

    static Map<String, Object> lineModel(InvoiceLine l) {
        var m = new HashMap<String, Object>();
        m.put("lineNo", l.lineNo());
        m.put("description", l.description());
        m.put("quantity", Labels.decimal(l.quantity()));
        m.put("unit", unitLabel(l.unitCode()));
        m.put("unitPrice", Kroner.of(l.unitPrice()));
        m.put("discount", l.discountPercent() == null || l.discountPercent().signum() == 0 ? "" : Labels.decimal(l.discountPercent()) + " %");
        m.put("vat", vatLabel(l.category(), l.percent()));
        m.put("net", Kroner.of(l.net()));
        m.put("creditedLine", l.creditedLineNo());
        return m;
    }

    static Map<String, Object> paymentModel(Payment p) {
        var m = new HashMap<String, Object>();
        m.put("id", p.id());
        m.put("paidOn", p.paidOn().format(Pages.NORWEGIAN));
        m.put("amount", Kroner.of(p.amount()));
        m.put("kind", p.kind() == Payment.Kind.REVERSAL ? "Tilbakeføring" : "Innbetaling");
        m.put("source", p.source() == Payment.Source.OCR ? "OCR-fil" : "Manuelt");
        m.put("kid", p.kid() == null ? "–" : p.kid());
        m.put("bankReference", p.bankReference() == null ? "–" : p.bankReference());
        m.put("registeredBy", p.registeredBy());
        return m;
    }

    /** Issue a draft; the form's key makes a second POST answer the invoice the first one issued. */
    @Post("/{id}/issue")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> issue(String id, @Nullable @Body Map<String, String> form, @Nullable Authentication auth, HttpRequest<?> request) {
        return Pages.form(auth, request, orEmpty(form), SECTION, (actor, model) -> {
            var invoiceId = invoiceId(id);
            String key = idempotencyKey(form);
            try {
                var issued = issue.execute(actor, invoiceId, key);
                return Pages.redirect("/ui/invoices/" + issued.getId().value() + "?melding=utstedt");
            } catch (ConflictException e) {
                // issued meanwhile (another tab, another manager): show the invoice as it is, issued once
                if ("invoice.already-issued".equals(e.code()) && read.view(actor, invoiceId).getStatus().isIssued()) {
                    return Pages.redirect("/ui/invoices/" + invoiceId.value() + "?melding=allerede-utstedt");
                }
                throw e;
            }
        });
    }

    @Post("/{id}/send")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> send(String id, @Nullable @Body Map<String, String> form, @Nullable Authentication auth, HttpRequest<?> request) {
        return Pages.form(auth, request, orEmpty(form), SECTION, (actor, model) -> {
            var invoiceId = invoiceId(id);
            send.execute(actor, invoiceId, "on".equals(form.get("withEhf")), idempotencyKey(form));
            return Pages.redirect("/ui/invoices/" + invoiceId.value() + "?melding=sendt");
        });
    }

    @Post("/{id}/remind")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> remind(String id, @Nullable @Body Map<String, String> form, @Nullable Authentication auth, HttpRequest<?> request) {
        return Pages.form(auth, request, orEmpty(form), SECTION, (actor, model) -> {
            var invoiceId = invoiceId(id);
            var reminder = remind.execute(actor, invoiceId, "on".equals(form.get("withFee")), idempotencyKey(form));
            if ("overdue".equals(form.get("back"))) {
                return Pages.redirect("/ui/invoices/overdue?asOf=" + java.net.URLEncoder.encode(form.getOrDefault("asOf", ""),
                        java.nio.charset.StandardCharsets.UTF_8) + "&purret=" + invoiceId.value() + "&nr=" + reminder.number());
            }
            return Pages.redirect("/ui/invoices/" + invoiceId.value() + "?melding=purret");
        });
    }

    /** Credit the whole invoice ({@code whole=true}) or the chosen lines ({@code line-<n>} checkboxes), with a reason. */
    @Post("/{id}/credit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> credit(String id, @Nullable @Body Map<String, String> form, @Nullable Authentication auth, HttpRequest<?> request) {
        return Pages.form(auth, request, orEmpty(form), SECTION, (actor, model) -> {
            var invoiceId = invoiceId(id);
            String reason = form.getOrDefault("reason", "").strip();
            boolean whole = "true".equals(form.get("whole"));
            var lines = new TreeSet<Integer>();
            String error = null;
            for (String key : form.keySet()) {
                if (key.startsWith("line-")) {
                    try {
                        int n = Integer.parseInt(key.substring("line-".length()));
                        if (n < 1) {
                            throw new NumberFormatException();
                        }
                        lines.add(n);
                    } catch (NumberFormatException e) {
                        error = "Linjen «" + key.substring("line-".length()) + "» finnes ikke på fakturaen.";
                    }
                }
            }
            if (error == null && reason.isEmpty()) {
                error = "Skriv en begrunnelse for krediteringen.";
            } else if (error == null && reason.length() > Invoice.MAX_NOTE) {
                error = "Begrunnelsen er for lang (høyst " + Invoice.MAX_NOTE + " tegn).";
            } else if (error == null && Text.refusal(reason, true) != null) {
                error = "Begrunnelsen inneholder et tegn som ikke kan brukes (et kontrolltegn).";
            } else if (error == null && !whole && lines.isEmpty()) {
                error = "Velg linjene som skal krediteres, eller krediter hele fakturaen.";
            } else if (error == null && lines.size() > MAX_CREDIT_LINES) {
                error = "For mange linjer.";
            }
            if (error != null) {
                model.put("creditError", error);
                model.put("creditReason", reason);
                return invoicePage(actor, invoiceId, model, HttpStatus.BAD_REQUEST);
            }
            try {
                var note = credit.execute(actor, invoiceId, whole ? java.util.Set.of() : lines, reason);
                return Pages.redirect("/ui/invoices/" + note.getId().value() + "?melding=kreditert");
            } catch (no.kontor.domain.shared.ValidationException | ConflictException e) { // told next to the form, to choose again
                model.put("creditError", Pages.explain(e));
                model.put("creditReason", reason);
                return invoicePage(actor, invoiceId, model, Pages.statusOf(e));
            }
        });
    }

    /** The archived PDF, shown in the browser; while it is rendered, a page that asks again by itself. */
    @Get("/{id}/pdf")
    public HttpResponse<?> pdf(String id, @Nullable Authentication auth, HttpRequest<?> request) {
        return Pages.staff(auth, request, SECTION, (actor, model) -> {
            var invoiceId = invoiceId(id);
            return read.pdf(actor, invoiceId, Giro.FULL)
                    .<HttpResponse<?>>map(pdf -> HttpResponse.ok(pdf).contentType(new MediaType("application/pdf"))
                            .header("Content-Disposition", "inline; filename=\"faktura-" + invoiceId.value() + ".pdf\"")
                            .header("X-Content-Type-Options", "nosniff").header("Cache-Control", "no-store"))
                    .orElseGet(() -> {
                        model.put("invoiceId", invoiceId.value());
                        model.put("retry", RENDER_RETRY_SECONDS);
                        // Retry-After for a client, Refresh for the browser: the page asks again by itself (no script needed)
                        return Pages.view(HttpStatus.ACCEPTED, "ui/invoice-rendering", model).header("Retry-After", RENDER_RETRY_SECONDS)
                                .header("Refresh", RENDER_RETRY_SECONDS);
                    });
        });
    }

    // ---- the overdue list ----

    @Get("/overdue{?asOf,cursor,purret,nr}")
    public HttpResponse<?> overdueList(@Nullable @QueryValue String asOf, @Nullable @QueryValue String cursor,
                                       @Nullable @QueryValue String purret, @Nullable @QueryValue String nr, @Nullable Authentication auth,
                                       HttpRequest<?> request) {
        return Pages.staff(auth, request, SECTION, (actor, model) -> {
            model.put("asOf", blankToEmpty(asOf));
            LocalDate day;
            try {
                day = date(blankToEmpty(asOf), "Datoen");
                if (cursor != null && (cursor.length() > 500 || Text.refusal(cursor, false) != null)) {
                    throw new FormError("Ugyldig side.");
                }
            } catch (FormError e) {
                model.put("error", e.getMessage());
                model.put("items", List.of());
                model.put("bands", List.of());
                return Pages.view(HttpStatus.BAD_REQUEST, "ui/overdue", model);
            }
            if (purret != null && purret.matches("\\d{1,18}") && nr != null && nr.matches("\\d{1,4}")) {
                model.put("notice", "Purring nr. " + nr + " er lagt i kø for sending.");
                model.put("reminded", Long.parseLong(purret));
            }
            var list = overdue.page(actor, day, cursor, 100);
            model.put("day", list.asOf().format(Pages.NORWEGIAN));
            model.put("total", Kroner.of(list.total()));
            model.put("bands", list.bands().stream().map(b -> Map.of("label", bandLabel(b.band().name()), "count", b.invoices(), "due",
                    Kroner.of(b.due()))).toList());
            model.put("items", list.items().stream().map(i -> {
                var m = new HashMap<String, Object>();
                m.put("id", i.invoice().invoiceId());
                m.put("number", i.invoice().number());
                m.put("companyId", i.invoice().companyId());
                m.put("buyer", i.invoice().buyerName());
                m.put("dueDate", i.invoice().dueDate().format(Pages.NORWEGIAN));
                m.put("days", i.daysOverdue());
                m.put("due", Kroner.of(i.invoice().due()));
                m.put("reminders", i.invoice().reminders());
                m.put("lastReminder", i.invoice().lastReminderOn() == null ? "–" : i.invoice().lastReminderOn().format(Pages.NORWEGIAN));
                m.put("key", UUID.randomUUID().toString()); // a key per invoice: a key answers for one request
                return m;
            }).toList());
            if (list.nextCursor() != null) {
                model.put("next", "/ui/invoices/overdue?asOf=" + java.net.URLEncoder.encode(blankToEmpty(asOf),
                        java.nio.charset.StandardCharsets.UTF_8) + "&cursor=" + java.net.URLEncoder.encode(list.nextCursor(),
                        java.nio.charset.StandardCharsets.UTF_8));
            }
            return Pages.view("ui/overdue", model);
        });
    }

    // ---- what the pages share ----

    /** A form's mistake, told next to the form (400) rather than on a page of its own. */
    static final class FormError extends RuntimeException {
        FormError(String message) {
            super(message, null, false, false);
        }
    }

    static HttpResponse<?> refused(Map<String, Object> model, HttpStatus status, String text) {
        model.put("refusal", text);
        return Pages.view(status, "ui/refused", model);
    }

    /** An id in a path: an impossible one is a number format error, which the frame answers with the 404 page. */
    static InvoiceId invoiceId(String id) {
        return new InvoiceId(Pages.id(id));
    }

    /** The form's idempotency key, held to the header's rule (1–200 visible ASCII characters); none is allowed. */
    static String idempotencyKey(Map<String, String> form) {
        String key = form.get("key");
        return key == null || key.isEmpty() ? null : IdempotencyKeyHeader.checked(key);
    }

    /** A date typed in a form (dd.mm.åååå or ISO), or null when blank; else a form error naming {@code what}. */
    static LocalDate date(String typed, String what) {
        try {
            return Forms.date(typed, what);
        } catch (InvalidValueException e) {
            throw new FormError(e.getMessage());
        }
    }

    /** A whole number typed in a form (1–18 digits), else a form error naming {@code what}. */
    static long number(String typed, String what) {
        String t = typed == null ? "" : typed.strip();
        if (!t.matches("\\d{1,18}") || Long.parseLong(t) < 1) {
            throw new FormError(what + " «" + t + "» er ikke et gyldig nummer.");
        }
        return Long.parseLong(t);
    }

    /** An amount typed in kroner ({@code 1 250,50}, {@code 1250.5}, {@code 1250}) in øre, else a form error. */
    static long ore(String typed) {
        try {
            Long ore = Forms.ore(typed, "Beløpet");
            if (ore == null) {
                throw new FormError("Beløpet mangler.");
            }
            return ore;
        } catch (InvalidValueException e) {
            throw new FormError(e.getMessage());
        }
    }

    /** A form's fields; an empty body binds none. */
    static Map<String, String> orEmpty(Map<String, String> form) {
        return form == null ? Map.of() : form;
    }

    static String blankToEmpty(String s) {
        return s == null ? "" : s.strip();
    }

    static String statusLabel(InvoiceStatus s) {
        return Labels.invoiceStatus(s);
    }

    static List<Map<String, String>> statusChoices() {
        var choices = new ArrayList<Map<String, String>>();
        for (var s : InvoiceStatus.values()) {
            choices.add(Map.of("value", s.name(), "label", statusLabel(s)));
        }
        return choices;
    }

    private List<Map<String, Object>> rows(Actor actor, List<Invoice> invoices) {
        var today = read.today();
        var names = new HashMap<Long, String>();
        return invoices.stream().map(i -> {
            Map<String, Object> m = new HashMap<>();
            m.put("id", i.getId().value());
            m.put("number", i.getNumber() == null ? "Utkast" : Long.toString(i.getNumber()));
            m.put("kind", i.getKind() == InvoiceKind.CREDIT_NOTE ? "Kreditnota" : "Faktura");
            m.put("companyId", i.getCompanyId().value());
            m.put("companyName", i.getBuyer() != null ? i.getBuyer().name()
                    : names.computeIfAbsent(i.getCompanyId().value(), c -> companyName(actor, i.getCompanyId())));
            m.put("issueDate", i.getIssueDate() == null ? "–" : i.getIssueDate().format(Pages.NORWEGIAN));
            m.put("dueDate", i.getDueDate() == null ? "–" : i.getDueDate().format(Pages.NORWEGIAN));
            m.put("status", statusLabel(i.getStatus()));
            m.put("gross", Kroner.of(i.totals().gross()));
            m.put("due", Kroner.of(i.due()));
            m.put("overdue", i.getStatus().isIssued() && i.isOverdue(today));
            return m;
        }).toList();
    }

    static String vatLabel(TaxCategory category, BigDecimal percent) {
        return switch (category) {
            case S -> Labels.decimal(percent) + " %";
            case Z -> "0 % (nullsats)";
            case E -> "Fritatt";
            case O -> "Utenfor mva.";
        };
    }

    static String unitLabel(String code) {
        return switch (Objects.requireNonNullElse(code, "")) {
            case "C62" -> "stk";
            case "HUR" -> "timer";
            case "DAY" -> "dager";
            case "WEE" -> "uker";
            default -> code;
        };
    }

    static String jobKind(String kind) {
        return switch (kind) {
            case "RENDER_PDF" -> "PDF";
            case "RENDER_CUSTOMER_COPY" -> "Kundens eksemplar";
            case "SEND_INVOICE" -> "E-post";
            case "SEND_REMINDER" -> "Purring";
            default -> kind;
        };
    }

    static String bandLabel(String band) {
        return switch (band) {
            case "DAYS_0_14" -> "0–14 dager";
            case "DAYS_15_30" -> "15–30 dager";
            case "DAYS_31_60" -> "31–60 dager";
            default -> "Over 60 dager";
        };
    }
}
