package no.kontor.adapters.web.ui;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import no.kontor.adapters.web.shared.Text;
import no.kontor.adapters.web.shared.ImportCounts;
import no.kontor.adapters.web.ui.InvoicePagesController.FormError;
import no.kontor.application.invoice.ReadInvoices;
import no.kontor.application.payment.AssignPayment;
import no.kontor.application.payment.ImportOcrPayments;
import no.kontor.application.payment.OcrImportReport;
import no.kontor.application.payment.ReadPayments;
import no.kontor.application.payment.RegisterPayment;
import no.kontor.domain.identity.Actor;
import no.kontor.domain.invoice.Invoice;
import no.kontor.domain.invoice.InvoiceId;
import no.kontor.domain.invoice.InvoiceKind;
import no.kontor.domain.payment.OcrFileException;
import no.kontor.domain.shared.ConflictException;
import no.kontor.domain.shared.NotFoundException;
import no.kontor.domain.shared.ValidationException;

/**
 * Payments in the staff pages: a payment registered by hand (for an invoice named by its number
 * or its KID), the bank's OCR file uploaded and what it did, and the payments no invoice claimed,
 * each assigned to its invoice by number. The same use cases and role checks as the API
 * ({@code /api/v1/payments}); the import is synchronous there, so the page shows its summary
 * when the upload's POST returns (the form shows that it is working meanwhile).
 */
@Controller("/ui/payments")
@Secured(SecurityRule.IS_ANONYMOUS) // each page decides: no staff session → the login page
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
public class PaymentPagesController {
    static final String SECTION = "payments";
    static final int MAX_KID = 25;

    private final ReadPayments read;
    private final ReadInvoices invoices;
    private final RegisterPayment register;
    private final AssignPayment assign;
    private final ImportOcrPayments importOcr;
    private final ImportCounts counts;

    public PaymentPagesController(ReadPayments read, ReadInvoices invoices, RegisterPayment register, AssignPayment assign,
                                  ImportOcrPayments importOcr, ImportCounts counts) {
        this.read = read;
        this.invoices = invoices;
        this.register = register;
        this.assign = assign;
        this.importOcr = importOcr;
        this.counts = counts;
    }

    @Get("{?faktura,betalt,tildelt,import,igjen}")
    public HttpResponse<?> page(@Nullable @QueryValue String faktura, @Nullable @QueryValue String betalt,
                                @Nullable @QueryValue String tildelt, @Nullable @QueryValue("import") String importId,
                                @Nullable @QueryValue String igjen, @Nullable Authentication auth, HttpRequest<?> request) {
        return Pages.staff(auth, request, SECTION, (actor, model) -> {
            var form = new HashMap<String, String>();
            form.put("invoiceNumber", faktura != null && faktura.matches("\\d{1,18}") ? faktura : "");
            form.put("kid", "");
            form.put("amount", "");
            form.put("paidOn", invoices.today().format(Pages.NORWEGIAN));
            model.put("form", form);
            invoiceNotice(actor, model, betalt, "Innbetalingen er registrert.");
            invoiceNotice(actor, model, tildelt, "Innbetalingen er knyttet til fakturaen.");
            if (importId != null && importId.matches("\\d{1,18}")) {
                try {
                    model.put("report", report(read.report(actor, Long.parseLong(importId)), "1".equals(igjen)));
                } catch (NotFoundException e) {
                    // an import that is not there: no summary
                }
            }
            return render(actor, model, HttpStatus.OK);
        });
    }

    private void invoiceNotice(Actor actor, Map<String, Object> model, String invoiceId, String what) {
        if (invoiceId == null || !invoiceId.matches("\\d{1,18}") || Long.parseLong(invoiceId) < 1) {
            return;
        }
        try {
            var invoice = invoices.view(actor, new InvoiceId(Long.parseLong(invoiceId)));
            model.put("notice", what);
            model.put("noticeInvoice", Map.of("id", invoice.getId().value(), "number", invoice.getNumber() == null ? "–"
                    : invoice.getNumber(), "status", InvoicePagesController.statusLabel(invoice.getStatus()), "paid",
                    Kroner.of(invoice.getPaid()), "due", Kroner.of(invoice.due())));
        } catch (NotFoundException e) {
            // nothing to tell
        }
    }

    /** A payment by hand: the invoice by its number or its KID (one of them), the amount in kroner, the day it was paid. */
    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> registerPayment(@Nullable @Body Map<String, String> form, @Nullable Authentication auth, HttpRequest<?> request) {
        return Pages.form(auth, request, InvoicePagesController.orEmpty(form), SECTION, (actor, model) -> {
            var typed = new HashMap<String, String>();
            for (String field : List.of("invoiceNumber", "kid", "amount", "paidOn")) {
                typed.put(field, form.getOrDefault(field, "").strip());
            }
            model.put("form", typed);
            RegisterPayment.Command command;
            try {
                for (var value : typed.values()) {
                    if (value.length() > 100 || Text.refusal(value, false) != null) {
                        throw new FormError("Feltene kan ikke inneholde kontrolltegn eller være så lange.");
                    }
                }
                boolean byNumber = !typed.get("invoiceNumber").isEmpty();
                boolean byKid = !typed.get("kid").isEmpty();
                if (byNumber == byKid) {
                    throw new FormError("Fyll inn enten fakturanummeret eller KID-en (ikke begge).");
                }
                if (byKid && !typed.get("kid").matches("[0-9]{1," + (MAX_KID - 1) + "}[0-9-]")) {
                    throw new FormError("KID-en «" + typed.get("kid") + "» er ikke en KID (2–25 sifre).");
                }
                long amount = InvoicePagesController.ore(typed.get("amount"));
                var paidOn = InvoicePagesController.date(typed.get("paidOn"), "Betalingsdatoen");
                if (paidOn == null) {
                    throw new FormError("Skriv datoen innbetalingen kom (dd.mm.åååå).");
                }
                InvoiceId invoice = byNumber ? invoiceByNumber(actor, typed.get("invoiceNumber")) : null;
                command = new RegisterPayment.Command(invoice, byKid ? typed.get("kid") : null, amount, paidOn);
            } catch (FormError e) {
                model.put("registerError", e.getMessage());
                return render(actor, model, HttpStatus.BAD_REQUEST);
            }
            try {
                var registered = register.execute(actor, command, InvoicePagesController.idempotencyKey(form));
                return Pages.redirect("/ui/payments?betalt=" + registered.invoice().getId().value());
            } catch (ValidationException e) {
                model.put("registerError", Pages.explain(e));
                return render(actor, model, HttpStatus.BAD_REQUEST);
            }
        });
    }

