package no.kontor.domain.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import no.kontor.domain.company.CompanyId;
import no.kontor.domain.shared.BankAccountNumber;
import no.kontor.domain.shared.ConflictException;
import no.kontor.domain.shared.DomainException;
import no.kontor.domain.shared.Kid;
import no.kontor.domain.shared.OrganisationNumber;
import no.kontor.domain.shared.ValidationException;

class InvoiceTest {
    static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    static InvoiceLine line(int no, String quantity, long unitPrice, String discount, TaxCategory category, String percent) {
        return new InvoiceLine(no, 10L + no, null, "Line " + no, new BigDecimal(quantity), "C62", unitPrice, new BigDecimal(discount),
                category, percent == null ? null : new BigDecimal(percent), category == TaxCategory.E ? "Unntatt" : null);
    }

    static Seller seller(boolean vatRegistered) {
        return new Seller("Lokalavisa AS", new OrganisationNumber("974760673"), "Storgata 1", "0150", "OSLO", "faktura@avisa.no",
                null, new BankAccountNumber("86011117947"), vatRegistered, true);
    }

    static final Buyer BUYER = new Buyer(42, "Kunde AS", new OrganisationNumber("991825827"), "Vei 2", "5003", "BERGEN", "k@kunde.no");

    static Invoice draft(InvoiceLine... lines) {
        return Invoice.draft(new CompanyId(42), List.of(lines), "Kari", null, "seller", NOW).withId(new InvoiceId(7));
    }

    static Invoice issued(boolean vatRegistered, InvoiceLine... lines) {
        return draft(lines).issue(new Invoice.Issue(5, DAY, DAY.plusDays(14), new Kid("123456782"), seller(vatRegistered), BUYER),
                "manager", NOW);
    }

    @Test
    void vat_is_computed_per_rate_on_the_sum_of_its_line_nets() {
        // three lines of 0.10 kr at 25 %: per line 0.025 → 0.03 each (0.09); on the sum 0.30 → 0.075 → 0.08
        var totals = InvoiceTotals.of(List.of(line(1, "1", 10, "0", TaxCategory.S, "25"), line(2, "1", 10, "0", TaxCategory.S, "25"),
                line(3, "1", 10, "0", TaxCategory.S, "25"), line(4, "2.5", 1999, "10", TaxCategory.Z, "0")));
        assertThat(totals.subtotals()).containsExactly(
                new InvoiceTotals.Subtotal(TaxCategory.S, new BigDecimal("25"), 30, 8, null),
                new InvoiceTotals.Subtotal(TaxCategory.Z, BigDecimal.ZERO, 4498, 0, null));
        assertThat(totals.net()).isEqualTo(4528);
        assertThat(totals.vat()).isEqualTo(8);
        assertThat(totals.gross()).isEqualTo(4536);
    }

    @Test
    void a_draft_needs_lines_and_a_buyer_reference() {
        assertThatThrownBy(() -> Invoice.draft(new CompanyId(1), List.of(), "Kari", null, "x", NOW))
                .isInstanceOf(ValidationException.class).hasMessageContaining("at least one line");
        assertThatThrownBy(() -> Invoice.draft(new CompanyId(1), List.of(line(1, "1", 100, "0", TaxCategory.S, "25")), " ", null, "x", NOW))
                .isInstanceOf(ValidationException.class).extracting(e -> ((ValidationException) e).errors().get(0).code())
                .isEqualTo("invoice.buyer-reference-invalid");
    }

