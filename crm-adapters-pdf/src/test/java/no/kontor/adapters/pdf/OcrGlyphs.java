package no.kontor.adapters.pdf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * The glyphs a PDF draws in OCR-B, the OCR line's font and no other text's, with their
 * positions in millimetres: x of the glyph's centre from the left edge, and the baseline's
 * height above the bottom edge.
 */
final class OcrGlyphs extends PDFTextStripper {
    private static final double MM_PER_POINT = 25.4 / 72;

    /** One drawn character. */
    record Glyph(char character, double centreMm, double baselineMm) {
    }

    private final List<Glyph> glyphs = new ArrayList<>();
    private float pageHeight;

    private OcrGlyphs() {
        setSortByPosition(true);
    }

    /** The OCR-B glyphs on the first page, spaces left out, left to right. */
    static List<Glyph> of(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            OcrGlyphs stripper = new OcrGlyphs();
            stripper.pageHeight = document.getPage(0).getMediaBox().getHeight();
            stripper.setStartPage(1);
            stripper.setEndPage(1);
            stripper.getText(document);
            return stripper.glyphs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected void writeString(String text, List<TextPosition> positions) {
        for (TextPosition position : positions) {
            if (position.getFont().getName().contains("OCRB") && !position.getUnicode().isBlank()) {
                glyphs.add(new Glyph(position.getUnicode().charAt(0),
                        (position.getXDirAdj() + position.getWidthDirAdj() / 2) * MM_PER_POINT,
                        (pageHeight - position.getYDirAdj()) * MM_PER_POINT));
            }
        }
    }
}
