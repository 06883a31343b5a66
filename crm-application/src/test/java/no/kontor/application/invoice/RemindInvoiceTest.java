package no.kontor.application.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import no.kontor.application.shared.RequestMismatchException;
import no.kontor.application.testing.InMemoryInvoiceReminders;
import no.kontor.domain.company.CompanyDetails;
import no.kontor.domain.company.CompanyStatus;
import no.kontor.domain.invoice.DatedRates;
import no.kontor.domain.invoice.Invoice;
import no.kontor.domain.invoice.InvoiceId;
import no.kontor.domain.shared.AccessDeniedException;
import no.kontor.domain.shared.ConflictException;
import no.kontor.domain.shared.NotFoundException;

/**
 * {@link RemindInvoice} on in-memory ports. The invoice is issued 24 November 2026 and due
 * 8 December; a fee may be charged from 22 December (docs/norway.md#reminders).
 */
class RemindInvoiceTest extends InvoicingWorld {
    final InMemoryInvoiceReminders reminders = new InMemoryInvoiceReminders();
    final RemindInvoice reminding = new RemindInvoice(invoices, reminders, companies, jobs,
            new ReminderSettings(DatedRates.parse("2021-01-01=35.00,2026-01-01=37.50"), DatedRates.parse("2026-01-01=12.00")), keys,
            audit, tx.register(reminders), clock);
    Invoice invoice;

    @BeforeEach
    void anIssuedInvoiceToACompanyWithAnInvoiceAddress() {
        withInvoiceEmail("faktura@kunde.example");
        invoice = issuing.execute(manager, drafting.create(manager, List.of(orderedSale()), null, null).getId(), null);
    }

    private void withInvoiceEmail(String email) {
        var current = companies.find(company.getId()).orElseThrow();
        companies.update(current.changeTo(CompanyDetails.parse("Kunde AS", "991825827", CompanyStatus.CUSTOMER, null, null, null, null,
                email, null, null, null, null), "test", NOW));
    }

    private void daysLater(int days) {
        clock.advance(Duration.ofDays(days));
    }

    @Test
    void aFreeReminderGivesFourteenDaysToPayAndIsMailedByTheOutbox() {
        daysLater(15); // 9 December: one day overdue
        var reminder = reminding.execute(manager, invoice.getId(), false, null);

        assertThat(reminder.number()).isEqualTo(1);
        assertThat(reminder.fee()).isZero();
        assertThat(reminder.sentOn()).isEqualTo(LocalDate.of(2026, 12, 9));
        assertThat(reminder.payBy()).isEqualTo(LocalDate.of(2026, 12, 23));
        assertThat(reminder.principal()).isEqualTo(invoice.totals().gross());
        assertThat(reminder.interest()).as("a day of late-payment interest").isPositive();
        assertThat(jobs.of(invoice.getId())).extracting(InvoiceJobStatus::kind)
                .contains(InvoiceJobKind.SEND_REMINDER);
        assertThat(jobs.of(invoice.getId())).filteredOn(j -> j.kind() == InvoiceJobKind.SEND_REMINDER).singleElement()
                .satisfies(j -> assertThat(j.recipient()).isEqualTo("faktura@kunde.example"));
    }

    @Test
    void aReminderIsAuditedOnTheInvoiceWithItsJobAndRecipient() {
        daysLater(15);
        int before = audit.events().size();
        reminding.execute(manager, invoice.getId(), false, null);
        assertThat(audit.events().subList(before, audit.events().size())).singleElement().satisfies(e -> {
            assertThat(e.recordType() + ":" + e.recordId() + ":" + e.action()).isEqualTo("invoice:" + invoice.getId().value() + ":reminded");
            assertThat(e.actor()).isEqualTo(manager.auditName());
            assertThat(e.toString()).contains("faktura@kunde.example", "jobId");
        });
    }

    @Test
    void aFeeOnlyFourteenDaysAfterTheDueDateAndThenAtTheDatedRate() {
        daysLater(27); // 21 December: 13 days after the due date
        assertThatThrownBy(() -> reminding.execute(manager, invoice.getId(), true, null))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("reminder.fee-too-early"));
        assertThat(reminders.of(invoice.getId())).as("nothing kept of a refused reminder").isEmpty();
        assertThat(jobs.of(invoice.getId())).extracting(InvoiceJobStatus::kind).doesNotContain(InvoiceJobKind.SEND_REMINDER);

        daysLater(1);
        assertThat(reminding.execute(manager, invoice.getId(), true, null).fee()).as("NOK 37.50 in 2026").isEqualTo(3750);
    }

    @Test
    void atMostTwoFeesPerClaim() {
        daysLater(28);
        reminding.execute(manager, invoice.getId(), true, null);
        daysLater(15);
        assertThat(reminding.execute(manager, invoice.getId(), true, null).number()).isEqualTo(2);
        daysLater(15);
        assertThatThrownBy(() -> reminding.execute(manager, invoice.getId(), true, null))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("reminder.fee-limit"));
        assertThat(reminding.execute(manager, invoice.getId(), false, null).number()).as("a free reminder is still allowed").isEqualTo(3);
    }

    @Test
    void nothingIsRemindedOfACreditedInvoice() {
        crediting.execute(manager, invoice.getId(), Set.of(), "Feil");
        daysLater(15);
        assertThatThrownBy(() -> reminding.execute(manager, invoice.getId(), false, null))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("reminder.nothing-due"));
    }

    @Test
    void aCardWithoutAnInvoiceAddressFallsBackToTheBuyerAsIssued() {
        withInvoiceEmail(null);
        daysLater(15);
        reminding.execute(manager, invoice.getId(), false, null);
        assertThat(jobs.of(invoice.getId())).filteredOn(j -> j.kind() == InvoiceJobKind.SEND_REMINDER).singleElement()
                .satisfies(j -> assertThat(j.recipient()).isEqualTo("faktura@kunde.example"));
    }

    @Test
    void withNoAddressAtAllThereIsNoReminderAndNothingIsKept() {
        withInvoiceEmail(null);
        var unaddressed = issuing.execute(manager, drafting.create(manager, List.of(orderedSale()), null, null).getId(), null);
        daysLater(15);
        assertThatThrownBy(() -> reminding.execute(manager, unaddressed.getId(), false, null))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("invoice.no-email"));
        assertThat(reminders.of(unaddressed.getId())).isEmpty();
    }

    @Test
    void aSellerMayNotRemind() {
        daysLater(15);
        int before = audit.events().size();
        assertThatThrownBy(() -> reminding.execute(seller, invoice.getId(), false, null)).isInstanceOf(AccessDeniedException.class);
        assertThat(reminders.of(invoice.getId())).isEmpty();
        assertThat(audit.events()).hasSize(before);
    }

    @Test
    void anUnknownInvoiceIsNotFound() {
        assertThatThrownBy(() -> reminding.execute(manager, new InvoiceId(77), false, null)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aRetryWithTheSameKeySendsNothingNewAndTheKeyCannotBeReusedForAFee() {
        daysLater(15);
        var first = reminding.execute(manager, invoice.getId(), false, "remind-1");
        var replay = reminding.execute(manager, invoice.getId(), false, "remind-1");
        assertThat(replay.id()).isEqualTo(first.id());
        assertThat(reminders.of(invoice.getId())).hasSize(1);
        assertThat(jobs.of(invoice.getId())).filteredOn(j -> j.kind() == InvoiceJobKind.SEND_REMINDER).hasSize(1);
        assertThatThrownBy(() -> reminding.execute(manager, invoice.getId(), true, "remind-1")).isInstanceOf(RequestMismatchException.class);
    }
}
