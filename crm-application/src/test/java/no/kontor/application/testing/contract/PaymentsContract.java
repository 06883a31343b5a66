package no.kontor.application.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import no.kontor.application.payment.port.OcrImports;
import no.kontor.application.payment.port.Payments;
import no.kontor.domain.payment.BankTransactionKey;
import no.kontor.domain.payment.Payment;

/** What every {@link Payments} does; a bank transaction is registered once. */
public abstract class PaymentsContract extends PortContract {
    private static final LocalDate PAID_ON = LocalDate.of(2026, 11, 20);

    private Payments payments() {
        return port(Payments.class);
    }

    @Test
    void aManualPaymentIsStoredAndListedWithItsInvoiceOldestFirst() {
        var invoice = issuedInvoice();
        var first = tx(() -> payments().add(Payment.manual(invoice.getId(), 30000L, PAID_ON, invoice.getKid().value(), PAID_ON, "user:1",
                now())));
        var second = tx(() -> payments().add(Payment.manual(invoice.getId(), 20000L, PAID_ON, null, PAID_ON, "user:1", now())));
        assertThat(payments().find(first.id())).contains(first);
        assertThat(tx(() -> payments().lock(first.id()))).contains(first);
        assertThat(payments().ofInvoice(invoice.getId())).containsExactly(first, second);
        var page = payments().ofInvoice(invoice.getId(), null, 1);
        assertThat(page.items()).containsExactly(first);
        assertThat(payments().ofInvoice(invoice.getId(), page.nextCursor(), 1).items()).containsExactly(second);
        assertThat(payments().find(987_654_321L)).isEmpty();
    }

    @Test
    void aBankTransactionIsRegisteredOnceAndAnUnmatchedOneIsAssignedLater() {
        var invoice = issuedInvoice();
        String transmission = String.format("%07d", unique() % 10_000_000);
        long importId = tx(() -> port(OcrImports.class).claim(transmission, sha256("f" + transmission), sha256("c" + transmission), "user:1", now()))
                .getAsLong();
        var key = new BankTransactionKey("00" + String.format("%07d", unique() % 10_000_000), "0000001", "0000001", PAID_ON);
        var unmatched = new Payment(null, null, Payment.Kind.PAYMENT, Payment.Source.OCR, 40000, PAID_ON, "000000000000000", "000000001",
                key, importId, "user:1", now());

        var stored = tx(() -> payments().addFromBank(unmatched)).orElseThrow();
        assertThat(tx(() -> payments().addFromBank(unmatched))).as("the same transaction again").isEmpty();
        assertThat(payments().unmatched(null, 100).items()).extracting(Payment::id).contains(stored.id());

        var assigned = tx(() -> payments().assign(stored.assignedTo(invoice.getId())));
        assertThat(assigned.invoiceId()).isEqualTo(invoice.getId());
        assertThat(payments().unmatched(null, 100).items()).extracting(Payment::id).doesNotContain(stored.id());
        assertThat(payments().ofInvoice(invoice.getId())).extracting(Payment::id).containsExactly(stored.id());
    }
}
