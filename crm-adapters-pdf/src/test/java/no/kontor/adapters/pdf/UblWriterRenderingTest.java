package no.kontor.adapters.pdf;

import no.kontor.application.invoice.Giro;
import static no.kontor.adapters.pdf.Rendered.PDFS;
import static no.kontor.adapters.pdf.Rendered.text;
import static no.kontor.adapters.pdf.UblWriterTest.EHF_BUYER;
import static no.kontor.adapters.pdf.UblWriterTest.PRIVATE_BUYER;
import static no.kontor.adapters.pdf.UblWriterTest.creditNote;
import static no.kontor.adapters.pdf.UblWriterTest.issued;
import static no.kontor.adapters.pdf.UblWriterTest.mixedLines;
import static no.kontor.adapters.pdf.UblWriterTest.seller;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import no.kontor.domain.invoice.Invoice;

import org.junit.jupiter.api.Test;

/**
 * One canonical document, two renderings: what {@link UblWriter} writes for an issued
 * invoice, {@link FopInvoicePdfs} renders as PDF/A-2b with its giro.
 */
class UblWriterRenderingTest {
    private final UblWriter writer = new UblWriter();

    @Test
    void anInvoiceWithFourRatesADiscountAndAnExemptLineRenders() {
        Invoice invoice = issued(2001, seller(true, true), EHF_BUYER, mixedLines());
        byte[] pdf = PDFS.render(writer.write(invoice, null), "654321", Giro.FULL);

        assertThat(PdfA.violations(pdf)).isEmpty();
        assertThat(text(pdf)).contains("Fakturanr. 2001", "Kunde & Sønn AS", "Org.nr. 974 760 673 MVA", "Foretaksregisteret",
                "PIN for Min side: 654321", invoice.getKid().value());
        assertThat(OcrGlyphs.of(pdf)).isNotEmpty();
    }

    @Test
    void anInvoiceToAPrivateBuyerAndItsCreditNoteRender() {
        Invoice invoice = issued(2002, seller(true, true), PRIVATE_BUYER, mixedLines());
        byte[] note = PDFS.render(writer.write(creditNote(invoice, Set.of(2, 3), 2003), invoice), null, Giro.FULL);

        assertThat(text(PDFS.render(writer.write(invoice, null), null, Giro.FULL))).contains("Åse Ødegård\nHeimveien 3\n7030 TRONDHEIM");
        assertThat(PdfA.violations(note)).isEmpty();
        assertThat(text(note)).contains("Kreditnota for faktura nr 2002", "Kreditnotanr. 2003");
        assertThat(OcrGlyphs.of(note)).isEmpty();
    }

    @Test
    void anInvoiceFromASellerOutsideVatRenders() {
        byte[] pdf = PDFS.render(writer.write(issued(2004, seller(false, true), EHF_BUYER, mixedLines()), null), null, Giro.FULL);

        assertThat(PdfA.violations(pdf)).isEmpty();
        assertThat(text(pdf)).contains("Selger er ikke merverdiavgiftsregistrert", "Org.nr. 974 760 673\n");
    }
}
