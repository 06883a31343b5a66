package no.kontor.application.payment;

import static no.kontor.domain.payment.OcrFileWriter.transaction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import no.kontor.application.testing.DirectTransactions;
import no.kontor.application.testing.InMemoryAuditTrail;
import no.kontor.application.testing.InMemoryInvoices;
import no.kontor.application.testing.InMemoryOcrImports;
import no.kontor.application.testing.InMemoryPayments;
import no.kontor.application.testing.TestClock;
import no.kontor.domain.company.CompanyId;
import no.kontor.domain.identity.Actor;
import no.kontor.domain.identity.Role;
import no.kontor.domain.invoice.Buyer;
import no.kontor.domain.invoice.Invoice;
import no.kontor.domain.invoice.InvoiceId;
import no.kontor.domain.invoice.InvoiceLine;
import no.kontor.domain.invoice.Seller;
import no.kontor.domain.invoice.TaxCategory;
import no.kontor.domain.payment.OcrFileWriter;
import no.kontor.domain.payment.Payment;
import no.kontor.domain.shared.BankAccountNumber;
import no.kontor.domain.invoice.InvoiceStatus;
import no.kontor.domain.payment.OcrFileException;
import no.kontor.domain.shared.AccessDeniedException;
import no.kontor.domain.shared.ConflictException;
import no.kontor.domain.shared.Kid;
import no.kontor.domain.shared.OrganisationNumber;

/**
 * The OCR import on in-memory ports: a file is known by its transmission number and its
 * content, a transaction by what makes it unique at the bank (agreement, assignment
 * number, transaction number, settlement date), never by the archive reference.
 */
class ImportOcrPaymentsTest {
    static final Instant START = Instant.parse("2026-11-24T09:00:00Z");
    static final LocalDate SETTLED = LocalDate.of(2026, 11, 20);
    static final String KID = "000000300000016";

    final TestClock clock = new TestClock(START);
    final InMemoryInvoices invoices = new InMemoryInvoices();
    final InMemoryPayments payments = new InMemoryPayments();
    final InMemoryOcrImports imports = new InMemoryOcrImports();
    final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    final DirectTransactions tx = new DirectTransactions().register(invoices).register(payments).register(imports);
    final ImportOcrPayments importer = new ImportOcrPayments(imports, payments, invoices, audit, tx, clock);
    final Actor mona = Actor.staff(2, "mona", Role.MANAGER);
    final InvoiceId invoice = issued();

    /** An issued invoice of 1 250.00 with {@link #KID}. */
    InvoiceId issued() {
        var line = new InvoiceLine(1, 1L, null, "Annonse", BigDecimal.ONE, "C62", 100000, BigDecimal.ZERO, TaxCategory.S,
                new BigDecimal("25"), null);
        var draft = invoices.add(Invoice.draft(new CompanyId(3), List.of(line), "Kari", null, "mona", START));
        var seller = new Seller("Lokalavisa AS", new OrganisationNumber("974760673"), null, null, null, "faktura@avisa.example", null,
                new BankAccountNumber("86011117947"), true, true);
        var buyer = new Buyer(3, "Kunde AS", new OrganisationNumber("991825827"), null, null, null, "k@kunde.example");
        LocalDate day = LocalDate.of(2026, 11, 24);
        invoices.issue(draft.issue(new Invoice.Issue(1, day, day.plusDays(14), new Kid(KID), seller, buyer), "mona", START),
                "<Invoice/>", new byte[] {1});
        return draft.getId();
    }

    static OcrFileWriter file(String transmission) {
        return new OcrFileWriter().transmissionNumber(transmission).assignment();
    }

    long paid() {
        return payments.ofInvoice(invoice).stream().mapToLong(Payment::amount).sum();
    }

    @Test
    void theSameFileAgainAnswersTheFirstReportWhateverItsLineEnds() {
        var writer = file("0000001").transaction(transaction(10, 50000).kid(KID).settled(SETTLED).archiveReference("000000001"));
        var first = importer.execute(mona, writer.bytes());
        clock.advance(Duration.ofHours(1));
        var again = importer.execute(mona, writer.lineEnd("\r\n").withoutFinalLineEnd().bytes());

        assertThat(first.alreadyImported()).isFalse();
        assertThat(again.alreadyImported()).isTrue();
        assertThat(again.report()).isEqualTo(first.report());
        assertThat(payments.size()).isEqualTo(1);
        assertThat(paid()).isEqualTo(50000);
    }

