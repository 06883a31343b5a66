package no.kontor.domain.payment;

import no.kontor.domain.shared.DomainException;

/**
 * An OCR giro file refused whole: nothing of it may be imported (docs/norway.md#ocr-file). The code
 * names the rule that failed (one of the constants here); the message names the 1-based
 * line and what is wrong, in English, e.g. {@code line 7: record is 79 characters, expected 80}.
 */
public final class OcrFileException extends DomainException {
    /** The file holds no bytes. */
    public static final String EMPTY = "ocr.empty";
    /** A line is not exactly 80 characters. */
    public static final String LINE_LENGTH = "ocr.line-length";
    /** An unknown record, or a record where the layout allows none of its kind. */
    public static final String STRUCTURE = "ocr.structure";
    /** A numeric field holds something else than digits, or a sign is neither {@code 0} nor {@code -}. */
    public static final String NUMBER_FORMAT = "ocr.number-format";
    /** A DDMMYY field is no date. */
    public static final String DATE = "ocr.date";
    /** An 88 or 89 states a transaction or record count the file does not have. */
    public static final String COUNT_MISMATCH = "ocr.count-mismatch";
    /** An 88 or 89 states a total that no reading of the amounts gives. */
    public static final String TOTAL_MISMATCH = "ocr.total-mismatch";

    public OcrFileException(String code, String message) {
        super(code, message);
    }

    static OcrFileException atLine(int lineNumber, String code, String problem) {
        return new OcrFileException(code, "line " + lineNumber + ": " + problem);
    }
}
