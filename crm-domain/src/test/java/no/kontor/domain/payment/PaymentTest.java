package no.kontor.domain.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import no.kontor.domain.invoice.InvoiceId;
import no.kontor.domain.shared.ConflictException;
import no.kontor.domain.shared.ValidationException;

class PaymentTest {
    static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    static OcrTransaction transaction(int type, long amount, String kid) {
        return new OcrTransaction(type, "0000007", LocalDate.of(2026, 11, 20), "13", "20", amount, kid, "0000000000", "000000123",
                null, null, type == 20 || type == 21 ? "tekst" : null);
    }

    static final OcrAssignment ASSIGNMENT = new OcrAssignment("001008566", "0000042", "12345678903", java.util.List.of());

    @Test
    void a_payment_by_hand_is_positive_and_not_dated_in_the_future() {
        var invoice = new InvoiceId(5);
        assertThat(Payment.manual(invoice, 100L, TODAY, "123456782", TODAY, "mona", NOW).amount()).isEqualTo(100);
        for (Long amount : new Long[] {null, 0L, -1L, Payment.MAX_AMOUNT + 1}) {
            assertThatThrownBy(() -> Payment.manual(invoice, amount, TODAY, null, TODAY, "mona", NOW))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("payment.amount-invalid");
        }
        assertThatThrownBy(() -> Payment.manual(invoice, 100L, TODAY.plusDays(1), null, TODAY, "mona", NOW))
                .hasMessageContaining("payment.date-invalid");
        assertThatThrownBy(() -> Payment.manual(invoice, 100L, null, null, TODAY, "mona", NOW))
                .hasMessageContaining("payment.date-invalid");
    }

    @Test
    void an_ocr_transaction_keeps_its_bank_reference_and_a_reversal_is_never_booked() {
        var payment = Payment.fromOcr(ASSIGNMENT, transaction(10, 102000, "0036633"), new InvoiceId(5), 9, "mona", NOW);
        assertThat(payment.bankReference()).isEqualTo("2026-11-20/0000007/000000123");
        assertThat(payment.bankKey()).isEqualTo(new BankTransactionKey("001008566", "0000042", "0000007", LocalDate.of(2026, 11, 20)));
        assertThat(payment.paidOn()).as("the settlement date").isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(payment.kid()).isEqualTo("0036633");
        assertThat(payment.invoiceId()).isEqualTo(new InvoiceId(5));
        var reversal = Payment.fromOcr(ASSIGNMENT, transaction(18, 102000, "0036633"), new InvoiceId(5), 9, "mona", NOW);
        assertThat(reversal.kind()).isEqualTo(Payment.Kind.REVERSAL);
        assertThat(reversal.invoiceId()).isNull();
        assertThat(reversal.isUnmatched()).isFalse();
    }

    @Test
    void only_an_unmatched_payment_is_assigned_and_only_once() {
        var unmatched = Payment.fromOcr(ASSIGNMENT, transaction(10, 500, "99"), null, 9, "mona", NOW).withId(1);
        assertThat(unmatched.isUnmatched()).isTrue();
        var assigned = unmatched.assignedTo(new InvoiceId(7));
        assertThat(assigned.invoiceId()).isEqualTo(new InvoiceId(7));
        assertThatThrownBy(() -> assigned.assignedTo(new InvoiceId(8))).isInstanceOf(ConflictException.class);
        var reversal = Payment.fromOcr(ASSIGNMENT, transaction(20, 500, null), null, 9, "mona", NOW).withId(2);
        assertThatThrownBy(() -> reversal.assignedTo(new InvoiceId(7))).isInstanceOf(ConflictException.class)
                .hasMessageContaining("a reversal");
    }

    @Test
    void a_files_content_hash_ignores_its_line_ends_and_nothing_else() {
        String records = "NY000010" + "0".repeat(72) + "\n" + "NY000089" + "0".repeat(72);
        String hash = OcrFile.contentSha256(records.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        for (String variant : new String[] {records + "\n", records.replace("\n", "\r\n") + "\r\n", records.replace("\n", "\r")}) {
            assertThat(OcrFile.contentSha256(variant.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1))).as(variant).isEqualTo(hash);
        }
        assertThat(OcrFile.contentSha256(records.replace("NY000089" + "0", "NY000089" + "1").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)))
                .isNotEqualTo(hash);
        assertThat(hash).hasSize(64);
    }
}
