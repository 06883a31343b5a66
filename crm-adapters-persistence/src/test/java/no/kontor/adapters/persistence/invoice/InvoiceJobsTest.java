package no.kontor.adapters.persistence.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import no.kontor.adapters.persistence.shared.Jdbc;
import no.kontor.adapters.persistence.testing.UsesTestDatabase;
import no.kontor.application.company.port.Companies;
import no.kontor.application.invoice.port.InvoiceJobs;
import no.kontor.application.invoice.port.Invoices;
import no.kontor.application.shared.port.Transactions;
import no.kontor.domain.company.Company;
import no.kontor.domain.company.CompanyDetails;
import no.kontor.domain.company.CompanyStatus;
import no.kontor.domain.invoice.Invoice;
import no.kontor.domain.invoice.InvoiceId;
import no.kontor.domain.invoice.InvoiceLine;
import no.kontor.domain.invoice.TaxCategory;
import no.kontor.application.invoice.InvoiceJobKind;

/** The outbox on real PostgreSQL: sealed PINs, claims that two workers never share, leases that end, back-off. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InvoiceJobsTest implements UsesTestDatabase {
    static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    @Inject
    InvoiceJobs jobs;
    @Inject
    Invoices invoices;
    @Inject
    Companies companies;
    @Inject
    Transactions tx;
    @Inject
    Jdbc jdbc;

    InvoiceId invoice;

    @BeforeAll
    void setUp() {
        var company = companies.add(Company.register(CompanyDetails.parse("Jobb AS", null, CompanyStatus.CUSTOMER, null, null, null,
                null, null, null, null, null, null), "test", NOW)).getId();
        invoice = tx.inTransaction(() -> invoices.add(Invoice.draft(company, List.of(new InvoiceLine(1, null, null, "x", BigDecimal.ONE,
                "C62", 100, BigDecimal.ZERO, TaxCategory.S, new BigDecimal("25"), null)), "Ref", null, "test", NOW))).getId();
    }

    void drain() {
        while (true) {
            var job = tx.inTransaction(() -> jobs.claim(Duration.ofMinutes(1)));
            if (job.isEmpty()) {
                return;
            }
            tx.inTransaction(() -> {
                jobs.done(job.get().id());
                return null;
            });
        }
    }

    Optional<InvoiceJobs.Job> claim(Duration lease) {
        return tx.inTransaction(() -> jobs.claim(lease));
    }

    @Test
    void a_render_jobs_pin_is_sealed_in_the_table_opened_for_the_worker_and_removed_when_done() {
        drain();
        tx.inTransaction(() -> {
            jobs.render(invoice, "482913", "mona");
            return null;
        });
        byte[] stored = jdbc.query("SELECT payload FROM outbox WHERE invoice_id = ? ORDER BY id DESC LIMIT 1", List.of(invoice.value()),
                rs -> rs.getBytes(1)).get(0);
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("482913");
        var job = claim(Duration.ofMinutes(1)).orElseThrow();
        assertThat(job.kind()).isEqualTo(InvoiceJobKind.RENDER_PDF);
        assertThat(job.pin()).isEqualTo("482913");
        assertThat(job.attempts()).isEqualTo(1);
        tx.inTransaction(() -> {
            jobs.done(job.id());
            return null;
        });
        assertThat(jdbc.query("SELECT payload IS NULL AND done_at IS NOT NULL FROM outbox WHERE id = ?", List.of(job.id()),
                rs -> rs.getBoolean(1))).containsExactly(true);
        assertThat(claim(Duration.ofMinutes(1))).isEmpty();
    }

    @Test
    void two_workers_claiming_at_once_never_take_the_same_job() throws Exception {
        drain();
        tx.inTransaction(() -> {
            for (int i = 0; i < 20; i++) {
                jobs.send(invoice, "a" + i + "@kunde.example", false, "mona");
            }
            return null;
        });
        var pool = Executors.newFixedThreadPool(4);
        var start = new CountDownLatch(1);
        var futures = new ArrayList<Future<List<Long>>>();
        for (int w = 0; w < 4; w++) {
            futures.add(pool.submit(() -> {
                start.await();
                var mine = new ArrayList<Long>();
                for (var job = claim(Duration.ofMinutes(1)); job.isPresent(); job = claim(Duration.ofMinutes(1))) {
                    mine.add(job.get().id()); // claimed, never marked done: the lease alone keeps others off
                }
                return mine;
            }));
        }
        start.countDown();
        var all = new ArrayList<Long>();
        for (var f : futures) {
            all.addAll(f.get());
        }
        pool.shutdown();
        assertThat(all).hasSize(20);
        assertThat(new HashSet<>(all)).hasSize(20);
        jdbc.update("UPDATE outbox SET done_at = now() WHERE done_at IS NULL", List.of());
    }

    @Test
    void a_lease_that_ends_gives_the_job_back_and_a_retry_waits_for_its_delay() throws Exception {
        drain();
        long id = tx.inTransaction(() -> jobs.send(invoice, "k@kunde.example", true, "mona"));
        var first = claim(Duration.ofMillis(200)).orElseThrow();
        assertThat(first.id()).isEqualTo(id);
        assertThat(first.withEhf()).isTrue();
        assertThat(claim(Duration.ofMinutes(1))).as("leased").isEmpty();
        Thread.sleep(400);
        var again = claim(Duration.ofMinutes(1)).orElseThrow();
        assertThat(again.id()).isEqualTo(id);
        assertThat(again.attempts()).isEqualTo(2);
        tx.inTransaction(() -> {
            jobs.retryLater(id, Duration.ofMillis(300), "smtp down");
            return null;
        });
        assertThat(claim(Duration.ofMinutes(1))).as("not yet due").isEmpty();
        assertThat(jobs.of(invoice).get(0).lastError()).isEqualTo("smtp down");
        Thread.sleep(500);
        assertThat(claim(Duration.ofMinutes(1)).map(InvoiceJobs.Job::id)).contains(id);
        tx.inTransaction(() -> {
            jobs.failed(id, "550 no such user");
            return null;
        });
        var status = jobs.of(invoice).get(0);
        assertThat(status.failed()).isTrue();
        assertThat(status.doneAt()).isNotNull();
        assertThat(claim(Duration.ofMinutes(1))).isEmpty();
    }

    @Test
    void a_render_job_sealed_under_another_pin_key_is_claimed_with_its_defect_without_stalling_the_jobs_after_it() {
        drain();
        var rotated = new JdbcInvoiceJobs(jdbc, "the PIN key before it was rotated, 32+ characters");
        tx.inTransaction(() -> {
            rotated.render(invoice, "482913", "mona");
            return null;
        });
        long next = tx.inTransaction(() -> jobs.send(invoice, "k@kunde.example", false, "mona"));
        var unreadable = claim(Duration.ofMinutes(1)).orElseThrow();
        assertThat(unreadable.kind()).isEqualTo(InvoiceJobKind.RENDER_PDF);
        assertThat(unreadable.pin()).isNull();
        assertThat(unreadable.defect()).contains("PIN cannot be opened", "KONTOR_PIN_KEY");
        tx.inTransaction(() -> {
            jobs.failed(unreadable.id(), unreadable.defect());
            return null;
        });
        assertThat(row(unreadable.id())).isEqualTo(List.of(true, true, 1, true, unreadable.defect()));
        assertThat(jobs.failedRender(invoice)).contains(unreadable.defect());
        assertThat(claim(Duration.ofMinutes(1)).map(InvoiceJobs.Job::id)).contains(next);
        jdbc.update("UPDATE outbox SET done_at = now() WHERE done_at IS NULL", List.of());
    }

    @Test
    void a_job_postponed_gives_its_attempt_back_and_a_failed_render_is_reported_only_while_no_render_waits() {
        drain();
        long send = tx.inTransaction(() -> jobs.send(invoice, "k@kunde.example", false, "mona"));
        assertThat(claim(Duration.ofMinutes(1)).map(InvoiceJobs.Job::attempts)).contains(1);
        tx.inTransaction(() -> {
            jobs.postpone(send, Duration.ofMinutes(10), "waiting for the PDF to be rendered");
            return null;
        });
        assertThat(row(send)).isEqualTo(List.of(false, false, 0, true, "waiting for the PDF to be rendered"));
        assertThat(claim(Duration.ofMinutes(1))).as("not due yet").isEmpty();

        jdbc.update("INSERT INTO outbox (kind, invoice_id, requested_by, not_before, created_at, done_at, failed, last_error) "
                + "VALUES ('RENDER_PDF', ?, 'mona', now(), now(), now(), true, 'FOP could not render')", List.of(invoice.value()));
        assertThat(jobs.failedRender(invoice)).contains("FOP could not render");
        tx.inTransaction(() -> {
            jobs.render(invoice, "111111", "mona");
            return null;
        });
        assertThat(jobs.failedRender(invoice)).as("a new render is waiting").isEmpty();
        jdbc.update("UPDATE outbox SET done_at = now() WHERE done_at IS NULL", List.of());
    }

    /** Done, failed, attempts, not claimed, last error. */
    List<Object> row(long id) {
        return jdbc.query("SELECT done_at IS NOT NULL, failed, attempts, claimed_until IS NULL, last_error FROM outbox WHERE id = ?",
                List.of(id), rs -> List.<Object>of(rs.getBoolean(1), rs.getBoolean(2), rs.getInt(3), rs.getBoolean(4),
                        rs.getString(5))).get(0);
    }
}
