package no.kontor.application.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import no.kontor.application.reporting.port.ReportQueries;
import no.kontor.application.reporting.port.ReportQueries.IssuedDocument;
import no.kontor.application.testing.DirectTransactions;
import no.kontor.domain.identity.Actor;
import no.kontor.domain.identity.Role;
import no.kontor.domain.invoice.InvoiceKind;
import no.kontor.domain.invoice.InvoiceLine;
import no.kontor.domain.invoice.TaxCategory;
import no.kontor.domain.shared.AccessDeniedException;
import no.kontor.domain.shared.ValidationException;

/**
 * {@link VatReport} on a small hand-made set of documents whose right answers are worked out
 * below, in øre: lines rounded half-up once, VAT per rate per document rounded once, a credit
 * note subtracting its own.
 */
class VatReportTest {
    static final LocalDate NOVEMBER_1 = LocalDate.of(2026, 11, 1);
    static final LocalDate NOVEMBER_30 = LocalDate.of(2026, 11, 30);

    final Actor manager = Actor.staff(2, "mona", Role.MANAGER);

    static InvoiceLine line(int no, String quantity, long unitPrice, String discount, TaxCategory category, String percent) {
        return new InvoiceLine(no, null, null, "Linje " + no, new BigDecimal(quantity), "C62", unitPrice, new BigDecimal(discount), category,
                percent == null ? null : new BigDecimal(percent), category == TaxCategory.E ? "Unntatt" : null);
    }

    /*
     * Invoice 1 (1 November): 1 × 1 234.56 at 25 % → 123 456 taxable, VAT 30 864;
     *                         3 × 99.99 less 10 % at 15 % → 26 997.3 → 26 997, VAT 4 049.55 → 4 050;
     *                         2 × 500.00 zero-rated → 100 000, VAT 0.
     * Credit note (30 November) of invoice 1's first line: −123 456, VAT −30 864.
     * Invoice 2 (30 November): 1 × 1 000.01 at 25 % → 100 001, VAT 25 000.25 → 25 000.
     * Totals: 25 % → 100 001 / 25 000; 15 % → 26 997 / 4 050; 0 % → 100 000 / 0;
     *         net 226 998, VAT 29 050, gross 256 048; two invoices, one credit note.
     */
    final List<IssuedDocument> november = List.of(
            new IssuedDocument(1, InvoiceKind.INVOICE, NOVEMBER_1, List.of(line(1, "1", 123456, "0", TaxCategory.S, "25"),
                    line(2, "3", 9999, "10", TaxCategory.S, "15"), line(3, "2", 50000, "0", TaxCategory.Z, "0"))),
            new IssuedDocument(2, InvoiceKind.CREDIT_NOTE, NOVEMBER_30, List.of(line(1, "1", 123456, "0", TaxCategory.S, "25"))),
            new IssuedDocument(3, InvoiceKind.INVOICE, NOVEMBER_30, List.of(line(1, "1", 100001, "0", TaxCategory.S, "25"))));

    LocalDate[] asked = new LocalDate[2];

    /** The books of the period as {@code documents}; remembers the period it was asked for. */
    ReportQueries books(List<IssuedDocument> documents) {
        return new UnreadBooks() {
            @Override
            public List<IssuedDocument> issuedBetween(LocalDate from, LocalDate to) {
                asked[0] = from;
                asked[1] = to;
                return documents;
            }
        };
    }

    final VatReport report = new VatReport(books(november), new DirectTransactions());

    @Test
    void vatPerRateForAPeriodAgreesWithTheDocumentsToTheOre() {
        var totals = report.execute(manager, NOVEMBER_1, NOVEMBER_30);

        assertThat(asked).containsExactly(NOVEMBER_1, NOVEMBER_30);
        assertThat(totals.rates()).extracting(r -> r.category() + " " + r.percent().toPlainString() + ": " + r.taxable() + " / " + r.vat())
                .containsExactly("S 25: 100001 / 25000", "S 15: 26997 / 4050", "Z 0: 100000 / 0");
        assertThat(totals.net()).isEqualTo(226998);
        assertThat(totals.vat()).isEqualTo(29050);
        assertThat(totals.gross()).isEqualTo(256048);
        assertThat(totals.invoices()).isEqualTo(2);
        assertThat(totals.creditNotes()).isEqualTo(1);
    }

    @Test
    void aPeriodWithoutDocumentsHasNoRatesAndZeroTotals() {
        var empty = new VatReport(books(List.of()), new DirectTransactions()).execute(manager, NOVEMBER_1, NOVEMBER_1);
        assertThat(empty.rates()).isEmpty();
        assertThat(empty.gross()).isZero();
    }

    @Test
    void everyMemberOfStaffReadsTheVatReportAndTheOrderFormDoesNot() {
        assertThat(report.execute(Actor.staff(1, "selma", Role.SELLER), NOVEMBER_1, NOVEMBER_30).net()).isEqualTo(226998);
        assertThat(report.execute(Actor.staff(3, "admin", Role.ADMIN), NOVEMBER_1, NOVEMBER_30).net()).isEqualTo(226998);
        assertThatThrownBy(() -> report.execute(Actor.publicForm(), NOVEMBER_1, NOVEMBER_30)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aPeriodIsOneDayToAYearWithBothEndsGiven() {
        assertThatThrownBy(() -> report.execute(manager, NOVEMBER_30, NOVEMBER_1)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> report.execute(manager, NOVEMBER_1, NOVEMBER_1.plusDays(366))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> report.execute(manager, null, NOVEMBER_30)).isInstanceOf(ValidationException.class);
        assertThat(report.execute(manager, NOVEMBER_1, NOVEMBER_1.plusDays(365)).invoices()).isEqualTo(2);
    }
}