    @Test
    void anotherFileWithAnEarlierTransmissionNumberIsAConflictNamingTheEarlierImportAndImportsNothing() {
        var first = importer.execute(mona, file("0000002")
                .transaction(transaction(10, 50000).kid(KID).settled(SETTLED).archiveReference("000000001")).bytes());
        clock.advance(Duration.ofDays(1));
        byte[] other = file("0000002")
                .transaction(transaction(10, 50000).kid(KID).settled(SETTLED).archiveReference("000000001"))
                .transaction(transaction(10, 75000).kid(KID).settled(SETTLED).archiveReference("000000002")).bytes();
        int audited = audit.events().size();

        assertThatThrownBy(() -> importer.execute(mona, other))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.code()).isEqualTo("ocr.transmission-reused");
                    assertThat(e.getMessage()).contains("0000002", "import " + first.report().importId());
                    assertThat(e.details()).containsEntry("importId", first.report().importId())
                            .containsEntry("importedAt", first.report().importedAt().atZone(java.time.ZoneId.of("Europe/Oslo")).toOffsetDateTime().toString());
                });
        assertThat(payments.size()).isEqualTo(1);
        assertThat(imports.size()).isEqualTo(1);
        assertThat(audit.events().size()).isEqualTo(audited);
        assertThat(paid()).isEqualTo(50000);
    }

    @Test
    void equalArchiveReferencesFromTwoAgreementsAreTwoTransactions() {
        // another bank (agreement) repeats transaction number, date and archive reference: still another payment
        var first = importer.execute(mona, new OcrFileWriter().transmissionNumber("0000003").assignment("001008566", "0000001")
                .transaction(transaction(10, 50000).kid(KID).settled(SETTLED).archiveReference("000000777")).bytes());
        var second = importer.execute(mona, new OcrFileWriter().transmissionNumber("0000004").assignment("002009999", "0000001")
                .transaction(transaction(10, 75000).kid(KID).settled(SETTLED).archiveReference("000000777")).bytes());

        assertThat(first.report().applied()).isEqualTo(1);
        assertThat(second.report().applied()).isEqualTo(1);
        assertThat(second.report().duplicates()).isZero();
        assertThat(paid()).isEqualTo(125000);
    }

    @Test
    void aTransactionRegisteredBeforeIsNotRegisteredAgainFromALaterTransmission() {
        importer.execute(mona, new OcrFileWriter().transmissionNumber("0000005").assignment("001008566", "0000042")
                .transaction(transaction(10, 50000).kid(KID).settled(SETTLED).archiveReference("000000001")).bytes());
        // the bank sends the assignment again in a new transmission; its archive reference reads differently
        var later = importer.execute(mona, new OcrFileWriter().transmissionNumber("0000006").assignment("001008566", "0000042")
                .transaction(transaction(10, 50000).kid(KID).settled(SETTLED).archiveReference("000000999"))
                .transaction(transaction(10, 75000).kid(KID).settled(SETTLED).archiveReference("000000002")).bytes());

        assertThat(later.report().duplicates()).isEqualTo(1);
        assertThat(later.report().applied()).isEqualTo(1);
        assertThat(payments.size()).isEqualTo(2);
        assertThat(paid()).isEqualTo(125000);
    }

    @Test
    void aFileIsImportedWithAReportAndEachMatchedInvoiceIsPaidAndAudited() {
        var result = importer.execute(mona, file("0000010")
                .transaction(transaction(10, 50000).kid(KID).settled(SETTLED).archiveReference("000000001"))
                .transaction(transaction(10, 75000).kid(KID).settled(SETTLED).archiveReference("000000002")).bytes());

        var report = result.report();
        assertThat(result.alreadyImported()).isFalse();
        assertThat(report.transmissionNumber()).isEqualTo("0000010");
        assertThat(report.transactions()).isEqualTo(2);
        assertThat(report.applied()).isEqualTo(2);
        assertThat(report.appliedAmount()).isEqualTo(125000);
        assertThat(report.unmatched()).isZero();
        assertThat(report.importedBy()).isEqualTo(mona.auditName());
        assertThat(invoices.find(invoice).orElseThrow().getStatus()).as("1 250.00 of 1 250.00").isEqualTo(InvoiceStatus.PAID);
        assertThat(audit.events()).extracting(e -> e.recordType() + ":" + e.action() + ":" + e.actor())
                .containsExactly("invoice:paid:" + mona.auditName(), "ocr-import:created:" + mona.auditName());
    }

    @Test
    void aKidThatMatchesNoInvoiceWaitsOnTheUnmatchedListAndAReversalIsKeptButNeverBooked() {
        var report = importer.execute(mona, file("0000011")
                .transaction(transaction(10, 30000).kid("000000000000000").settled(SETTLED).archiveReference("000000001"))
                .transaction(transaction(18, 20000).kid(KID).settled(SETTLED).archiveReference("000000002")).bytes()).report();

        assertThat(report.unmatched()).isEqualTo(1);
        assertThat(report.reversals()).isEqualTo(1);
        assertThat(report.applied()).isZero();
        assertThat(payments.size()).as("both kept").isEqualTo(2);
        assertThat(payments.unmatched(null, 10).items()).singleElement().satisfies(p -> assertThat(p.amount()).isEqualTo(30000));
        assertThat(paid()).as("a reversal moves no invoice").isEqualTo(invoices.find(invoice).orElseThrow().getPaid()).isZero();
    }

    @Test
    void aBrokenFileIsRefusedWholeAndNothingIsImported() {
        byte[] broken = file("0000012")
                .transaction(transaction(10, 50000).kid(KID).settled(SETTLED).archiveReference("000000001"))
                .assignmentTotalOffBy(1).bytes();
        assertThatThrownBy(() -> importer.execute(mona, broken)).isInstanceOf(OcrFileException.class);
        assertThat(imports.size()).isZero();
        assertThat(payments.size()).isZero();
        assertThat(audit.events()).isEmpty();
    }

    @Test
    void onlyAManagerImportsTheBanksFile() {
        byte[] bytes = file("0000013").transaction(transaction(10, 50000).kid(KID).settled(SETTLED).archiveReference("000000001")).bytes();
        assertThatThrownBy(() -> importer.execute(Actor.staff(5, "selma", Role.SELLER), bytes)).isInstanceOf(AccessDeniedException.class);
        assertThat(imports.size()).isZero();
        assertThat(payments.size()).isZero();
    }
}
