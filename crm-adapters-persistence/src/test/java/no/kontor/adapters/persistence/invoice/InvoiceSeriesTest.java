package no.kontor.adapters.persistence.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import no.kontor.adapters.persistence.shared.Jdbc;
import no.kontor.adapters.persistence.testing.UsesTestDatabase;
import no.kontor.application.company.port.Companies;
import no.kontor.application.invoice.port.InvoiceNumbers;
import no.kontor.application.invoice.port.Invoices;
import no.kontor.application.shared.port.Transactions;
import no.kontor.domain.company.Company;
import no.kontor.domain.company.CompanyDetails;
import no.kontor.domain.company.CompanyStatus;
import no.kontor.domain.invoice.Buyer;
import no.kontor.domain.invoice.Invoice;
import no.kontor.domain.invoice.InvoiceLine;
import no.kontor.domain.invoice.TaxCategory;

/**
 * The one series on a fresh database (docs/decisions/invoice-series.md): 201 drafts issued
 * at once from 32 threads, one of them forced to fail after taking its number, leave
 * exactly the numbers 1..200 in use — no gap, no duplicate — and the next issue takes 201.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InvoiceSeriesTest implements UsesTestDatabase {
    static final Instant NOW = InvoiceFixtures.NOW;

    @Inject
    Invoices invoices;
    @Inject
    InvoiceNumbers numbers;
    @Inject
    Companies companies;
    @Inject
    Transactions tx;
    @Inject
    Jdbc jdbc;

    @Test
    void twoHundredConcurrentIssuesAndAForcedRollbackUseExactlyOneToTwoHundred() throws Exception {
        var company = companies.add(Company.register(CompanyDetails.parse("Serie AS", null, CompanyStatus.CUSTOMER, null, null, null,
                null, null, null, null, null, null), "test", NOW)).getId();
        var line = new InvoiceLine(1, null, null, "Annonse", BigDecimal.ONE, "C62", 100000, BigDecimal.ZERO, TaxCategory.S,
                new BigDecimal("25"), null);
        var drafts = new ArrayList<Invoice>();
        for (int i = 0; i < 201; i++) {
            drafts.add(tx.inTransaction(() -> invoices.add(Invoice.draft(company, List.of(line), "Ref", null, "test", NOW))));
        }
        Invoice doomed = drafts.get(100);
        var seller = InvoiceFixtures.seller(true);
        var buyer = new Buyer(company.value(), "Serie AS", null, null, null, null, null);

        var pool = Executors.newFixedThreadPool(32);
        var start = new CountDownLatch(1);
        var results = new ArrayList<Future<Long>>();
        for (Invoice draft : drafts) {
            results.add(pool.submit(() -> {
                start.await();
                return tx.inTransaction(() -> InvoiceFixtures.issue(invoices, numbers, draft.getId(), seller, buyer, null, number -> {
                    if (draft == doomed) {
                        throw new IllegalStateException("forced failure after taking number " + number);
                    }
                }).getNumber());
            }));
        }
        start.countDown();
        var issued = new ArrayList<Long>();
        int failed = 0;
        for (var r : results) {
            try {
                issued.add(r.get(120, TimeUnit.SECONDS));
            } catch (java.util.concurrent.ExecutionException e) {
                assertThat(e.getCause()).hasMessageContaining("forced failure");
                failed++;
            }
        }
        pool.shutdown();

        assertThat(failed).isEqualTo(1);
        assertThat(issued).hasSize(200).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, 200).boxed().toList());
        assertThat(jdbc.query("SELECT number FROM invoice WHERE number IS NOT NULL ORDER BY number", List.of(), rs -> rs.getLong(1)))
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 200).boxed().toList());
        assertThat(jdbc.query("SELECT n FROM generate_series(1, (SELECT max(number) FROM invoice)) n "
                + "WHERE NOT EXISTS (SELECT 1 FROM invoice WHERE number = n)", List.of(), rs -> rs.getLong(1))).isEmpty();

        long next = tx.inTransaction(() -> InvoiceFixtures.issue(invoices, numbers, doomed.getId(), seller, buyer, null, number -> { })
                .getNumber());
        assertThat(next).as("the number the failure took was given back").isEqualTo(201);
    }
}
