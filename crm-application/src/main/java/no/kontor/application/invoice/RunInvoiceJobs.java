package no.kontor.application.invoice;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import no.kontor.application.audit.AuditEvent;
import no.kontor.application.audit.AuditTrail;
import no.kontor.application.shared.Transactions;
import no.kontor.domain.identity.Actor;
import no.kontor.domain.invoice.Invoice;
import no.kontor.domain.invoice.InvoiceKind;
import no.kontor.domain.shared.NotFoundException;

/**
 * The outbox worker: claims one due job at a time and does it outside any
 * transaction — FOP renders and the SMTP server answers without a lock or a
 * connection held — then records the outcome. A render archives the PDF once; a
 * send waits for the archived PDF, then e-mails it with a Message-ID fixed by the
 * job, so a resend after a crash is recognisably the same message. Failures are
 * retried with back-off; nothing is lost.
 */
public final class RunInvoiceJobs {
    static final Duration WAIT_FOR_PDF = Duration.ofSeconds(2);
    static final Duration MAX_BACKOFF = Duration.ofHours(1);

    private final InvoiceJobs jobs;
    private final Invoices invoices;
    private final InvoiceReminders reminders;
    private final InvoicePdfs pdfs;
    private final Mailer mailer;
    private final AuditTrail audit;
    private final Transactions tx;
    private final Clock clock;
    private final Duration lease;

    public RunInvoiceJobs(InvoiceJobs jobs, Invoices invoices, InvoiceReminders reminders, InvoicePdfs pdfs, Mailer mailer,
                          AuditTrail audit, Transactions tx, Clock clock, Duration lease) {
        this.jobs = jobs;
        this.invoices = invoices;
        this.reminders = reminders;
        this.pdfs = pdfs;
        this.mailer = mailer;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
        this.lease = lease;
    }

    /** Runs every job due now; returns how many were taken. */
    public int runDue() {
        int taken = 0;
        while (runOne()) {
            taken++;
        }
        return taken;
    }

