package no.kontor.domain.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import no.kontor.domain.company.CompanyId;
import no.kontor.domain.shared.DomainException;
import no.kontor.domain.shared.Kid;

class ReminderTest {
    static final Instant NOW = Instant.parse("2026-03-20T09:00:00Z");
    static final DatedRates INTEREST = DatedRates.parse("2024-01-01=12.5, 2025-01-01=12.5, 2026-01-01=12.00");
    static final DatedRates FEE = DatedRates.parse("2021-01-01=35.00,2026-01-01=37.50");

    /** An invoice of 10 000.00 due {@code due}. */
    static Invoice invoice(LocalDate due) {
        var line = new InvoiceLine(1, 1L, null, "Annonse", BigDecimal.ONE, "C62", 800000, BigDecimal.ZERO, TaxCategory.S,
                new BigDecimal("25"), null);
        return Invoice.draft(new CompanyId(1), List.of(line), "Kari", null, "m", NOW).withId(new InvoiceId(9))
                .issue(new Invoice.Issue(9, due.minusDays(14), due, new Kid("123456782"), InvoiceTest.seller(true), InvoiceTest.BUYER),
                        "m", NOW);
    }

    static String code(Throwable e) {
        return ((DomainException) e).code();
    }

    @Test
    void interest_is_simple_per_day_at_each_half_years_rate_rounded_once() {
        // 1 000 000 øre, 30 days at 12 %: 1 000 000 × 0.12 × 30 / 365 = 9 863.01
        assertThat(LatePaymentInterest.on(1_000_000, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), INTEREST)).isEqualTo(9863);
        // over new year: 11 days of 2025 at 12.5 % and 10 days of 2026 at 12 % → 1 000 000 × 257.5 / 36 500 = 7 054.79
        assertThat(LatePaymentInterest.on(1_000_000, LocalDate.of(2025, 12, 20), LocalDate.of(2026, 1, 10), INTEREST)).isEqualTo(7055);
        assertThat(LatePaymentInterest.on(1_000_000, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 1), INTEREST)).isZero();
    }

    @Test
    void a_fee_only_fourteen_days_after_the_due_date_with_fourteen_days_to_pay() {
        var invoice = invoice(LocalDate.of(2026, 3, 1));
        assertThatThrownBy(() -> Reminder.next(invoice, List.of(), LocalDate.of(2026, 3, 14), true, FEE, INTEREST, "m", NOW))
                .extracting(ReminderTest::code).isEqualTo("reminder.fee-too-early");
        var free = Reminder.next(invoice, List.of(), LocalDate.of(2026, 3, 2), false, FEE, INTEREST, "m", NOW);
        assertThat(free.fee()).isZero();
        assertThat(free.payBy()).isEqualTo(LocalDate.of(2026, 3, 16));
        var withFee = Reminder.next(invoice, List.of(), LocalDate.of(2026, 3, 15), true, FEE, INTEREST, "m", NOW);
        assertThat(withFee.fee()).isEqualTo(3750);
        assertThat(withFee.payBy()).isEqualTo(LocalDate.of(2026, 3, 29));
        assertThat(withFee.principal()).isEqualTo(1_000_000);
        assertThat(withFee.interest()).isEqualTo(LatePaymentInterest.on(1_000_000, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 15),
                INTEREST));
        assertThat(withFee.total()).isEqualTo(1_000_000 + 3750 + withFee.interest());
        assertThat(withFee.number()).isEqualTo(1);
    }

    @Test
    void at_most_two_fees_each_after_the_previous_reminders_time_to_pay() {
        var invoice = invoice(LocalDate.of(2026, 3, 1));
        var sent = new ArrayList<Reminder>();
        sent.add(Reminder.next(invoice, sent, LocalDate.of(2026, 3, 15), true, FEE, INTEREST, "m", NOW));
        assertThatThrownBy(() -> Reminder.next(invoice, sent, LocalDate.of(2026, 3, 29), true, FEE, INTEREST, "m", NOW))
                .extracting(ReminderTest::code).isEqualTo("reminder.fee-too-early");
        sent.add(Reminder.next(invoice, sent, LocalDate.of(2026, 3, 30), true, FEE, INTEREST, "m", NOW));
        assertThat(sent.get(1).number()).isEqualTo(2);
        assertThatThrownBy(() -> Reminder.next(invoice, sent, LocalDate.of(2026, 5, 1), true, FEE, INTEREST, "m", NOW))
                .extracting(ReminderTest::code).isEqualTo("reminder.fee-limit");
        assertThat(Reminder.next(invoice, sent, LocalDate.of(2026, 5, 1), false, FEE, INTEREST, "m", NOW).fee()).isZero();
    }

    @Test
    void nothing_is_reminded_of_a_paid_or_credited_invoice() {
        var paid = invoice(LocalDate.of(2026, 3, 1)).paidBy(1_000_000, "ocr", NOW);
        assertThatThrownBy(() -> Reminder.next(paid, List.of(), LocalDate.of(2026, 3, 20), false, FEE, INTEREST, "m", NOW))
                .extracting(ReminderTest::code).isEqualTo("reminder.nothing-due");
    }

    @Test
    void the_fee_follows_its_dated_table_and_a_bad_table_is_refused() {
        assertThat(FEE.on(LocalDate.of(2025, 12, 31))).isEqualByComparingTo("35.00");
        assertThat(FEE.on(LocalDate.of(2026, 1, 1))).isEqualByComparingTo("37.50");
        assertThatThrownBy(() -> FEE.on(LocalDate.of(2020, 1, 1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DatedRates.parse("2026-01-01")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DatedRates.parse("2026-13-01=1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DatedRates.parse("2026-01-01=1,2026-01-01=2")).isInstanceOf(IllegalArgumentException.class);
    }
}
