package no.kontor.application.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import no.kontor.application.testing.DirectTransactions;
import no.kontor.application.testing.InMemoryCustomerCopies;
import no.kontor.application.testing.InMemoryAuditTrail;
import no.kontor.application.testing.InMemoryInvoiceJobs;
import no.kontor.application.testing.InMemoryInvoices;
import no.kontor.application.testing.TestClock;
import no.kontor.domain.company.CompanyId;
import no.kontor.domain.invoice.Buyer;
import no.kontor.domain.invoice.Invoice;
import no.kontor.domain.invoice.InvoiceId;
import no.kontor.domain.invoice.InvoiceLine;
import no.kontor.domain.invoice.Reminder;
import no.kontor.domain.invoice.Seller;
import no.kontor.domain.invoice.TaxCategory;
import no.kontor.domain.shared.BankAccountNumber;
import no.kontor.domain.shared.Kid;
import no.kontor.domain.shared.OrganisationNumber;
import no.kontor.application.invoice.port.InvoicePdfs;
import no.kontor.application.invoice.port.InvoiceReminders;
import no.kontor.application.invoice.port.Mailer;

/** The outbox worker with in-memory ports: what it renders, when it sends, how it retries and when it gives up. */
class RunInvoiceJobsTest {
    static final Instant START = Instant.parse("2026-11-24T09:00:00Z");
    static final int DEFAULT_MAX_ATTEMPTS = RunInvoiceJobs.DEFAULT_MAX_ATTEMPTS;

    final TestClock clock = new TestClock(START);
    final InMemoryInvoices invoices = new InMemoryInvoices();
    final InMemoryInvoiceJobs jobs = new InMemoryInvoiceJobs(clock);
    final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    final FakePdfs pdfs = new FakePdfs();
    final FakeMailer mailer = new FakeMailer();
    final InMemoryCustomerCopies copies = new InMemoryCustomerCopies();
    final RunInvoiceJobs worker = new RunInvoiceJobs(jobs, invoices, new NoReminders(), pdfs, mailer, copies, audit,
            new DirectTransactions().register(invoices).register(jobs).register(copies), clock, Duration.ofMinutes(5));

    /** Renders "PDF:<mode>:<pin>" so tests can see what was asked. */
    static final class FakePdfs implements InvoicePdfs {
        final List<String> rendered = new ArrayList<>();
        /** Thrown by every render while set: a document the renderer chokes on. */
        java.util.function.Supplier<Throwable> fails;

        @Override
        public byte[] render(String ubl, String pin, Giro giro) {
            if (fails != null) {
                sneak(fails.get());
            }
            String pdf = "PDF:" + giro + ":" + pin;
            rendered.add(pdf);
            return pdf.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public byte[] renderReminder(String ubl, Reminder reminder) {
            return ("REMINDER:" + reminder.number()).getBytes(StandardCharsets.UTF_8);
        }
    }

    /** An SMTP server that can be down, or refuse for good. */
    static final class FakeMailer implements Mailer {
        final List<Mail> delivered = new ArrayList<>();
        final List<String> attemptedIds = new ArrayList<>();
        boolean down;
        boolean refuses;

        @Override
        public void send(Mail mail) {
            attemptedIds.add(mail.messageId());
            if (down) {
                throw new MailUnavailableException("connection refused", null);
            }
            if (refuses) {
                throw new IllegalArgumentException("550 no such user");
            }
            delivered.add(mail);
        }
    }

    @SuppressWarnings("unchecked")
    static <E extends Throwable> void sneak(Throwable e) throws E {
        throw (E) e;
    }

    static final class NoReminders implements InvoiceReminders {
        @Override
        public Reminder add(Reminder reminder) {
            throw new IllegalStateException("these tests send no reminders");
        }

        @Override
        public Optional<Reminder> find(long id) {
            return Optional.empty();
        }

