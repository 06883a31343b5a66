package no.kontor.adapters.pdf;

import no.kontor.application.invoice.Giro;
import static no.kontor.adapters.pdf.Rendered.INVOICE;
import static no.kontor.adapters.pdf.Rendered.PDFS;
import static no.kontor.adapters.pdf.Rendered.ubl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.junit.jupiter.api.Test;

/** The renderer's contract beyond the page's content: its input checks, the logo, the FO, the warm-up. */
class FopInvoicePdfsTest {

    @Test
    void textThatIsNotXmlIsRefusedWithAClearMessage() {
        assertThatThrownBy(() -> PDFS.render("Faktura 10001: 1234,50", null, Giro.FULL))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the document is not well-formed XML (line 1");
        assertThatThrownBy(() -> PDFS.render("  ", null, Giro.FULL))
                .isExactlyInstanceOf(IllegalArgumentException.class).hasMessage("no UBL document to render");
    }

    @Test
    void xmlThatIsNotAUblInvoiceOrCreditNoteIsRefused() {
        assertThatThrownBy(() -> PDFS.render("<Order xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Order-2\"/>", null, Giro.FULL))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected a UBL Invoice or CreditNote, not {urn:oasis:names:specification:ubl:schema:xsd:Order-2}Order");
        assertThatThrownBy(() -> PDFS.render("<Invoice/>", null, Giro.FULL))
                .as("the right name in no namespace").isExactlyInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDocumentTypeDeclarationIsRefusedSoNoEntityIsEverFetched() {
        String withEntity = "<!DOCTYPE Invoice [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + ubl(INVOICE).substring(ubl(INVOICE).indexOf("<Invoice"));
        assertThatThrownBy(() -> PDFS.render(withEntity, null, Giro.FULL))
                .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageContaining("DOCTYPE");
    }

    @Test
    void anInvoiceWhoseGiroWouldCarryAWrongAccountIsRefused() {
        String badAccount = ubl(INVOICE).replace("<cbc:ID>86011117947</cbc:ID>", "<cbc:ID>86011117949</cbc:ID>");
        String noAccount = ubl(INVOICE).replace("<cbc:ID>86011117947</cbc:ID>", "");

        assertThatThrownBy(() -> PDFS.render(badAccount, null, Giro.FULL))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invoice 10001 cannot carry a giro").hasMessageContaining("check digit");
        assertThatThrownBy(() -> PDFS.render(noAccount, null, Giro.FULL))
                .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageContaining("has no account for the giro");
    }

    @Test
    void theLogoIsDrawnInPlaceOfTheNameHeader() throws IOException {
        byte[] pdf = new FopInvoicePdfs(logo()).render(ubl(INVOICE), null, Giro.FULL);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDResources resources = document.getPage(0).getResources();
            assertThat(resources.getXObjectNames()).anySatisfy(name -> assertThat(resources.isImageXObject(name)).isTrue());
        }
        assertThat(Rendered.text(pdf)).as("the name stays in the seller's details only").startsWith("Fjordposten AS\nKaigata 12");
        assertThat(Rendered.text(PDFS.render(ubl(INVOICE), null, Giro.FULL))).startsWith("Fjordposten AS Fjordposten AS\n");
        assertThat(PdfA.violations(pdf)).isEmpty();
    }

    @Test
    void aLogoThatIsNotAPngIsRefused() {
        assertThatThrownBy(() -> new FopInvoicePdfs("GIF89a".getBytes()))
                .isExactlyInstanceOf(IllegalArgumentException.class).hasMessage("the logo must be a PNG image");
    }

    @Test
    void theFoIsWhatFopIsGivenWithTheOcrLineAndEveryFontNamed() {
        String fo = PDFS.foOf(ubl(INVOICE), null, Giro.FULL);

        assertThat(fo).startsWith("<?xml").contains("<fo:root", "font-family=\"DejaVu Sans\"", "font-family=\"OCR-B\"",
                "H                   123456782      1234  50 &lt; 9 &gt;  86011117947");
    }

    @Test
    void theWarmUpRendersItsBuiltInSample() {
        assertThatCode(PDFS::warmUp).doesNotThrowAnyException();
    }

    /** A 300 × 100 PNG with transparency, which PDF/A-2 allows. */
    private static byte[] logo() throws IOException {
        BufferedImage image = new BufferedImage(300, 100, BufferedImage.TYPE_INT_ARGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(new Color(0, 70, 140));
        graphics.fillOval(10, 10, 80, 80);
        graphics.fillRect(110, 35, 180, 30);
        graphics.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        return png.toByteArray();
    }
}
