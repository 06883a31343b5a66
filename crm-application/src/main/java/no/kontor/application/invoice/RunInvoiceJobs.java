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
import no.kontor.application.audit.port.AuditTrail;
import no.kontor.application.shared.port.Transactions;
import no.kontor.domain.identity.Actor;
import no.kontor.domain.invoice.Invoice;
import no.kontor.domain.invoice.InvoiceKind;
import no.kontor.domain.shared.NotFoundException;
import no.kontor.application.invoice.port.CustomerCopies;
import no.kontor.application.invoice.port.InvoiceJobs;
import no.kontor.application.invoice.port.InvoicePdfs;
import no.kontor.application.invoice.port.InvoiceReminders;
import no.kontor.application.invoice.port.Invoices;
import no.kontor.application.invoice.port.Mailer;

/**
 * The outbox worker: claims one due job at a time and does it outside any
 * transaction — FOP renders and the SMTP server answers without a lock or a
 * connection held — then records the outcome. A render archives the PDF once, without
 * the PIN (the legal copy every member of staff can open), and keeps the customer's copy
 * with the PIN until it is delivered or {@code copyKeptFor} passes; a send waits for
 * both, then e-mails the customer's copy with a Message-ID fixed by the job, so a resend
 * after a crash is recognisably the same message, and the copy is removed once sent.
 *
 * <p>One bad job never holds up the others. A failure that may pass (the mail server
 * down, the renderer failing) is retried with back-off, at most {@code maxAttempts}
 * times in all; then the job is failed with its last error. A job that can never
 * succeed is failed at once: its sealed PIN cannot be opened (the PIN key was changed
 * since), the document or the recipient is refused for good, what it refers to is gone,
 * or (for a send) the PDF it waits for failed to render. A failed job stays visible with
 * its reason and is never run again. A claim that left no outcome (its worker died)
 * counts as an attempt too, so a job that kills its worker also ends.
 */
public final class RunInvoiceJobs {
    static final Duration WAIT_FOR_PDF = Duration.ofSeconds(2);
    static final Duration MAX_BACKOFF = Duration.ofHours(1);
    /** How many times a job is tried before it is failed, unless configured. */
    public static final int DEFAULT_MAX_ATTEMPTS = 10;
    /** The most of an error's text a job keeps. */
    static final int MAX_ERROR_LENGTH = 1000;

    private final InvoiceJobs jobs;
    private final Invoices invoices;
    private final InvoiceReminders reminders;
    private final InvoicePdfs pdfs;
    private final Mailer mailer;
    private final AuditTrail audit;
    private final Transactions tx;
    private final Clock clock;
    private final Duration lease;
    private final int maxAttempts;
    private final CustomerCopies copies;
    private final Duration copyKeptFor;

    /** How long a customer's copy is kept when nobody mails or prints it, unless configured. */
    public static final Duration DEFAULT_COPY_KEPT_FOR = Duration.ofDays(30);

    /** With {@link #DEFAULT_MAX_ATTEMPTS} and {@link #DEFAULT_COPY_KEPT_FOR}. */
    public RunInvoiceJobs(InvoiceJobs jobs, Invoices invoices, InvoiceReminders reminders, InvoicePdfs pdfs, Mailer mailer,
                          CustomerCopies copies, AuditTrail audit, Transactions tx, Clock clock, Duration lease) {
        this(jobs, invoices, reminders, pdfs, mailer, copies, audit, tx, clock, lease, DEFAULT_MAX_ATTEMPTS, DEFAULT_COPY_KEPT_FOR);
    }