        @Override
        public List<Reminder> of(InvoiceId invoice) {
            return List.of();
        }

        @Override
        public no.kontor.application.shared.Page<Reminder> of(InvoiceId invoice, String cursor, int limit) {
            return new no.kontor.application.shared.Page<>(List.of(), null);
        }
    }

    InvoiceId issued() {
        var line = new InvoiceLine(1, 1L, null, "Annonse", BigDecimal.ONE, "C62", 100000, BigDecimal.ZERO, TaxCategory.S,
                new BigDecimal("25"), null);
        var draft = invoices.add(Invoice.draft(new CompanyId(3), List.of(line), "Kari", null, "mona", START));
        var seller = new Seller("Lokalavisa AS", new OrganisationNumber("974760673"), null, null, null, "faktura@avisa.example", null,
                new BankAccountNumber("86011117947"), true, true);
        var buyer = new Buyer(3, "Kunde AS", new OrganisationNumber("991825827"), null, null, null, "k@kunde.example");
        LocalDate day = LocalDate.of(2026, 11, 24);
        invoices.issue(draft.issue(new Invoice.Issue(1, day, day.plusDays(14), new Kid("000000300000016"), seller, buyer), "mona", START),
                "<Invoice/>", new byte[] {1});
        return draft.getId();
    }

    @Test
    void aRenderJobArchivesBothVariantsWithoutThePinKeepsTheCustomersCopyWithItAndForgetsThePin() {
        var id = issued();
        jobs.render(id, "482913", "mona");
        assertThat(worker.runOne()).isTrue();
        assertThat(new String(invoices.row(id).pdf(), StandardCharsets.UTF_8)).as("the legal copy").isEqualTo("PDF:FULL:null");
        assertThat(new String(invoices.row(id).preprinted(), StandardCharsets.UTF_8)).isEqualTo("PDF:PREPRINTED:null");
        assertThat(copies.find(id, Giro.FULL)).hasValueSatisfying(b -> assertThat(new String(b, StandardCharsets.UTF_8))
                .isEqualTo("PDF:FULL:482913"));
        assertThat(copies.find(id, Giro.PREPRINTED)).hasValueSatisfying(b -> assertThat(new String(b, StandardCharsets.UTF_8))
                .isEqualTo("PDF:PREPRINTED:482913"));
        assertThat(jobs.row(1).doneAt()).isNotNull();
        assertThat(jobs.row(1).pin()).as("the PIN leaves with the job").isNull();
        assertThat(audit.of("invoice", id)).extracting(e -> e.action()).containsExactly("pdf-archived");
        assertThat(worker.runOne()).as("nothing left").isFalse();
    }

    @Test
    void aNewPinsCopyReplacesTheOldAndAMailedCopyIsRemovedThenTheArchivedOneIsSent() {
        var id = issued();
        jobs.render(id, "111111", "mona");
        jobs.renderCustomerCopy(id, "222222", "mona");
        assertThat(worker.runDue()).isEqualTo(2);
        assertThat(copies.find(id, Giro.FULL)).hasValueSatisfying(b -> assertThat(new String(b, StandardCharsets.UTF_8))
                .isEqualTo("PDF:FULL:222222"));
        jobs.send(id, "k@kunde.example", false, "mona");
        worker.runDue();
        assertThat(new String(mailer.delivered.get(0).attachments().get(0).content(), StandardCharsets.UTF_8)).isEqualTo("PDF:FULL:222222");
        assertThat(copies.exists(id)).as("delivered: not kept").isFalse();
        assertThat(audit.of("invoice", id)).extracting(e -> e.action()).contains("customer-copy-rendered", "customer-copy-delivered");

        jobs.send(id, "k@kunde.example", false, "mona");
        worker.runDue();
        assertThat(new String(mailer.delivered.get(1).attachments().get(0).content(), StandardCharsets.UTF_8))
                .as("no copy is coming: the archived PDF, without a PIN").isEqualTo("PDF:FULL:null");
    }

