package no.kontor.application.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import no.kontor.application.invoice.InvoicingFixture;
import no.kontor.application.shared.RequestMismatchException;
import no.kontor.application.testing.InMemoryPayments;
import no.kontor.domain.invoice.Invoice;
import no.kontor.domain.invoice.InvoiceId;
import no.kontor.domain.invoice.InvoiceStatus;
import no.kontor.domain.shared.AccessDeniedException;
import no.kontor.domain.shared.ConflictException;
import no.kontor.domain.shared.NotFoundException;
import no.kontor.domain.shared.ValidationException;

/** {@link RegisterPayment} on in-memory ports: a payment by hand, by invoice or KID. */
class RegisterPaymentTest {
    private static final LocalDate PAID_ON = LocalDate.of(2026, 11, 23);

    final InvoicingFixture world = new InvoicingFixture();
    final InMemoryPayments payments = new InMemoryPayments();
    final RegisterPayment register = new RegisterPayment(payments, world.invoices(), world.keys(), world.audit(),
            world.transactions().register(payments), world.clock());

    private Invoice issued() {
        return world.issuedInvoice();
    }

    private RegisterPayment.Command pay(Invoice invoice, long amount) {
        return new RegisterPayment.Command(invoice.getId(), null, amount, PAID_ON);
    }

    @Test
    void aPartPaymentMakesTheInvoicePartlyPaidAndTheRestPaysIt() {
        var invoice = issued();
        long gross = invoice.totals().gross();

        var first = register.execute(world.manager(), pay(invoice, 1000), null);
        assertThat(first.invoice().getStatus()).isEqualTo(InvoiceStatus.PARTLY_PAID);
        assertThat(first.invoice().getPaid()).isEqualTo(1000);
        assertThat(first.payment().amount()).isEqualTo(1000);

        var rest = register.execute(world.manager(), pay(invoice, gross - 1000), null);
        assertThat(rest.invoice().getStatus()).isEqualTo(InvoiceStatus.PAID);
        assertThat(payments.ofInvoice(invoice.getId())).hasSize(2);
        assertThat(world.invoices().find(invoice.getId()).orElseThrow().getPaid()).isEqualTo(gross);
    }

    @Test
    void aPaymentFindsItsInvoiceByKid() {
        var invoice = issued();
        var byKid = register.execute(world.manager(),
                new RegisterPayment.Command(null, " " + invoice.getKid().value() + " ", 500L, PAID_ON), null);
        assertThat(byKid.invoice().getId()).isEqualTo(invoice.getId());
        assertThat(byKid.payment().kid()).isEqualTo(invoice.getKid().value());
    }

    @Test
    void aPaymentIsAuditedAsCreatedAndTheInvoiceAsPaid() {
        var invoice = issued();
        int before = world.audit().events().size();
        var registered = register.execute(world.manager(), pay(invoice, 700), null);
        assertThat(world.audit().events().subList(before, world.audit().events().size()))
                .extracting(e -> e.recordType() + ":" + e.recordId() + ":" + e.action() + ":" + e.actor())
                .containsExactly("payment:" + registered.payment().id() + ":created:" + world.manager().auditName(),
                        "invoice:" + invoice.getId().value() + ":paid:" + world.manager().auditName());
    }

    @Test
    void aSellerMayNotRegisterAPayment() {
        var invoice = issued();
        assertThatThrownBy(() -> register.execute(world.seller(), pay(invoice, 100), null)).isInstanceOf(AccessDeniedException.class);
        assertThat(payments.ofInvoice(invoice.getId())).isEmpty();
    }

    @Test
    void theInvoiceIsNamedByIdOrByKidNeverBothNorNeither() {
        var invoice = issued();
        assertThatThrownBy(() -> register.execute(world.manager(),
                new RegisterPayment.Command(invoice.getId(), invoice.getKid().value(), 100L, PAID_ON), null))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> register.execute(world.manager(), new RegisterPayment.Command(null, " ", 100L, PAID_ON), null))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void anUnknownKidOrInvoiceIsRefusedAndNothingIsWritten() {
        issued();
        assertThatThrownBy(() -> register.execute(world.manager(), new RegisterPayment.Command(null, "000000000000000", 100L, PAID_ON),
                null)).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors()).singleElement().satisfies(f -> assertThat(f.code()).isEqualTo("payment.kid-unknown")));
        assertThatThrownBy(() -> register.execute(world.manager(), new RegisterPayment.Command(new InvoiceId(999), null, 100L, PAID_ON), null))
                .isInstanceOf(NotFoundException.class);
        assertThat(payments.size()).isZero();
    }

    @Test
    void anAmountAndADateAreRequiredAndSane() {
        var invoice = issued();
        assertThatThrownBy(() -> register.execute(world.manager(), pay(invoice, 0), null)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> register.execute(world.manager(),
                new RegisterPayment.Command(invoice.getId(), null, 100L, LocalDate.of(2027, 1, 1)), null))
                .as("a payment dated in the future").isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> register.execute(world.manager(), new RegisterPayment.Command(invoice.getId(), null, null, PAID_ON), null))
                .isInstanceOf(ValidationException.class);
        assertThat(payments.size()).isZero();
    }

    @Test
    void aDraftTakesNoPaymentAndNothingIsWritten() {
        var draft = world.draftInvoice();
        assertThatThrownBy(() -> register.execute(world.manager(), pay(draft, 100), null))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("invoice.not-issued"));
        assertThat(payments.size()).as("the payment row rolled back with the refusal").isZero();
    }

    @Test
    void aRetryWithTheSameKeyRegistersNothingNewAndAnotherPaymentUnderTheKeyIsRefused() {
        var invoice = issued();
        var first = register.execute(world.manager(), pay(invoice, 300), "pay-1");
        var replay = register.execute(world.manager(), pay(invoice, 300), "pay-1");
        assertThat(replay.payment().id()).isEqualTo(first.payment().id());
        assertThat(payments.ofInvoice(invoice.getId())).hasSize(1);
        assertThat(world.invoices().find(invoice.getId()).orElseThrow().getPaid()).isEqualTo(300);

        assertThatThrownBy(() -> register.execute(world.manager(), pay(invoice, 301), "pay-1")).isInstanceOf(RequestMismatchException.class);
        assertThat(payments.ofInvoice(invoice.getId())).hasSize(1);
    }

    @Test
    void paymentBeyondTheTotalIsKeptAndShowsAsOverpaid() {
        var invoice = issued();
        var over = register.execute(world.manager(), pay(invoice, invoice.totals().gross() + 500), null);
        assertThat(over.invoice().getStatus()).isEqualTo(InvoiceStatus.PAID);
        assertThat(over.invoice().overpaid()).isEqualTo(500);
    }

    @Test
    void aWhollyCreditedInvoiceStaysCreditedWhenPaid() {
        var invoice = issued();
        world.credit(invoice.getId(), Set.of());
        var paid = register.execute(world.manager(), pay(invoice, 100), null);
        assertThat(paid.invoice().getStatus()).isEqualTo(InvoiceStatus.CREDITED);
        assertThat(paid.invoice().overpaid()).as("money owed back").isEqualTo(100);
        assertThat(List.of(paid.payment().amount())).containsExactly(100L);
    }
}
