package no.kontor.adapters.pdf;

import no.kontor.application.invoice.Giro;
import static no.kontor.adapters.pdf.Rendered.INVOICE;
import static no.kontor.adapters.pdf.Rendered.NOT_VAT_REGISTERED;
import static no.kontor.adapters.pdf.Rendered.PDFS;
import static no.kontor.adapters.pdf.Rendered.text;
import static no.kontor.adapters.pdf.Rendered.ubl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.IntStream;

import no.kontor.adapters.pdf.OcrGlyphs.Glyph;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;

/**
 * The giro where a bank's scanner expects it (docs/norway.md#giro): every OCR character on its
 * position within 0.5 mm, on plain paper and on a pre-printed form alike.
 */
class GiroTest {
    private static final String EXAMPLE_LINE = "H                   123456782      1234  50 < 9 >  86011117947";
    private static final double POSITION_1_CENTRE_MM = 2.9;
    private static final double PITCH_MM = 2.54;
    private static final double BASELINE_MM = 21.17;
    private static final double TOLERANCE_MM = 0.5;
    private static final int WHITE = 0xffffff;

    @Test
    void everyCharacterOfTheOcrLineIsOnItsPosition() {
        assertOnTheirPositions(PDFS.render(ubl(INVOICE), null, Giro.FULL), EXAMPLE_LINE);
    }

    @Test
    void withoutAKidTheAmountAndAccountKeepTheirPositions() {
        assertOnTheirPositions(PDFS.render(ubl(NOT_VAT_REGISTERED), null, Giro.FULL),
                "H" + " ".repeat(34) + "2750  00 < 8 >  12345678903");
    }

    @Test
    void onAPreprintedFormOnlyTheVariableDataIsPrintedOnTheSamePositions() {
        byte[] preprinted = PDFS.render(ubl(INVOICE), null, Giro.PREPRINTED);
        String text = text(preprinted);

        assertOnTheirPositions(preprinted, EXAMPLE_LINE);
        assertThat(text).doesNotContain("Kvittering", "Betalingsinformasjon", "Innbetalt til konto", "GIRO",
                "Betalings-frist", "Kundeidentifikasjon", "Betalt av", "Betalt til");
        assertThat(text).contains("8601 11 17947", "Faktura 10001, 15.01.2026\nKID 123456782", "29.01.2026",
                "Sjøbua Restaurant AS\nBryggen 4\n5003 Bergen");
    }

    @Test
    void theBandsArePaleYellowOnPlainPaperAndAbsentOnAPreprintedForm() {
        // Between the Betalt av and Betalt til boxes, and at the receipt strip's left edge.
        double[][] inBands = {{106, 250}, {2, 205}};
        for (double[] point : inBands) {
            int plain = colourAt(PDFS.render(ubl(INVOICE), null, Giro.FULL), point[0], point[1]);
            int preprinted = colourAt(PDFS.render(ubl(INVOICE), null, Giro.PREPRINTED), point[0], point[1]);

            assertThat(plain).as("plain paper at %s", point).isNotEqualTo(WHITE);
            assertThat((plain >> 16 & 0xff) > (plain & 0xff)).as("yellow has more red than blue").isTrue();
            assertThat(preprinted).as("pre-printed form at %s", point).isEqualTo(WHITE);
        }
    }

    @Test
    void theOcrLinesZoneIsWhite() {
        byte[] pdf = PDFS.render(ubl(INVOICE), null, Giro.FULL);
        double justAboveTheBaseline = 297 - BASELINE_MM - 1;

        // position 3, which is blank, and beyond the last position
        assertThat(colourAt(pdf, POSITION_1_CENTRE_MM + 2 * PITCH_MM, justAboveTheBaseline)).isEqualTo(WHITE);
        assertThat(colourAt(pdf, 180, justAboveTheBaseline)).isEqualTo(WHITE);
    }

    /** Every non-blank character of {@code line} drawn in OCR-B, centred on its position, on the baseline. */
    private static void assertOnTheirPositions(byte[] pdf, String line) {
        List<Integer> positions = IntStream.rangeClosed(1, line.length())
                .filter(position -> line.charAt(position - 1) != ' ').boxed().toList();
        List<Glyph> glyphs = OcrGlyphs.of(pdf);

        assertThat(glyphs).extracting(Glyph::character)
                .containsExactlyElementsOf(positions.stream().map(position -> line.charAt(position - 1)).toList());
        for (int i = 0; i < glyphs.size(); i++) {
            int position = positions.get(i);
            assertThat(glyphs.get(i).centreMm()).as("centre of position %d", position)
                    .isCloseTo(POSITION_1_CENTRE_MM + (position - 1) * PITCH_MM, within(TOLERANCE_MM));
            assertThat(glyphs.get(i).baselineMm()).as("baseline of position %d", position)
                    .isCloseTo(BASELINE_MM, within(TOLERANCE_MM));
        }
    }

    /** The RGB colour page 1 shows {@code xMm} from the left and {@code yMm} from the top. */
    private static int colourAt(byte[] pdf, double xMm, double yMm) {
        float dpi = 50;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, dpi);
            return page.getRGB((int) (xMm / 25.4 * dpi), (int) (yMm / 25.4 * dpi)) & 0xffffff;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
