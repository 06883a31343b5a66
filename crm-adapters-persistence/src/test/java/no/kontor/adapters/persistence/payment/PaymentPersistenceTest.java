package no.kontor.adapters.persistence.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import no.kontor.adapters.persistence.shared.Jdbc;
import no.kontor.adapters.persistence.testing.UsesTestDatabase;
import no.kontor.application.payment.OcrImports;
import no.kontor.application.payment.Payments;
import no.kontor.application.shared.Transactions;
import no.kontor.domain.payment.OcrTransaction;
import no.kontor.domain.payment.Payment;

/** Payments and OCR imports on real PostgreSQL: a bank reference and a transmission are registered once, payments are kept. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PaymentPersistenceTest implements UsesTestDatabase {
    static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    @Inject
    Payments payments;
    @Inject
    OcrImports imports;
    @Inject
    Transactions tx;
    @Inject
    Jdbc jdbc;

    static OcrTransaction transaction(String number, String kid) {
        return new OcrTransaction(10, number, LocalDate.of(2026, 11, 20), "13", "20", 5000, kid, "0000000000", "000000" + number.substring(4),
                null, null, null);
    }

    long claim(String transmission) {
        return tx.inTransaction(() -> imports.claim(transmission, "0".repeat(64), "mona", NOW)).orElseThrow();
    }

    @Test
    void a_transmission_is_claimed_once_even_by_two_importers_at_once() throws Exception {
        var pool = Executors.newFixedThreadPool(2);
        var start = new CountDownLatch(1);
        var first = pool.submit(() -> {
            start.await();
            return tx.inTransaction(() -> imports.claim("7000001", "a".repeat(64), "mona", NOW));
        });
        var second = pool.submit(() -> {
            start.await();
            return tx.inTransaction(() -> imports.claim("7000001", "a".repeat(64), "mona", NOW));
        });
        start.countDown();
        var outcomes = List.of(first.get(), second.get());
        pool.shutdown();
        assertThat(outcomes).filteredOn(o -> o.isPresent()).hasSize(1);
        long id = outcomes.stream().filter(o -> o.isPresent()).findFirst().orElseThrow().getAsLong();
        tx.inTransaction(() -> {
            imports.complete(new OcrImports.ImportReport(id, "7000001", 3, 1, 1, 1, 0, 5000, "mona", NOW));
            return null;
        });
        assertThat(imports.byTransmission("7000001").orElseThrow().applied()).isEqualTo(1);
        assertThat(imports.find(id).orElseThrow().transmissionNumber()).isEqualTo("7000001");
    }

    @Test
    void a_bank_reference_is_stored_once_and_a_kid_keeps_its_zeros() {
        long importId = claim("7000002");
        var t = transaction("0000101", "0036633");
        var stored = tx.inTransaction(() -> payments.add(Payment.fromOcr(t, null, importId, "mona", NOW)));
        assertThat(payments.find(stored.id()).orElseThrow().kid()).isEqualTo("0036633");
        assertThat(payments.knownBankReferences(List.of(Payment.bankReference(t), "2026-11-20/0000999/000000999")))
                .containsExactly(Payment.bankReference(t));
        assertThatThrownBy(() -> tx.inTransaction(() -> payments.add(Payment.fromOcr(t, null, importId, "mona", NOW))))
                .hasStackTraceContaining("bank_reference");
        assertThat(payments.unmatched(null, 500).items()).extracting(Payment::id).contains(stored.id());
    }

    @Test
    void payments_are_never_deleted() {
        long importId = claim("7000003");
        var stored = tx.inTransaction(() -> payments.add(Payment.fromOcr(transaction("0000201", "12"), null, importId, "mona", NOW)));
        // refused to the application role by its grants; the owner meets the trigger (ApplicationRoleTest)
        assertThatThrownBy(() -> tx.inTransaction(() -> jdbc.update("DELETE FROM payment WHERE id = ?", List.of(stored.id()))))
                .hasStackTraceContaining("permission denied for table payment");
        assertThatThrownBy(() -> tx.inTransaction(() -> jdbc.update("TRUNCATE payment", List.of())))
                .hasStackTraceContaining("permission denied for table payment");
        assertThat(payments.find(stored.id())).isPresent();
    }
}