    /** Runs one due job; false when none is due. */
    public boolean runOne() {
        var claimed = tx.inTransaction(() -> jobs.claim(lease));
        if (claimed.isEmpty()) {
            return false;
        }
        var job = claimed.get();
        try {
            switch (job.kind()) {
                case RENDER_PDF -> render(job);
                case SEND_INVOICE -> send(job);
                case SEND_REMINDER -> remind(job);
            }
        } catch (Mailer.MailUnavailableException e) {
            later(job, backoff(job.attempts()), "the mail server is unavailable: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            tx.inTransaction(() -> {
                jobs.failed(job.id(), e.getMessage());
                audit.record(event(job, "send-failed", Map.of("jobId", job.id(), "error", String.valueOf(e.getMessage()))));
                return null;
            });
        } catch (RuntimeException e) {
            later(job, backoff(job.attempts()), e.toString());
        }
        return true;
    }

    private void render(InvoiceJobs.Job job) {
        String ubl = tx.readOnly(() -> invoices.document(job.invoiceId()).orElseThrow(() -> new NotFoundException("invoice", job.invoiceId())));
        byte[] pdf = pdfs.render(ubl, job.pin(), InvoicePdfs.Giro.FULL);
        byte[] preprinted = pdfs.render(ubl, job.pin(), InvoicePdfs.Giro.PREPRINTED);
        tx.inTransaction(() -> {
            invoices.archivePdf(job.invoiceId(), pdf, preprinted);
            jobs.done(job.id());
            audit.record(event(job, "pdf-archived", Map.of("bytes", pdf.length)));
            return null;
        });
    }

    private void send(InvoiceJobs.Job job) {
        var found = tx.readOnly(() -> invoices.archivedPdf(job.invoiceId(), InvoicePdfs.Giro.FULL).map(pdf -> new Found(pdf,
                invoices.find(job.invoiceId()).orElseThrow(), job.withEhf() ? invoices.document(job.invoiceId()).orElseThrow() : null)));
        if (found.isEmpty()) {
            later(job, WAIT_FOR_PDF, "waiting for the PDF to be rendered");
            return;
        }
        var f = found.get();
        mailer.send(mail(job, f));
        tx.inTransaction(() -> {
            jobs.done(job.id());
            audit.record(event(job, "sent", Map.of("jobId", job.id(), "to", job.recipient(), "withEhf", job.withEhf())));
            return null;
        });
    }

    private record Found(byte[] pdf, Invoice invoice, String ubl) {
    }

    private void remind(InvoiceJobs.Job job) {
        var invoice = tx.readOnly(() -> invoices.find(job.invoiceId()).orElseThrow(() -> new NotFoundException("invoice", job.invoiceId())));
        var reminder = tx.readOnly(() -> reminders.find(job.reminderId()).orElseThrow(() -> new NotFoundException("reminder", job.reminderId())));
        String ubl = tx.readOnly(() -> invoices.document(job.invoiceId()).orElseThrow());
        byte[] pdf = pdfs.renderReminder(ubl, reminder);
        String seller = invoice.getSeller().name();
        String text = "Hei,\n\nVi kan ikke se å ha mottatt betaling for faktura " + invoice.getNumber() + " med forfall "
                + invoice.getDueDate() + ". Purring nr. " + reminder.number() + " er vedlagt: kr " + kroner(reminder.total())
                + " betales innen " + reminder.payBy() + " til konto " + invoice.getSeller().account().formatted()
                + (invoice.getKid() == null ? "" : " med KID " + invoice.getKid().value()) + ".\n"
                + (reminder.fee() > 0 ? "Beløpet omfatter purregebyr kr " + kroner(reminder.fee()) + ".\n" : "")
                + (reminder.interest() > 0 ? "Forsinkelsesrente til i dag: kr " + kroner(reminder.interest()) + ".\n" : "")
                + "\nHar du allerede betalt, kan du se bort fra denne purringen.\n\nMed vennlig hilsen\n" + seller + "\n";
        mailer.send(new Mailer.Mail(messageId(job, invoice), job.recipient(), "Purring " + reminder.number() + ": faktura "
                + invoice.getNumber() + " fra " + seller, text, List.of(new Mailer.Attachment("purring-" + invoice.getNumber() + "-"
                + reminder.number() + ".pdf", "application/pdf", pdf))));
        tx.inTransaction(() -> {
            jobs.done(job.id());
            audit.record(event(job, "reminder-sent", Map.of("jobId", job.id(), "reminder", reminder.number(), "to", job.recipient())));
            return null;
        });
    }

    private void later(InvoiceJobs.Job job, Duration delay, String why) {
        tx.inTransaction(() -> {
            jobs.retryLater(job.id(), delay, why);
            return null;
        });
    }

    /** 2, 4, 8 … seconds after each failed attempt, at most an hour. */
    static Duration backoff(int attempts) {
        return attempts >= 12 ? MAX_BACKOFF : Duration.ofSeconds(Math.min(MAX_BACKOFF.toSeconds(), 1L << Math.max(1, attempts)));
    }

    private AuditEvent event(InvoiceJobs.Job job, String action, Map<String, ?> after) {
        return AuditEvent.of(Actor.system("invoice-jobs"), clock.instant(), "invoice", job.invoiceId(), action, Map.of(), after, null);
    }

    static Mailer.Mail mail(InvoiceJobs.Job job, Found f) {
        Invoice i = f.invoice();
        boolean credit = i.getKind() == InvoiceKind.CREDIT_NOTE;
        String what = credit ? "Kreditnota" : "Faktura";
        String seller = i.getSeller().name();
        var text = new StringBuilder("Hei,\n\nVedlagt er ").append(what.toLowerCase(Locale.ROOT)).append(' ').append(i.getNumber())
                .append(" fra ").append(seller).append(" på kr ").append(kroner(i.totals().gross())).append(".\n");
        if (!credit) {
            text.append("Betales innen ").append(i.getDueDate()).append(" til konto ").append(i.getSeller().account().formatted());
            if (i.getKid() != null) {
                text.append(" med KID ").append(i.getKid().value());
            }
            text.append(".\n");
        }
        text.append("\nMed vennlig hilsen\n").append(seller).append('\n');
        var attachments = new ArrayList<Mailer.Attachment>(List.of(
                new Mailer.Attachment(what.toLowerCase(Locale.ROOT) + "-" + i.getNumber() + ".pdf", "application/pdf", f.pdf())));
        if (f.ubl() != null) {
            attachments.add(new Mailer.Attachment("ehf-" + what.toLowerCase(Locale.ROOT) + "-" + i.getNumber() + ".xml", "application/xml",
                    f.ubl().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        return new Mailer.Mail(messageId(job, i), job.recipient(), what + " " + i.getNumber() + " fra " + seller, text.toString(),
                attachments);
    }

    /** Fixed by the job: the same job always sends the same Message-ID. */
    static String messageId(InvoiceJobs.Job job, Invoice invoice) {
        String email = invoice.getSeller().email();
        String domain = email == null || !email.contains("@") ? "kontor.invalid" : email.substring(email.indexOf('@') + 1);
        return "<invoice-" + invoice.getId().value() + ".job-" + job.id() + "@" + domain + ">";
    }

    private static String kroner(long ore) {
        var symbols = new DecimalFormatSymbols(Locale.ROOT);
        symbols.setGroupingSeparator(' ');
        symbols.setDecimalSeparator(',');
        return new DecimalFormat("#,##0.00", symbols).format(BigDecimal.valueOf(ore, 2));
    }
}