    @Test
    void copiesNobodyMailedOrPrintedAreRemovedWhenTheyExpire() {
        var id = issued();
        jobs.render(id, "111111", "mona");
        worker.runDue();
        clock.advance(RunInvoiceJobs.DEFAULT_COPY_KEPT_FOR.minusSeconds(1));
        assertThat(worker.removeExpiredCopies()).isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(worker.removeExpiredCopies()).isEqualTo(1);
        assertThat(copies.exists(id)).isFalse();
    }

    @Test
    void aSendWaitsForThePdfThenMailsItWithTheEhfDocument() {
        var id = issued();
        long send = jobs.send(id, "k@kunde.example", true, "mona");
        assertThat(worker.runOne()).isTrue();
        assertThat(mailer.attemptedIds).as("nothing to attach yet").isEmpty();
        assertThat(jobs.row(send).lastError()).contains("waiting for the PDF");
        jobs.render(id, "111111", "mona");
        assertThat(worker.runDue()).as("the render is due, the send is not yet").isEqualTo(1);
        clock.advance(RunInvoiceJobs.WAIT_FOR_PDF);
        assertThat(worker.runDue()).isEqualTo(1);
        var mail = mailer.delivered.get(0);
        assertThat(mail.to()).isEqualTo("k@kunde.example");
        assertThat(mail.subject()).isEqualTo("Faktura 1 fra Lokalavisa AS");
        assertThat(mail.text()).contains("1 250,00", "8601 11 17947", "000000300000016");
        assertThat(mail.text()).as("the due date as Norwegians write it").contains("Betales innen 08.12.2026").doesNotContain("2026-12-08");
        assertThat(mail.attachments()).extracting(Mailer.Attachment::fileName).containsExactly("faktura-1.pdf", "ehf-faktura-1.xml");
        assertThat(new String(mail.attachments().get(0).content(), StandardCharsets.UTF_8)).as("the customer's copy, with the PIN")
                .isEqualTo("PDF:FULL:111111");
        assertThat(mail.messageId()).isEqualTo("<invoice-" + id.value() + ".job-" + send + "@avisa.example>");
        assertThat(jobs.row(send).doneAt()).isNotNull();
    }

    @Test
    void throughAnOutageTheSameMessageIsRetriedWithBackOffAndSentOnce() {
        var id = issued();
        jobs.render(id, "111111", "mona");
        worker.runDue();
        long send = jobs.send(id, "k@kunde.example", false, "mona");
        mailer.down = true;
        assertThat(worker.runDue()).isEqualTo(1);
        assertThat(jobs.row(send).lastError()).contains("the mail server is unavailable");
        assertThat(worker.runDue()).as("not before its back-off").isZero();
        clock.advance(Duration.ofSeconds(2));
        assertThat(worker.runDue()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(3));
        assertThat(worker.runDue()).as("the second back-off is 4 s").isZero();
        clock.advance(Duration.ofSeconds(1));
        mailer.down = false;
        assertThat(worker.runDue()).isEqualTo(1);
        assertThat(mailer.delivered).hasSize(1);
        assertThat(mailer.attemptedIds).hasSize(3).containsOnly(mailer.delivered.get(0).messageId());
        clock.advance(Duration.ofHours(2));
        assertThat(worker.runDue()).isZero();
        assertThat(mailer.delivered).hasSize(1);
    }

    @Test
    void aRecipientRefusedForGoodFailsTheJobVisiblyAndIsNotRetried() {
        var id = issued();
        jobs.render(id, "111111", "mona");
        worker.runDue();
        long send = jobs.send(id, "nobody@kunde.example", false, "mona");
        mailer.refuses = true;
        worker.runDue();
        assertThat(jobs.row(send).failed()).isTrue();
        assertThat(jobs.of(id).get(0).lastError()).isEqualTo("550 no such user");
        assertThat(audit.of("invoice", id)).extracting(e -> e.action()).contains("send-failed");
        clock.advance(Duration.ofHours(2));
        assertThat(worker.runDue()).isZero();
    }

