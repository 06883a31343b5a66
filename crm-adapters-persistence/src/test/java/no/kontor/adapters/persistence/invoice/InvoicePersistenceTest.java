package no.kontor.adapters.persistence.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import no.kontor.adapters.persistence.shared.Jdbc;
import no.kontor.adapters.persistence.testing.UsesTestDatabase;
import no.kontor.application.company.port.Companies;
import no.kontor.application.invoice.InvoiceFilter;
import no.kontor.application.invoice.port.InvoiceNumbers;
import no.kontor.application.invoice.port.InvoiceReminders;
import no.kontor.application.invoice.port.Invoices;
import no.kontor.application.shared.port.Transactions;
import no.kontor.domain.company.Company;
import no.kontor.domain.company.CompanyDetails;
import no.kontor.domain.company.CompanyId;
import no.kontor.domain.company.CompanyStatus;
import no.kontor.domain.invoice.Buyer;
import no.kontor.domain.invoice.Invoice;
import no.kontor.domain.invoice.InvoiceId;
import no.kontor.domain.invoice.InvoiceLine;
import no.kontor.domain.invoice.InvoiceStatus;
import no.kontor.domain.invoice.Reminder;
import no.kontor.domain.invoice.Seller;
import no.kontor.domain.invoice.TaxCategory;
import no.kontor.domain.shared.OrganisationNumber;
import no.kontor.domain.shared.StaleVersionException;

