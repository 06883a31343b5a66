package no.kontor.adapters.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Objects;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** The UBL fixtures, one renderer shared by the tests, and the text of a rendered PDF. */
final class Rendered {
    /** One instance for all tests, as in production: it is built to be shared. */
    static final FopInvoicePdfs PDFS = new FopInvoicePdfs(null);

    static final String INVOICE = "invoice-advertising-and-newspaper";
    static final String CREDIT_NOTE = "credit-note";
    static final String NOT_VAT_REGISTERED = "invoice-seller-not-vat-registered";
    static final String SPECIAL_CHARACTERS = "invoice-buyer-name-with-special-characters";
    static final String[] FIXTURES = {INVOICE, CREDIT_NOTE, NOT_VAT_REGISTERED, SPECIAL_CHARACTERS};

    private Rendered() {
    }

    /** The fixture {@code src/test/resources/ubl/<name>.xml}. */
    static String ubl(String name) {
        String resource = "/ubl/" + name + ".xml";
        try (InputStream in = Rendered.class.getResourceAsStream(resource)) {
            return new String(Objects.requireNonNull(in, resource).readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The PDF's text as PDFBox extracts it, NFKC-normalised: a ligature such as U+FB01
     * becomes "fi" and the no-break space that groups digits becomes a plain space, so
     * tests can match words and amounts as typed ("1 234,50").
     */
    static String text(byte[] pdf) {
        return text(pdf, 1, Integer.MAX_VALUE);
    }

    /** The text of one page (from 1), as {@link #text(byte[])}. */
    static String textOfPage(byte[] pdf, int page) {
        return text(pdf, page, page);
    }

    private static String text(byte[] pdf, int firstPage, int lastPage) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(firstPage);
            stripper.setEndPage(lastPage);
            return Normalizer.normalize(stripper.getText(document), Normalizer.Form.NFKC);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