    /**
     * @param maxAttempts how many times a job is tried before it is failed with its last error (at least 1)
     * @param copyKeptFor how long a customer's copy is kept when it is neither mailed nor printed
     */
    public RunInvoiceJobs(InvoiceJobs jobs, Invoices invoices, InvoiceReminders reminders, InvoicePdfs pdfs, Mailer mailer,
                          CustomerCopies copies, AuditTrail audit, Transactions tx, Clock clock, Duration lease, int maxAttempts,
                          Duration copyKeptFor) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("a job needs at least one attempt: kontor.jobs.max-attempts is " + maxAttempts);
        }
        if (copyKeptFor.isNegative() || copyKeptFor.isZero()) {
            throw new IllegalArgumentException("a customer's copy is kept for a positive time, not " + copyKeptFor);
        }
        this.maxAttempts = maxAttempts;
        this.copies = copies;
        this.copyKeptFor = copyKeptFor;
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
        if (job.defect() != null) {
            fail(job, job.defect());
            return true;
        }
        if (job.attempts() > maxAttempts) {
            fail(job, "gave up after " + maxAttempts + " attempts; the last one left no outcome (its worker stopped, or it ran past "
                    + "its lease)");
            return true;
        }
        try {
            switch (job.kind()) {
                case RENDER_PDF -> render(job);
                case RENDER_CUSTOMER_COPY -> renderCustomerCopy(job);
                case SEND_INVOICE -> send(job);
                case SEND_REMINDER -> remind(job);
            }
        } catch (Mailer.MailUnavailableException e) {
            retryOrFail(job, "the mail server is unavailable: " + e.getMessage());
        } catch (IllegalArgumentException | NotFoundException e) {
            // refused for good (the document, the recipient), or what the job refers to is gone: trying again changes nothing
            fail(job, e.getMessage() == null ? e.toString() : e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            // a renderer recursing without end on a document is this job's trouble, not the worker's
            retryOrFail(job, e.toString());
        }
        return true;
    }

    /** The archived copies carry no PIN; the customer's copies do (a job from before V16 without a PIN renders none). */
    private void render(InvoiceJobs.Job job) {
        String ubl = document(job);
        byte[] pdf = pdfs.render(ubl, null, Giro.FULL);
        byte[] preprinted = pdfs.render(ubl, null, Giro.PREPRINTED);
        byte[][] customer = job.pin() == null ? null : new byte[][] {pdfs.render(ubl, job.pin(), Giro.FULL), pdfs.render(ubl, job.pin(), Giro.PREPRINTED)};
        tx.inTransaction(() -> {
            invoices.archivePdf(job.invoiceId(), pdf, preprinted);
            if (customer != null) {
                storeCopy(job, customer);
            }
            jobs.done(job.id());
            audit.record(event(job, "pdf-archived", Map.of("bytes", pdf.length)));
            return null;
        });
    }

    private void renderCustomerCopy(InvoiceJobs.Job job) {
        if (job.pin() == null) {
            throw new IllegalArgumentException("a customer's copy job without its PIN");
        }
        String ubl = document(job);
        byte[][] customer = {pdfs.render(ubl, job.pin(), Giro.FULL), pdfs.render(ubl, job.pin(), Giro.PREPRINTED)};
        tx.inTransaction(() -> {
            storeCopy(job, customer);
            jobs.done(job.id());
            audit.record(event(job, "customer-copy-rendered", Map.of("bytes", customer[0].length)));
            return null;
        });
    }

    private String document(InvoiceJobs.Job job) {
        return tx.readOnly(() -> invoices.document(job.invoiceId()).orElseThrow(() -> new NotFoundException("invoice", job.invoiceId())));
    }

    private void storeCopy(InvoiceJobs.Job job, byte[][] customer) {
        var now = clock.instant();
        copies.store(job.invoiceId(), customer[0], customer[1], now, now.plus(copyKeptFor));
    }

    /** Removes the customers' copies nobody mailed or printed in time; returns how many. */
    public int removeExpiredCopies() {
        return tx.inTransaction(() -> copies.removeExpired(clock.instant()));
    }

    private void send(InvoiceJobs.Job job) {
        // the customer's copy (with the PIN) once it is rendered; the archived PDF only when no copy is coming (it was sent already)
        var found = tx.readOnly(() -> invoices.archivedPdf(job.invoiceId(), Giro.FULL)
                .flatMap(archived -> copies.find(job.invoiceId(), Giro.FULL).or(() -> jobs.customerCopyPending(job.invoiceId())
                        ? java.util.Optional.empty() : java.util.Optional.of(archived)))
                .map(pdf -> new Found(pdf, invoices.find(job.invoiceId()).orElseThrow(),
                        job.withEhf() ? invoices.document(job.invoiceId()).orElseThrow() : null)));
        if (found.isEmpty()) {
            var renderFailed = tx.readOnly(() -> jobs.failedRender(job.invoiceId()));
            if (renderFailed.isPresent()) {
                fail(job, "the PDF could not be rendered: " + renderFailed.get());
            } else {
                tx.inTransaction(() -> {
                    jobs.postpone(job.id(), WAIT_FOR_PDF, "waiting for the PDF to be rendered");
                    return null;
                });
            }
            return;
        }
        var f = found.get();
        mailer.send(mail(job, f));
        tx.inTransaction(() -> {
            if (copies.remove(job.invoiceId())) {
                audit.record(event(job, "customer-copy-delivered", Map.of("jobId", job.id())));
            }
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
                + NORWEGIAN_DATE.format(invoice.getDueDate()) + ". Purring nr. " + reminder.number() + " er vedlagt: kr " + kroner(reminder.total())
                + " betales innen " + NORWEGIAN_DATE.format(reminder.payBy()) + " til konto " + invoice.getSeller().account().formatted()
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

    /** Tried again after its back-off, unless this was its last attempt. */
    private void retryOrFail(InvoiceJobs.Job job, String why) {
        if (job.attempts() >= maxAttempts) {
            fail(job, "gave up after " + job.attempts() + " attempts: " + why);
            return;
        }
        tx.inTransaction(() -> {
            jobs.retryLater(job.id(), backoff(job.attempts()), storable(why));
            return null;
        });
    }

    /** Never run again; the reason stays on the job and in the invoice's history. */
    private void fail(InvoiceJobs.Job job, String why) {
        String reason = storable(why);
        String action = job.kind() == InvoiceJobKind.RENDER_PDF || job.kind() == InvoiceJobKind.RENDER_CUSTOMER_COPY ? "render-failed"
                : "send-failed";
        tx.inTransaction(() -> {
            jobs.failed(job.id(), reason);
            audit.record(event(job, action, Map.of("jobId", job.id(), "error", reason)));
            return null;
        });
    }

    /**
     * An error's text as a job keeps it: one line of at most {@link #MAX_ERROR_LENGTH}
     * characters, control characters, non-characters and lone surrogates replaced, so that
     * any text a failure brings (bad data echoed in a parser's message) can be stored and shown.
     */
    static String storable(String text) {
        var out = new StringBuilder(Math.min(text.length(), MAX_ERROR_LENGTH));
        for (int i = 0; i < text.length() && out.length() < MAX_ERROR_LENGTH; i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
            if (pair) {
                out.append(c).append(text.charAt(++i));
            } else if (Character.isISOControl(c) || Character.isSurrogate(c) || c == '\uFFFE' || c == '\uFFFF') {
                out.append(c == '\n' || c == '\r' || c == '\t' ? ' ' : '\uFFFD');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Dates in the mails as Norwegians write them: 17.12.2026. */
    static final java.time.format.DateTimeFormatter NORWEGIAN_DATE = java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy");

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
            text.append("Betales innen ").append(NORWEGIAN_DATE.format(i.getDueDate())).append(" til konto ").append(i.getSeller().account().formatted());
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