    @Test
    void aJobWhoseWorkerDiedComesBackWhenItsLeaseEnds() {
        var id = issued();
        jobs.render(id, "111111", "mona");
        assertThat(jobs.claim(Duration.ofMinutes(5))).isPresent(); // a worker claims it, then dies
        assertThat(worker.runOne()).isFalse();
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        assertThat(worker.runOne()).isTrue();
        assertThat(invoices.row(id).pdf()).isNotNull();
        assertThat(jobs.row(1).attempts()).isEqualTo(2);
    }

    // --- one bad job never holds up the others ---------------------------------------------------------------------------

    @Test
    void aRenderJobWhoseSealedPinCannotBeOpenedFailsAtOnceAndTheNextJobRuns() {
        var id = issued();
        jobs.render(id, "482913", "mona");
        jobs.sealedUnderAnotherKey(1); // the PIN key was rotated after this job was written
        var other = issued();
        jobs.render(other, "111111", "mona");

        assertThat(worker.runDue()).isEqualTo(2);

        var bad = jobs.row(1);
        assertThat(bad.failed()).isTrue();
        assertThat(bad.doneAt()).isNotNull();
        assertThat(bad.attempts()).as("no retries: it can never succeed").isEqualTo(1);
        assertThat(bad.claimedUntil()).isNull();
        assertThat(bad.pin()).isNull();
        assertThat(jobs.of(id).get(0).lastError()).contains("PIN", "cannot be opened");
        assertThat(jobs.row(2).doneAt()).isNotNull();
        assertThat(jobs.row(2).failed()).isFalse();
        assertThat(invoices.row(other).pdf()).isNotNull();
        assertThat(audit.of("invoice", id)).extracting(e -> e.action()).containsExactly("render-failed");
        clock.advance(Duration.ofHours(2));
        assertThat(worker.runDue()).isZero();
    }

    @Test
    void aJobIsTriedAtMostTheMaximumNumberOfTimesThenFailsWithItsLastError() {
        var id = issued();
        jobs.render(id, "111111", "mona");
        worker.runDue();
        long send = jobs.send(id, "k@kunde.example", false, "mona");
        mailer.down = true;
        for (int attempt = 1; attempt <= DEFAULT_MAX_ATTEMPTS; attempt++) {
            assertThat(worker.runDue()).as("attempt %d", attempt).isEqualTo(1);
            clock.advance(RunInvoiceJobs.MAX_BACKOFF);
        }
        var row = jobs.row(send);
        assertThat(row.failed()).isTrue();
        assertThat(row.doneAt()).isNotNull();
        assertThat(row.attempts()).isEqualTo(DEFAULT_MAX_ATTEMPTS);
        assertThat(row.claimedUntil()).isNull();
        assertThat(row.lastError()).contains("the mail server is unavailable", "connection refused");
        assertThat(mailer.attemptedIds).hasSize(DEFAULT_MAX_ATTEMPTS);
        mailer.down = false;
        clock.advance(Duration.ofDays(1));
        assertThat(worker.runDue()).as("a failed job is never tried again").isZero();
        assertThat(mailer.delivered).isEmpty();
    }

    @Test
    void aRenderThatThrowsAnErrorOnBadDataIsRetriedAloneAndTheOthersGoOn() {
        var bad = issued();
        jobs.render(bad, "111111", "mona");
        pdfs.fails = () -> new StackOverflowError("a document nested too deep");
        assertThat(worker.runDue()).isEqualTo(1);
        pdfs.fails = null;
        var good = issued();
        jobs.render(good, "222222", "mona");
        assertThat(worker.runDue()).isEqualTo(1);

        assertThat(jobs.row(1).doneAt()).isNull();
        assertThat(jobs.row(1).attempts()).isEqualTo(1);
        assertThat(jobs.row(1).claimedUntil()).as("given back, not left leased").isNull();
        assertThat(jobs.row(1).lastError()).contains("StackOverflowError");
        assertThat(jobs.row(2).doneAt()).isNotNull();
        assertThat(invoices.row(good).pdf()).isNotNull();
    }

