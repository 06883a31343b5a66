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
import no.kontor.adapters.persistence.testing.TestPostgres;
import no.kontor.adapters.persistence.testing.UsesTestDatabase;
import no.kontor.application.payment.port.OcrImports;
import no.kontor.application.payment.port.Payments;
import no.kontor.application.shared.port.Transactions;
import no.kontor.domain.payment.BankTransactionKey;
import no.kontor.domain.payment.OcrAssignment;
import no.kontor.domain.payment.OcrTransaction;
import no.kontor.domain.payment.Payment;
import no.kontor.application.payment.OcrImportReport;

/**
 * Payments and OCR imports on real PostgreSQL: a bank transaction (agreement, assignment,
 * transaction number, settlement date) and a transmission are registered once, payments are kept.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PaymentPersistenceTest implements UsesTestDatabase {
    static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    @io.micronaut.context.annotation.Property(name = "datasources.default.url")
    String url;
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

    static final OcrAssignment ASSIGNMENT = new OcrAssignment("001008566", "0000042", "12345678903", List.of());

    static Payment fromBank(OcrAssignment assignment, OcrTransaction t, long importId) {
        return Payment.fromOcr(assignment, t, null, importId, "mona", NOW);
    }

    long claim(String transmission) {
        return tx.inTransaction(() -> imports.claim(transmission, "0".repeat(64), "1".repeat(64), "mona", NOW)).orElseThrow();
    }

    @Test
    void a_transmission_is_claimed_once_even_by_two_importers_at_once() throws Exception {
        var pool = Executors.newFixedThreadPool(2);
        var start = new CountDownLatch(1);
        var first = pool.submit(() -> {
            start.await();
            return tx.inTransaction(() -> imports.claim("7000001", "a".repeat(64), "b".repeat(64), "mona", NOW));
        });
        var second = pool.submit(() -> {
            start.await();
            return tx.inTransaction(() -> imports.claim("7000001", "a".repeat(64), "b".repeat(64), "mona", NOW));
        });
        start.countDown();
        var outcomes = List.of(first.get(), second.get());
        pool.shutdown();
        assertThat(outcomes).filteredOn(o -> o.isPresent()).hasSize(1);
        long id = outcomes.stream().filter(o -> o.isPresent()).findFirst().orElseThrow().getAsLong();
        tx.inTransaction(() -> {
            imports.complete(new OcrImportReport(id, "7000001", 3, 1, 1, 1, 0, 5000, "mona", NOW));
            return null;
        });
        assertThat(imports.byTransmission("7000001").orElseThrow().applied()).isEqualTo(1);
        assertThat(imports.find(id).orElseThrow().transmissionNumber()).isEqualTo("7000001");
    }

    @Test
    void a_bank_transaction_is_stored_once_by_its_key_not_by_its_archive_reference() {
        long importId = claim("7000002");
        var t = transaction("0000101", "0036633");
        var stored = tx.inTransaction(() -> payments.addFromBank(fromBank(ASSIGNMENT, t, importId))).orElseThrow();
        var read = payments.find(stored.id()).orElseThrow();
        assertThat(read.kid()).isEqualTo("0036633");
        assertThat(read.bankKey()).isEqualTo(new BankTransactionKey("001008566", "0000042", "0000101", LocalDate.of(2026, 11, 20)));
        assertThat(read).isEqualTo(stored);

        assertThat(tx.inTransaction(() -> payments.addFromBank(fromBank(ASSIGNMENT, t, importId)))).as("the same transaction").isEmpty();
        var otherArchiveReference = new OcrTransaction(10, "0000101", LocalDate.of(2026, 11, 20), "13", "20", 5000, "0036633", "0000000000",
                "000000999", null, null, null);
        assertThat(tx.inTransaction(() -> payments.addFromBank(fromBank(ASSIGNMENT, otherArchiveReference, importId))))
                .as("the same key, another archive reference").isEmpty();
        var otherBank = new OcrAssignment("002009999", "0000042", "12345678903", List.of());
        assertThat(tx.inTransaction(() -> payments.addFromBank(fromBank(otherBank, t, importId))))
                .as("the same archive reference, date and number from another agreement").isPresent();
        assertThatThrownBy(() -> tx.inTransaction(() -> payments.add(fromBank(ASSIGNMENT, t, importId))))
                .hasStackTraceContaining("payment_bank_transaction");
        assertThatThrownBy(() -> tx.inTransaction(() -> jdbc.update("INSERT INTO payment (kind, source, amount, paid_on, bank_reference, "
                + "import_id, registered_by, registered_at) VALUES ('PAYMENT', 'OCR', 1, '2026-11-20', 'x', ?, 'mona', now())",
                List.of(importId)))).as("an OCR payment without its key").hasStackTraceContaining("payment_bank_transaction_given");
        assertThat(payments.unmatched(null, 500).items()).extracting(Payment::id).contains(stored.id());
    }

    @Test
    void two_imports_adding_the_same_transaction_at_once_register_it_once() throws Exception {
        long first = claim("7000004");
        long second = claim("7000005");
        var t = transaction("0000301", "55");
        var pool = Executors.newFixedThreadPool(2);
        var start = new CountDownLatch(1);
        var a = pool.submit(() -> {
            start.await();
            return tx.inTransaction(() -> payments.addFromBank(fromBank(ASSIGNMENT, t, first)));
        });
        var b = pool.submit(() -> {
            start.await();
            return tx.inTransaction(() -> payments.addFromBank(fromBank(ASSIGNMENT, t, second)));
        });
        start.countDown();
        var outcomes = List.of(a.get(), b.get());
        pool.shutdown();
        assertThat(outcomes).filteredOn(o -> o.isPresent()).hasSize(1);
        assertThat(jdbc.query("SELECT count(*) FROM payment WHERE ocr_transaction_number = '0000301'", List.of(), rs -> rs.getLong(1)))
                .containsExactly(1L);
    }

    @Test
    void an_ocr_payment_imported_before_keys_were_kept_is_recognised_by_its_bank_reference() throws java.sql.SQLException {
        long importId = claim("7000006");
        var t = transaction("0000401", "77");
        // a row as imported before V10: no key (the constraint that asks for one is lifted for this insert only, by the
        // server's administrator: the application role may not alter a table)
        try (var c = TestPostgres.connectAsAdmin(url)) {
            c.setAutoCommit(false);
            try (var st = c.createStatement(); var insert = c.prepareStatement("INSERT INTO payment (kind, source, amount, paid_on,"
                    + " kid, bank_reference, import_id, registered_by, registered_at) VALUES ('PAYMENT', 'OCR', 5000, '2026-11-20', '77',"
                    + " ?, ?, 'mona', now())")) {
                st.execute("ALTER TABLE payment DROP CONSTRAINT payment_bank_transaction_given");
                insert.setString(1, Payment.bankReference(t));
                insert.setLong(2, importId);
                insert.executeUpdate();
                st.execute("ALTER TABLE payment ADD CONSTRAINT payment_bank_transaction_given CHECK ((source = 'OCR') = "
                        + "(ocr_agreement_id IS NOT NULL AND ocr_assignment_number IS NOT NULL AND ocr_transaction_number IS NOT NULL))"
                        + " NOT VALID");
            }
            c.commit();
        }
        assertThat(tx.inTransaction(() -> payments.addFromBank(fromBank(ASSIGNMENT, t, importId)))).isEmpty();
    }

    @Test
    void a_transmission_knows_its_content_and_older_imports_compare_by_their_bytes() {
        tx.inTransaction(() -> imports.claim("7000007", "a".repeat(64), "c".repeat(64), "mona", NOW));
        assertThat(imports.sameContent("7000007", "c".repeat(64), "f".repeat(64))).isTrue();
        assertThat(imports.sameContent("7000007", "d".repeat(64), "a".repeat(64))).as("the content decides").isFalse();
        jdbc.update("INSERT INTO ocr_import (transmission_number, file_sha256, imported_by, imported_at) VALUES ('7000008', ?, 'mona', now())",
                List.of("e".repeat(64)));
        assertThat(imports.sameContent("7000008", "c".repeat(64), "e".repeat(64))).isTrue();
        assertThat(imports.sameContent("7000008", "c".repeat(64), "a".repeat(64))).isFalse();
    }

    @Test
    void payments_are_never_deleted() {
        long importId = claim("7000003");
        var stored = tx.inTransaction(() -> payments.add(fromBank(ASSIGNMENT, transaction("0000201", "12"), importId)));
        // refused to the application role by its grants; the owner meets the trigger (ApplicationRoleTest)
        assertThatThrownBy(() -> tx.inTransaction(() -> jdbc.update("DELETE FROM payment WHERE id = ?", List.of(stored.id()))))
                .hasStackTraceContaining("permission denied for table payment");
        assertThatThrownBy(() -> tx.inTransaction(() -> jdbc.update("TRUNCATE payment", List.of())))
                .hasStackTraceContaining("permission denied for table payment");
        assertThat(payments.find(stored.id())).isPresent();
    }
}
