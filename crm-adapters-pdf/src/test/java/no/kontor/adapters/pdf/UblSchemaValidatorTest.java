package no.kontor.adapters.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import no.kontor.domain.invoice.Buyer;
import no.kontor.domain.invoice.InvoiceKind;
import no.kontor.domain.shared.OrganisationNumber;

/** The second wall: a document that is not well-formed, or not UBL 2.1 of its kind, is found before it is frozen. */
class UblSchemaValidatorTest {
    static final UblSchemaValidator VALIDATOR = new UblSchemaValidator();
    final UblWriter writer = new UblWriter();

    String goodInvoice() {
        return writer.write(UblWriterTest.issued(1001, UblWriterTest.seller(true, true), UblWriterTest.EHF_BUYER,
                UblWriterTest.mixedLines()), null);
    }

    @Test
    void whatTheWriterWritesIsValidInvoicesAndCreditNotesAlike() {
        var invoice = UblWriterTest.issued(1001, UblWriterTest.seller(true, true), UblWriterTest.PRIVATE_BUYER, UblWriterTest.mixedLines());
        assertThat(VALIDATOR.problemWith(goodInvoice(), InvoiceKind.INVOICE)).isEmpty();
        assertThat(VALIDATOR.problemWith(writer.write(invoice, null), InvoiceKind.INVOICE)).isEmpty();
        var note = UblWriterTest.creditNote(invoice, Set.of(1, 3), 1002);
        assertThat(VALIDATOR.problemWith(writer.write(note, invoice), InvoiceKind.CREDIT_NOTE)).isEmpty();
    }

    @Test
    void aControlCharacterInANameMakesTheDocumentNotWellFormedAndSaysWhere() {
        var buyer = new Buyer(42, "Kontroll\u0001tegn AS", new OrganisationNumber("991825827"), "Kaigaten 2", "5003", "BERGEN", null);
        String ubl = writer.write(UblWriterTest.issued(1003, UblWriterTest.seller(true, true), buyer, UblWriterTest.mixedLines()), null);
        assertThat(VALIDATOR.problemWith(ubl, InvoiceKind.INVOICE)).hasValueSatisfying(problem -> assertThat(problem)
                .startsWith("line ").contains("not well-formed XML", "0x1"));
    }

    @Test
    void aWellFormedDocumentThatBreaksTheSchemaIsRefusedNamingTheElement() {
        String good = goodInvoice();
        // the issue date before the ID: the schema's order is ID first
        String swapped = good.replaceFirst("(<cbc:ID>1001</cbc:ID>)(<cbc:IssueDate>[^<]*</cbc:IssueDate>)", "$2$1");
        assertThat(swapped).isNotEqualTo(good);
        assertThat(VALIDATOR.problemWith(swapped, InvoiceKind.INVOICE)).hasValueSatisfying(problem -> assertThat(problem)
                .contains("not valid UBL 2.1", "cvc-"));
        String unknown = good.replace("<cbc:DueDate>", "<cbc:Nonsense>x</cbc:Nonsense><cbc:DueDate>");
        assertThat(VALIDATOR.problemWith(unknown, InvoiceKind.INVOICE)).hasValueSatisfying(problem -> assertThat(problem)
                .contains("Nonsense"));
    }

    @Test
    void theRootMustBeTheDocumentOfItsKindAndNothingElseIsRead() {
        assertThat(VALIDATOR.problemWith(goodInvoice(), InvoiceKind.CREDIT_NOTE)).hasValueSatisfying(problem -> assertThat(problem)
                .contains("not the UBL CreditNote"));
        for (String bad : List.of("", "<Invoice/>", "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>",
                "<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\"><broken>")) {
            assertThat(VALIDATOR.problemWith(bad, InvoiceKind.INVOICE)).as(bad).isPresent();
        }
    }
}