    @Test
    void issuing_numbers_and_freezes_it() {
        var invoice = issued(true, line(1, "2", 50000, "0", TaxCategory.S, "25"));
        assertThat(invoice.getStatus()).isEqualTo(InvoiceStatus.ISSUED);
        assertThat(invoice.getNumber()).isEqualTo(5);
        assertThat(invoice.getKid().value()).isEqualTo("123456782");
        assertThat(invoice.totals().gross()).isEqualTo(125000);
        assertThat(invoice.due()).isEqualTo(125000);
        assertThatThrownBy(() -> invoice.edit("Ola", null, "x", NOW)).isInstanceOf(ConflictException.class)
                .extracting(e -> ((DomainException) e).code()).isEqualTo("invoice.already-issued");
        assertThatThrownBy(() -> invoice.issue(new Invoice.Issue(6, DAY, DAY, null, seller(true), BUYER), "x", NOW))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void a_seller_not_vat_registered_bills_every_line_outside_vat() {
        var invoice = issued(false, line(1, "1", 10000, "0", TaxCategory.S, "25"), line(2, "1", 500, "0", TaxCategory.Z, "0"));
        assertThat(invoice.getLines()).extracting(InvoiceLine::category).containsOnly(TaxCategory.O);
        assertThat(invoice.getLines()).extracting(InvoiceLine::percent).containsOnlyNulls();
        assertThat(invoice.totals().subtotals()).containsExactly(
                new InvoiceTotals.Subtotal(TaxCategory.O, null, 10500, 0, InvoiceTotals.NOT_VAT_REGISTERED));
        assertThat(invoice.totals().gross()).isEqualTo(10500);
    }

    @Test
    void a_line_in_category_o_has_no_percent_and_every_other_has_one() {
        assertThatThrownBy(() -> line(1, "1", 1, "0", TaxCategory.O, "0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> line(1, "1", 1, "0", TaxCategory.S, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void payments_move_the_status_through_partly_paid_to_paid_and_overpaid() {
        var invoice = issued(true, line(1, "1", 80000, "0", TaxCategory.S, "25"));
        var part = invoice.paidBy(40000, "system:ocr", NOW);
        assertThat(part.getStatus()).isEqualTo(InvoiceStatus.PARTLY_PAID);
        assertThat(part.due()).isEqualTo(60000);
        var paid = part.paidBy(60000, "system:ocr", NOW);
        assertThat(paid.getStatus()).isEqualTo(InvoiceStatus.PAID);
        assertThat(paid.due()).isZero();
        assertThat(paid.paidBy(100, "x", NOW).overpaid()).isEqualTo(100);
        assertThat(paid.paidBy(-60000, "x", NOW).getStatus()).isEqualTo(InvoiceStatus.PARTLY_PAID);
    }

    @Test
    void a_draft_takes_no_payment() {
        assertThatThrownBy(() -> draft(line(1, "1", 100, "0", TaxCategory.S, "25")).paidBy(100, "x", NOW))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void overdue_is_unpaid_after_the_due_date() {
        var invoice = issued(true, line(1, "1", 100, "0", TaxCategory.S, "25"));
        assertThat(invoice.isOverdue(DAY.plusDays(14))).isFalse();
        assertThat(invoice.isOverdue(DAY.plusDays(15))).isTrue();
        assertThat(invoice.paidBy(125, "x", NOW).isOverdue(DAY.plusDays(15))).isFalse();
    }

    @Test
    void a_whole_credit_note_reverses_every_line_and_credits_the_invoice() {
        var invoice = issued(true, line(1, "1", 10000, "0", TaxCategory.S, "25"), line(2, "3", 2000, "0", TaxCategory.Z, "0"));
        var note = invoice.creditNote(Set.of(), Set.of(), "Feil pris", "manager", NOW);
        assertThat(note.getKind()).isEqualTo(InvoiceKind.CREDIT_NOTE);
        assertThat(note.getCreditedInvoiceId()).isEqualTo(new InvoiceId(7));
        assertThat(note.getLines()).extracting(InvoiceLine::creditedLineNo).containsExactly(1, 2);
        assertThat(note.getLines()).extracting(InvoiceLine::saleId).containsOnlyNulls();
        assertThat(note.totals().gross()).isEqualTo(invoice.totals().gross());
        var credited = invoice.creditedBy(note.totals().gross(), true, "manager", NOW);
        assertThat(credited.getStatus()).isEqualTo(InvoiceStatus.CREDITED);
        assertThat(credited.due()).isZero();
        assertThat(credited.isOverdue(DAY.plusYears(1))).isFalse();
        assertThatThrownBy(() -> credited.creditNote(Set.of(), Set.of(1, 2), "again", "m", NOW))
                .extracting(e -> ((DomainException) e).code()).isEqualTo("invoice.already-credited");
    }

    @Test
    void a_partial_credit_note_lowers_what_is_due_and_a_line_is_credited_once() {
        var invoice = issued(true, line(1, "1", 10000, "0", TaxCategory.S, "25"), line(2, "1", 2000, "0", TaxCategory.S, "25"));
        var note = invoice.creditNote(Set.of(2), Set.of(), "Annonse falt ut", "manager", NOW);
        assertThat(note.getLines()).hasSize(1);
        assertThat(note.getLines().get(0).lineNo()).isEqualTo(1);
        assertThat(note.getLines().get(0).creditedLineNo()).isEqualTo(2);
        var lowered = invoice.creditedBy(note.totals().gross(), false, "manager", NOW);
        assertThat(lowered.getStatus()).isEqualTo(InvoiceStatus.ISSUED);
        assertThat(lowered.due()).isEqualTo(12500);
        assertThatThrownBy(() -> lowered.creditNote(Set.of(2), Set.of(2), "again", "m", NOW))
                .extracting(e -> ((DomainException) e).code()).isEqualTo("credit-note.line-already-credited");
        assertThatThrownBy(() -> lowered.creditNote(Set.of(9), Set.of(2), "x", "m", NOW))
                .extracting(e -> ((ValidationException) e).errors().get(0).code()).isEqualTo("credit-note.unknown-line");
        var rest = lowered.creditNote(Set.of(), Set.of(2), "resten", "m", NOW);
        assertThat(rest.getLines()).extracting(InvoiceLine::creditedLineNo).containsExactly(1);
    }

    @Test
    void crediting_a_paid_invoice_leaves_money_to_pay_back() {
        var paid = issued(true, line(1, "1", 10000, "0", TaxCategory.S, "25")).paidBy(12500, "x", NOW);
        var credited = paid.creditedBy(12500, true, "m", NOW);
        assertThat(credited.getStatus()).isEqualTo(InvoiceStatus.CREDITED);
        assertThat(credited.overpaid()).isEqualTo(12500);
    }

    @Test
    void a_credit_note_needs_a_reason_and_an_issued_invoice() {
        var invoice = issued(true, line(1, "1", 100, "0", TaxCategory.S, "25"));
        assertThatThrownBy(() -> invoice.creditNote(Set.of(), Set.of(), " ", "m", NOW)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> draft(line(1, "1", 100, "0", TaxCategory.S, "25")).creditNote(Set.of(), Set.of(), "x", "m", NOW))
                .extracting(e -> ((DomainException) e).code()).isEqualTo("invoice.not-creditable");
    }

    @Test
    void the_seller_vat_id_is_no_org_number_mva() {
        assertThat(seller(true).vatId()).isEqualTo("NO974760673MVA");
    }
}