    @Test
    void anErrorTextTheDatabaseCannotStoreStillFailsTheJobAndTheNextRuns() {
        var bad = issued();
        jobs.render(bad, "111111", "mona");
        var good = issued();
        jobs.render(good, "222222", "mona");
        pdfs.fails = () -> new IllegalArgumentException("the document is not well-formed XML: character \u0000 in <Name>\u0000</Name>");
        worker.runOne();
        pdfs.fails = null;
        assertThat(worker.runDue()).isEqualTo(1);

        assertThat(jobs.row(1).failed()).isTrue();
        assertThat(jobs.row(1).lastError()).startsWith("the document is not well-formed XML").doesNotContain("\u0000");
        assertThat(jobs.row(2).doneAt()).isNotNull();
        assertThat(jobs.row(2).failed()).isFalse();
    }

    @Test
    void aSendWhoseRenderFailedForGoodFailsInsteadOfWaitingForever() {
        var id = issued();
        jobs.render(id, "111111", "mona");
        long send = jobs.send(id, "k@kunde.example", false, "mona");
        pdfs.fails = () -> new IllegalArgumentException("the document is not well-formed XML");
        worker.runDue();
        assertThat(jobs.row(1).failed()).isTrue();
        clock.advance(Duration.ofMinutes(1));
        worker.runDue();

        var row = jobs.row(send);
        assertThat(row.failed()).isTrue();
        assertThat(row.lastError()).contains("the PDF could not be rendered");
        assertThat(mailer.attemptedIds).isEmpty();
    }

    @Test
    void waitingForThePdfUsesNoAttempt() {
        var id = issued();
        long send = jobs.send(id, "k@kunde.example", false, "mona");
        jobs.render(id, "111111", "mona");
        pdfs.fails = () -> new IllegalStateException("FOP could not render");
        for (int i = 0; i < DEFAULT_MAX_ATTEMPTS - 1; i++) {
            worker.runDue();
            clock.advance(RunInvoiceJobs.MAX_BACKOFF);
        }
        assertThat(jobs.row(send).failed()).as("the render is still being retried").isFalse();
        assertThat(jobs.row(send).attempts()).isZero();
        pdfs.fails = null;
        worker.runDue();
        clock.advance(RunInvoiceJobs.WAIT_FOR_PDF);
        worker.runDue();
        assertThat(jobs.row(send).doneAt()).isNotNull();
        assertThat(jobs.row(send).failed()).isFalse();
        assertThat(mailer.delivered).hasSize(1);
    }

    @Test
    void aReminderThatNoLongerExistsFailsAtOnce() {
        var id = issued();
        long job = jobs.sendReminder(id, 99, "k@kunde.example", "mona");
        var good = issued();
        jobs.render(good, "222222", "mona");
        assertThat(worker.runDue()).isEqualTo(2);
        assertThat(jobs.row(job).failed()).isTrue();
        assertThat(jobs.row(job).attempts()).isEqualTo(1);
        assertThat(jobs.row(job).lastError()).contains("reminder");
        assertThat(jobs.row(2).doneAt()).isNotNull();
    }

    @Test
    void backOffDoublesFromTwoSecondsToAnHour() {
        assertThat(List.of(1, 2, 3, 10, 11, 12, 40).stream().map(RunInvoiceJobs::backoff).map(Duration::toSeconds).toList())
                .containsExactly(2L, 4L, 8L, 1024L, 2048L, 3600L, 3600L);
    }
}