/**
 * Invoices on real PostgreSQL: drafts, issuing, the gapless series under concurrency
 * and after a rollback, and the triggers that keep an issued document as issued
 * whatever SQL is sent.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InvoicePersistenceTest implements UsesTestDatabase {
    static final Instant NOW = InvoiceFixtures.NOW;
    static final LocalDate DAY = InvoiceFixtures.DAY;

    @Inject
    Invoices invoices;
    @Inject
    InvoiceNumbers numbers;
    @Inject
    InvoiceReminders reminders;
    @Inject
    Companies companies;
    @Inject
    Transactions tx;
    @Inject
    Jdbc jdbc;

    CompanyId company;

    @BeforeAll
    void setUp() {
        company = companies.add(Company.register(CompanyDetails.parse("Fakturert AS", "991825827", CompanyStatus.CUSTOMER, null, null,
                null, null, null, null, null, null, null), "test", NOW)).getId();
    }

    static List<InvoiceLine> lines() {
        return List.of(new InvoiceLine(1, null, null, "Annonse helside", new BigDecimal("2"), "C62", 150000, new BigDecimal("12.5"),
                        TaxCategory.S, new BigDecimal("25"), null),
                new InvoiceLine(2, null, null, "Abonnement", new BigDecimal("1.250"), "WEE", 9900, BigDecimal.ZERO, TaxCategory.Z,
                        BigDecimal.ZERO, null));
    }

    Invoice draft() {
        return tx.inTransaction(() -> invoices.add(Invoice.draft(company, lines(), "Kari Nordmann", "Takk!", "test", NOW)));
    }

    static Seller seller(boolean vat) {
        return InvoiceFixtures.seller(vat);
    }

    Invoice issue(Invoice draft, boolean vat) {
        var buyer = new Buyer(company.value(), "Fakturert AS", new OrganisationNumber("991825827"), "Vei 1", "5003", "BERGEN", null);
        return tx.inTransaction(() -> InvoiceFixtures.issue(invoices, numbers, draft.getId(), seller(vat), buyer, new byte[32],
                number -> { }));
    }

    @Test
    void a_draft_is_stored_with_exact_lines_edited_and_discarded() {
        var draft = draft();
        var read = invoices.find(draft.getId()).orElseThrow();
        assertThat(read.getStatus()).isEqualTo(InvoiceStatus.DRAFT);
        assertThat(read.getNumber()).isNull();
        assertThat(read.getLines()).isEqualTo(lines());
        assertThat(read.totals()).isEqualTo(Invoice.draft(company, lines(), "x", null, "t", NOW).totals());

        var edited = tx.inTransaction(() -> invoices.update(read.edit("Ola", null, "m", NOW)));
        assertThat(edited.getBuyerReference()).isEqualTo("Ola");
        assertThat(edited.getVersion()).isEqualTo(read.getVersion() + 1);
        assertThatThrownBy(() -> tx.inTransaction(() -> invoices.update(read.edit("Stale", null, "m", NOW))))
                .isInstanceOf(StaleVersionException.class);

        tx.inTransaction(() -> {
            invoices.delete(edited);
            return null;
        });
        assertThat(invoices.find(draft.getId())).isEmpty();
        assertThat(jdbc.query("SELECT count(*) FROM invoice_line WHERE invoice_id = ?", List.of(draft.getId().value()),
                rs -> rs.getLong(1))).containsExactly(0L);
    }

    @Test
    void an_issued_invoice_reads_back_as_issued() {
        var issued = issue(draft(), true);
        var read = invoices.find(issued.getId()).orElseThrow();
        assertThat(read.getStatus()).isEqualTo(InvoiceStatus.ISSUED);
        assertThat(read.getSeller()).isEqualTo(seller(true));
        assertThat(read.getBuyer().organisationNumber().value()).isEqualTo("991825827");
        assertThat(read.getKid()).isEqualTo(issued.getKid());
        assertThat(read.getDueDate()).isEqualTo(DAY.plusDays(14));
        assertThat(invoices.document(issued.getId())).contains("<Invoice>" + issued.getNumber() + "</Invoice>");
        assertThat(jdbc.query("SELECT gross FROM invoice WHERE id = ?", List.of(issued.getId().value()), rs -> rs.getLong(1)))
                .containsExactly(read.totals().gross());
    }

    @Test
    void a_seller_not_vat_registered_stores_its_lines_in_category_o() {
        var issued = issue(draft(), false);
        assertThat(invoices.find(issued.getId()).orElseThrow().getLines()).extracting(InvoiceLine::category)
                .containsOnly(TaxCategory.O);
    }

    @Test
    void sql_that_changes_an_issued_invoice_is_refused() {
        var issued = issue(draft(), true);
        long id = issued.getId().value();
        for (String sql : List.of(
                "UPDATE invoice SET gross = gross + 1 WHERE id = ?",
                "UPDATE invoice SET buyer_name = 'Someone else' WHERE id = ?",
                "UPDATE invoice SET number = number + 100000 WHERE id = ?",
                "UPDATE invoice SET ubl = '<x/>' WHERE id = ?",
                "UPDATE invoice SET due_date = due_date + 30 WHERE id = ?",
                "UPDATE invoice SET status = 'DRAFT' WHERE id = ?",
                "DELETE FROM invoice WHERE id = ?",
                "UPDATE invoice_line SET unit_price = 1 WHERE invoice_id = ?",
                "DELETE FROM invoice_line WHERE invoice_id = ?",
                "INSERT INTO invoice_line (invoice_id, line_no, description, quantity, unit_code, unit_price, discount_percent, "
                        + "tax_category, tax_percent) VALUES (?, 99, 'x', 1, 'C62', 1, 0, 'S', 25)")) {
            assertThatThrownBy(() -> tx.inTransaction(() -> jdbc.update(sql, List.of(id)))).as(sql)
                    .hasStackTraceContaining("is issued");
        }
        // the application role may not truncate at all; the trigger behind it holds for the owner (ApplicationRoleTest)
        assertThatThrownBy(() -> tx.inTransaction(() -> jdbc.update("TRUNCATE invoice_line", List.of())))
                .hasStackTraceContaining("permission denied");
        assertThatThrownBy(() -> tx.inTransaction(() -> jdbc.update("TRUNCATE invoice CASCADE", List.of())))
                .hasStackTraceContaining("permission denied");
        assertThat(invoices.find(issued.getId()).orElseThrow().getLines()).isEqualTo(issued.getLines());
    }

    @Test
    void money_and_the_archived_pdf_may_move_but_the_pdf_only_once() {
        var issued = issue(draft(), true);
        var paid = tx.inTransaction(() -> invoices.updateMoney(issued.paidBy(1000, "ocr", NOW)));
        assertThat(paid.getPaid()).isEqualTo(1000);
        assertThat(paid.getStatus()).isEqualTo(InvoiceStatus.PARTLY_PAID);
        long id = issued.getId().value();
        tx.inTransaction(() -> jdbc.update("UPDATE invoice SET pdf = '\\x25504446'::bytea WHERE id = ?", List.of(id)));
        assertThatThrownBy(() -> tx.inTransaction(() -> jdbc.update("UPDATE invoice SET pdf = '\\x00'::bytea WHERE id = ?", List.of(id))))
                .hasStackTraceContaining("is issued");
    }

    @Test
    void credited_lines_and_credit_notes_are_found_through_their_invoice() {
        var invoice = issue(draft(), true);
        var noteDraft = tx.inTransaction(() -> invoices.add(invoice.creditNote(Set.of(2), Set.of(), "Feil", "m", NOW)));
        var note = tx.inTransaction(() -> {
            long number = numbers.next();
            return invoices.issue(invoices.lock(noteDraft.getId()).orElseThrow().issue(new Invoice.Issue(number, DAY, null, null,
                    invoice.getSeller(), invoice.getBuyer()), "m", NOW), "<CreditNote/>", null);
        });
        assertThat(invoices.creditedLines(invoice.getId())).containsExactly(2);
        assertThat(invoices.creditNotesOf(invoice.getId())).extracting(Invoice::getId).containsExactly(note.getId());
        assertThat(note.getCreditedInvoiceId()).isEqualTo(invoice.getId());
        assertThat(note.getLines().get(0).creditedLineNo()).isEqualTo(2);
    }

    @Test
    void the_table_holds_the_reminder_rules_too_at_most_two_fees_and_fourteen_days_to_pay() {
        var invoice = issue(draft(), true);
        for (int n = 1; n <= 2; n++) {
            int number = n;
            tx.inTransaction(() -> reminders.add(new Reminder(null, invoice.getId(), number, DAY.plusDays(30L * number),
                    DAY.plusDays(30L * number + 14), 100, 3750, 0, "m", NOW)));
        }
        assertThatThrownBy(() -> tx.inTransaction(() -> reminders.add(new Reminder(null, invoice.getId(), 3, DAY.plusDays(90),
                DAY.plusDays(104), 100, 3750, 0, "m", NOW)))).hasStackTraceContaining("already carries two reminder fees");
        assertThatThrownBy(() -> tx.inTransaction(() -> reminders.add(new Reminder(null, invoice.getId(), 3, DAY.plusDays(90),
                DAY.plusDays(100), 100, 0, 0, "m", NOW)))).as("fewer than 14 days to pay").hasStackTraceContaining("invoice_reminder_check");
        var third = tx.inTransaction(() -> reminders.add(new Reminder(null, invoice.getId(), 3, DAY.plusDays(90), DAY.plusDays(104), 100, 0,
                0, "m", NOW)));
        assertThat(reminders.of(invoice.getId())).extracting(Reminder::number).containsExactly(1, 2, 3);
        assertThat(reminders.find(third.id()).orElseThrow().fee()).isZero();
    }

    @Test
    void lists_filter_by_status_company_period_and_overdue() {
        var issued = issue(draft(), true);
        var draft = draft();
        var byCompany = invoices.list(new InvoiceFilter(null, company, null, null, null), null, 500).items();
        assertThat(byCompany).extracting(Invoice::getId).contains(issued.getId(), draft.getId());
        assertThat(invoices.list(new InvoiceFilter(InvoiceStatus.DRAFT, company, null, null, null), null, 500).items())
                .extracting(Invoice::getStatus).containsOnly(InvoiceStatus.DRAFT);
        assertThat(invoices.list(new InvoiceFilter(null, null, DAY.plusDays(1), null, null), null, 10).items()).isEmpty();
        assertThat(invoices.list(new InvoiceFilter(null, null, null, null, DAY.plusDays(14)), null, 500).items()).isEmpty();
        assertThat(invoices.list(new InvoiceFilter(null, null, null, null, DAY.plusDays(15)), null, 500).items())
                .extracting(Invoice::getId).contains(issued.getId());
        var page = invoices.list(new InvoiceFilter(null, company, null, null, null), null, 1);
        assertThat(page.items()).hasSize(1);
        assertThat(invoices.list(new InvoiceFilter(null, company, null, null, null), page.nextCursor(), 1).items().get(0).getId())
                .isNotEqualTo(page.items().get(0).getId());
        assertThat(invoices.find(new InvoiceId(-1))).isEmpty();
    }
}
