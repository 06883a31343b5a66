package no.kontor.domain.payment;

import static no.kontor.domain.payment.OcrFileException.DATE;
import static no.kontor.domain.payment.OcrFileException.EMPTY;
import static no.kontor.domain.payment.OcrFileException.LINE_LENGTH;
import static no.kontor.domain.payment.OcrFileException.NUMBER_FORMAT;
import static no.kontor.domain.payment.OcrFileException.STRUCTURE;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * One line of an OCR giro file: exactly 80 characters, of a known {@link RecordKind}.
 * Fields are read by 1-based inclusive positions, as docs/norway.md#ocr-file and Nets' manual number
 * them, and every problem found is an {@link OcrFileException} naming this line.
 */
final class OcrRecord {
    static final int LENGTH = 80;
    /** Two-digit years below this are in the 2000s, the others in the 1900s. */
    static final int CENTURY_PIVOT = 70;
    private static final String NO_DATE = "000000";

    private final int lineNumber;
    private final String text;
    private final RecordKind kind;

    private OcrRecord(int lineNumber, String text, RecordKind kind) {
        this.lineNumber = lineNumber;
        this.text = text;
        this.kind = kind;
    }

    /**
     * The records of a file: ISO-8859-1, each line ended by LF or CR LF, the last line's end
     * optional. Every line must be 80 characters of a known kind.
     */
    static List<OcrRecord> readAll(byte[] content) {
        if (content == null || content.length == 0) {
            throw new OcrFileException(EMPTY, "the file is empty");
        }
        String text = new String(content, StandardCharsets.ISO_8859_1);
        String withoutFinalLineEnd = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        String[] lines = withoutFinalLineEnd.split("\n", -1);
        List<OcrRecord> records = new ArrayList<>(lines.length);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            records.add(read(i + 1, line));
        }
        return records;
    }

    private static OcrRecord read(int lineNumber, String line) {
        if (line.length() != LENGTH) {
            throw OcrFileException.atLine(lineNumber, LINE_LENGTH,
                    "record is %d characters, expected %d".formatted(line.length(), LENGTH));
        }
        String prefix = line.substring(0, RecordKind.PREFIX_LENGTH);
        RecordKind kind = RecordKind.of(prefix).orElseThrow(
                () -> OcrFileException.atLine(lineNumber, STRUCTURE, "unknown record type '" + prefix + "'"));
        return new OcrRecord(lineNumber, line, kind);
    }

    int lineNumber() {
        return lineNumber;
    }

    RecordKind kind() {
        return kind;
    }

    /** The characters at positions {@code from} to {@code to}, 1-based and inclusive. */
    String field(int from, int to) {
        return text.substring(from - 1, to);
    }

    /** A blank-padded text field without its surrounding blanks. */
    String text(int from, int to) {
        return field(from, to).strip();
    }

    /** A blank-padded text field without its surrounding blanks; {@code null} when blank. */
    String optionalText(int from, int to) {
        String text = text(from, to);
        return text.isEmpty() ? null : text;
    }

    /** A zero-filled numeric field, kept as written; refused unless all digits. */
    String digits(int from, int to, String name) {
        String value = field(from, to);
        if (!value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw error(NUMBER_FORMAT, "%s '%s' (positions %d–%d) is not a number".formatted(name, value, from, to));
        }
        return value;
    }

    /** A zero-filled numeric field, kept as written; {@code null} when all zeros, meaning unknown. */
    String optionalDigits(int from, int to, String name) {
        String digits = digits(from, to, name);
        return digits.chars().allMatch(c -> c == '0') ? null : digits;
    }

    /** A zero-filled numeric field as a number; at most 17 digits, so it fits a long. */
    long number(int from, int to, String name) {
        return Long.parseLong(digits(from, to, name));
    }

    /** A DDMMYY date; the century by {@link #CENTURY_PIVOT}. */
    LocalDate date(int from, int to, String name) {
        String ddmmyy = digits(from, to, name);
        int day = Integer.parseInt(ddmmyy.substring(0, 2));
        int month = Integer.parseInt(ddmmyy.substring(2, 4));
        int twoDigitYear = Integer.parseInt(ddmmyy.substring(4, 6));
        int year = (twoDigitYear < CENTURY_PIVOT ? 2000 : 1900) + twoDigitYear;
        if (month < 1 || month > 12 || day < 1 || day > YearMonth.of(year, month).lengthOfMonth()) {
            throw error(DATE, "%s '%s' (positions %d–%d) is not a date DDMMYY".formatted(name, ddmmyy, from, to));
        }
        return LocalDate.of(year, month, day);
    }

    /** A DDMMYY date that may be given as {@code 000000}, read as {@code null}. */
    LocalDate optionalDate(int from, int to, String name) {
        return NO_DATE.equals(field(from, to)) ? null : date(from, to, name);
    }

    /** In an amount item: its transaction type, two digits its kind guarantees. */
    int transactionType() {
        return Integer.parseInt(field(5, 6));
    }

    /** In an amount item: which transaction it belongs to, for comparing and for messages. */
    String transactionLabel() {
        return "transaction " + field(9, 15) + " of type " + field(5, 6);
    }

    OcrFileException error(String code, String problem) {
        return OcrFileException.atLine(lineNumber, code, problem);
    }
}