    /** Assign a payment of the unmatched list to the invoice with the number typed. */
    @Post("/{id}/assign")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> assignPayment(String id, @Nullable @Body Map<String, String> form, @Nullable Authentication auth, HttpRequest<?> request) {
        return Pages.form(auth, request, InvoicePagesController.orEmpty(form), SECTION, (actor, model) -> {
            long paymentId = Pages.id(id); // not a payment id: the 404 page
            String typed = form.getOrDefault("invoiceNumber", "").strip();
            model.put("assignPayment", paymentId);
            model.put("assignTyped", typed);
            try {
                if (typed.isEmpty()) {
                    throw new FormError("Skriv nummeret på fakturaen innbetalingen gjelder.");
                }
                var invoice = invoiceByNumber(actor, typed);
                var assigned = assign.execute(actor, paymentId, invoice);
                return Pages.redirect("/ui/payments?tildelt=" + assigned.invoice().getId().value());
            } catch (FormError e) {
                model.put("assignError", e.getMessage());
                return render(actor, model, HttpStatus.BAD_REQUEST);
            } catch (ConflictException e) {
                model.put("assignError", Pages.explain(e));
                return render(actor, model, HttpStatus.CONFLICT);
            }
        });
    }

    /** The bank's OCR file, uploaded as a form's file; refused whole, with the reason, when it is not one. */
    @Post("/ocr")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public HttpResponse<?> importFile(@Nullable @Part("csrf") String csrf, @Nullable @Part("file") CompletedFileUpload file,
                                      @Nullable Authentication auth, HttpRequest<?> request) {
        var form = new HashMap<String, String>();
        if (csrf != null) {
            form.put("csrf", csrf);
        }
        return Pages.form(auth, request, form, SECTION, (actor, model) -> {
            byte[] bytes;
            try {
                bytes = file == null ? new byte[0] : file.getBytes();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            try {
                var result = counts.counted(ImportCounts.Kind.OCR_PAYMENTS, () -> importOcr.execute(actor, bytes),
                        r -> r.alreadyImported() ? 0 : r.report().transactions()); // a file again holds nothing new
                return Pages.redirect("/ui/payments?import=" + result.report().importId() + (result.alreadyImported() ? "&igjen=1" : ""));
            } catch (OcrFileException e) {
                model.put("importError", "Filen er ikke en gyldig OCR-fil fra banken, og ingenting er importert. " + Pages.explain(e)
                        + " (" + e.getMessage().replaceFirst("^line (\\d+):", "linje $1:") + ")");
                return render(actor, model, HttpStatus.BAD_REQUEST);
            } catch (ConflictException e) {
                model.put("importError", Pages.explain(e) + " Ingenting av filen er importert.");
                return render(actor, model, HttpStatus.CONFLICT);
            }
        });
    }

    private InvoiceId invoiceByNumber(Actor actor, String typed) {
        long number = InvoicePagesController.number(typed, "Fakturanummeret");
        Invoice invoice = invoices.numbered(actor, number).orElseThrow(() -> new FormError("Ingen faktura har nummer " + number + "."));
        if (invoice.getKind() != InvoiceKind.INVOICE) {
            throw new FormError("Nummer " + number + " er en kreditnota, ikke en faktura.");
        }
        return invoice.getId();
    }

    private HttpResponse<?> render(Actor actor, Map<String, Object> model, HttpStatus status) {
        model.putIfAbsent("form", Map.of("invoiceNumber", "", "kid", "", "amount", "", "paidOn", ""));
        model.put("today", invoices.today().format(Pages.NORWEGIAN));
        model.put("key", UUID.randomUUID().toString());
        model.put("unmatched", read.unmatched(actor, null, 200).items().stream().map(InvoicePagesController::paymentModel).toList());
        return Pages.view(status, "ui/payments", model);
    }

    private static Map<String, Object> report(OcrImportReport r, boolean again) {
        var m = new HashMap<String, Object>();
        m.put("transmission", r.transmissionNumber());
        m.put("transactions", r.transactions());
        m.put("applied", r.applied());
        m.put("unmatched", r.unmatched());
        m.put("reversals", r.reversals());
        m.put("duplicates", r.duplicates());
        m.put("amount", Kroner.of(r.appliedAmount()));
        m.put("importedAt", r.importedAt().atZone(java.time.ZoneId.of("Europe/Oslo")).format(CompanyPagesController.WHEN));
        m.put("again", again);
        return m;
    }
}
