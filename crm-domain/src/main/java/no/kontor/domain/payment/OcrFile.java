package no.kontor.domain.payment;

import static no.kontor.domain.payment.OcrFileException.COUNT_MISMATCH;
import static no.kontor.domain.payment.OcrFileException.NUMBER_FORMAT;
import static no.kontor.domain.payment.OcrFileException.STRUCTURE;
import static no.kontor.domain.payment.OcrFileException.TOTAL_MISMATCH;
import static no.kontor.domain.payment.RecordKind.AMOUNT_ITEM_1;
import static no.kontor.domain.payment.RecordKind.AMOUNT_ITEM_2;
import static no.kontor.domain.payment.RecordKind.AMOUNT_ITEM_3;
import static no.kontor.domain.payment.RecordKind.ASSIGNMENT_END;
import static no.kontor.domain.payment.RecordKind.ASSIGNMENT_START;
import static no.kontor.domain.payment.RecordKind.MANDATE_END;
import static no.kontor.domain.payment.RecordKind.MANDATE_RECORD;
import static no.kontor.domain.payment.RecordKind.MANDATE_START;
import static no.kontor.domain.payment.RecordKind.TRANSMISSION_END;
import static no.kontor.domain.payment.RecordKind.TRANSMISSION_START;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * Reads a Nets OCR giro file, the bank's report of incoming payments, into an
 * {@link OcrTransmission}, after checking it whole as docs/norway.md#ocr-file ("Incoming payments:
 * Nets OCR giro file", from Nets' "OCR giro – System manual" v2.0) requires. A file that
 * fails any check is refused with an {@link OcrFileException} and nothing of it is returned.
 * <ul>
 * <li>Lines: ISO-8859-1, ended by LF or CR LF (the last line's end optional), every one a
 *     record of exactly 80 characters and of a known kind.</li>
 * <li>Structure: the transmission start (10) first and its end (89) last; each assignment's
 *     start (20) closed by its end (88); each transaction's amount item 1 (30) followed by
 *     its amount item 2 (31) and, for types 20 and 21 only and always, amount item 3 (32),
 *     all with the same transaction number and type.</li>
 * <li>Fields: numeric fields are digits, dates valid DDMMYY (two-digit years below 70 in the
 *     2000s, the rest in the 1900s), a sign {@code 0} or {@code -}.</li>
 * <li>Counts: an 88 states its assignment's transactions and its records, its own 20 and 88
 *     included; the 89 states the file's transactions and every line, 10 and 89 included.
 *     The 89's figures are thus the sums of the 88s.</li>
 * <li>Totals: sources differ on whether a {@code -} amount is deducted from a total or added
 *     to it ({@link TotalsReading}); a file is accepted when all its totals, the 88s and the
 *     89, match one reading, and refused when no single reading matches them all.</li>
 * </ul>
 * AvtaleGiro mandate assignments ({@code NY212420}, {@code NY219470}…, {@code NY212488})
 * are tolerated and skipped: they are not returned, their lines count in the 89's record
 * count, and the 89's transaction count may include their mandate records or leave them
 * out, since the manual does not say. Their own 88 is not checked.
 *
 * <p>Fields a transmission does not return are not read: fillers, the partial settlement
 * and card issuer of amount item 1, the dates of the 88 and 89.
 *
 * <p>A KID is not checked against any check-digit rule: Nets' own example KID fails MOD10,
 * and a KID matching no invoice belongs on the unmatched list, not in a refused file.
 */
public final class OcrFile {
    private final List<OcrRecord> records;
    private int next;
    /** The readings of {@code -} amounts that every total so far matches. */
    private final Set<TotalsReading> readings = EnumSet.allOf(TotalsReading.class);

    private OcrFile(List<OcrRecord> records) {
        this.records = records;
    }

    /**
     * The transmission in {@code content}, the file's bytes as received.
     *
     * @throws OcrFileException if the file fails any check; nothing else is thrown
     */
    public static OcrTransmission parse(byte[] content) {
        return new OcrFile(OcrRecord.readAll(content)).transmission();
    }

    /**
     * What tells whether two files bring the same records: the SHA-256 (hex) of the file's
     * bytes with line ends normalised (CR LF and a lone CR become LF) and without a final
     * line end. The same file saved with other line ends has the same hash.
     */
    public static String contentSha256(byte[] content) {
        String text = new String(content, StandardCharsets.ISO_8859_1).replace("\r\n", "\n").replace('\r', '\n');
        if (text.endsWith("\n")) {
            text = text.substring(0, text.length() - 1);
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.ISO_8859_1)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private OcrTransmission transmission() {
        OcrRecord start = take(TRANSMISSION_START);
        String dataTransmitter = start.digits(9, 16, "data transmitter");
        String transmissionNumber = start.digits(17, 23, "transmission number");
        String dataRecipient = start.digits(24, 31, "data recipient");
        List<OcrAssignment> assignments = new ArrayList<>();
        int mandateRecords = 0;
        while (nextIs(ASSIGNMENT_START) || nextIs(MANDATE_START)) {
            if (nextIs(ASSIGNMENT_START)) {
                assignments.add(assignment());
            } else {
                mandateRecords += skipMandateAssignment();
            }
        }
        OcrRecord end = take(TRANSMISSION_END);
        OcrTransmission transmission = new OcrTransmission(dataTransmitter, transmissionNumber, dataRecipient, assignments);
        checkEnd(start, end, new Tally(transmission.transactions(), mandateRecords));
        if (next < records.size()) {
            throw records.get(next).error(STRUCTURE, "data after the transmission end on line " + end.lineNumber());
        }
        return transmission;
    }

    private OcrAssignment assignment() {
        OcrRecord start = take(ASSIGNMENT_START);
        String agreementId = start.digits(9, 17, "agreement id");
        String assignmentNumber = start.digits(18, 24, "assignment number");
        String account = start.digits(25, 35, "assignment account");
        List<OcrTransaction> transactions = new ArrayList<>();
        while (nextIs(AMOUNT_ITEM_1)) {
            transactions.add(transaction());
        }
        checkEnd(start, take(ASSIGNMENT_END), Tally.of(transactions));
        return new OcrAssignment(agreementId, assignmentNumber, account, transactions);
    }

    /** Passes over an AvtaleGiro mandate assignment; the number of records between its 20 and 88. */
    private int skipMandateAssignment() {
        take(MANDATE_START);
        int mandateRecords = 0;
        while (nextIs(MANDATE_RECORD)) {
            take(MANDATE_RECORD);
            mandateRecords++;
        }
        take(MANDATE_END);
        return mandateRecords;
    }

    private OcrTransaction transaction() {
        OcrRecord item1 = take(AMOUNT_ITEM_1);
        int type = item1.transactionType();
        String transactionNumber = item1.digits(9, 15, "transaction number");
        LocalDate settlementDate = item1.date(16, 21, "settlement date");
        String centreId = item1.digits(22, 23, "centre id");
        String dayCode = item1.digits(24, 25, "day code");
        long amountOre = signedAmount(item1);
        String kid = item1.optionalText(50, 74);

        OcrRecord item2 = takeSameTransaction(AMOUNT_ITEM_2, item1);
        String formNumber = item2.digits(16, 25, "form number");
        String archiveReference = item2.digits(26, 34, "archive reference");
        LocalDate bankDate = item2.optionalDate(42, 47, "bank date");
        String payerAccount = item2.optionalDigits(48, 58, "payer's account");

        String freeText = OcrTransaction.hasFreeText(type) ? takeSameTransaction(AMOUNT_ITEM_3, item1).text(16, 55) : null;
        return new OcrTransaction(type, transactionNumber, settlementDate, centreId, dayCode, amountOre, kid,
                formNumber, archiveReference, bankDate, payerAccount, freeText);
    }

    /** Amount item 1's amount in øre (33–49), negative when its sign (32) is {@code -}. */
    private static long signedAmount(OcrRecord item1) {
        String sign = item1.field(32, 32);
        if (!sign.equals("0") && !sign.equals("-")) {
            throw item1.error(NUMBER_FORMAT, "sign '%s' (position 32) is neither '0' nor '-'".formatted(sign));
        }
        long amountOre = item1.number(33, 49, "amount");
        return sign.equals("-") ? -amountOre : amountOre;
    }

    /** The next record, which must be of {@code kind} and belong to the same transaction as {@code item1}. */
    private OcrRecord takeSameTransaction(RecordKind kind, OcrRecord item1) {
        OcrRecord item = take(kind);
        if (!item.transactionLabel().equals(item1.transactionLabel())) {
            throw item.error(STRUCTURE, "%s belongs to %s, expected %s as amount item 1 on line %d".formatted(
                    kind.description(), item.transactionLabel(), item1.transactionLabel(), item1.lineNumber()));
        }
        return item;
    }

    /**
     * Checks an 88 or 89 against what it closes, from {@code start} on. Both have the same
     * layout: the transaction count (9–16), the record count (17–24) and the total in øre (25–41).
     */
    private void checkEnd(OcrRecord start, OcrRecord end, Tally tally) {
        checkCounts(start, end, tally);
        checkTotal(end, tally);
    }

    private static void checkCounts(OcrRecord start, OcrRecord end, Tally tally) {
        long transactions = end.number(9, 16, "transaction count");
        long records = end.number(17, 24, "record count");
        if (!tally.allowsTransactionCount(transactions)) {
            throw end.error(COUNT_MISMATCH, "transaction count is %d, expected %s".formatted(transactions, tally.expectedTransactionCount()));
        }
        int closedRecords = end.lineNumber() - start.lineNumber() + 1;
        if (records != closedRecords) {
            throw end.error(COUNT_MISMATCH, "record count is %d, expected %d (lines %d–%d)".formatted(
                    records, closedRecords, start.lineNumber(), end.lineNumber()));
        }
    }

    /** The total must match a reading every earlier total matched; the readings it does not match are ruled out. */
    private void checkTotal(OcrRecord end, Tally tally) {
        long total = end.number(25, 41, "total");
        if (readings.stream().noneMatch(reading -> tally.hasTotal(reading, total))) {
            throw end.error(TOTAL_MISMATCH, "total is %d øre, expected %s".formatted(total, tally.expectedTotal(readings)));
        }
        readings.removeIf(reading -> !tally.hasTotal(reading, total));
    }

    private boolean nextIs(RecordKind kind) {
        return next < records.size() && records.get(next).kind() == kind;
    }

    /** The next record, which must be of {@code kind}. */
    private OcrRecord take(RecordKind kind) {
        if (next == records.size()) {
            throw records.get(next - 1).error(STRUCTURE, "the file ends here, expected " + kind.description() + " next");
        }
        OcrRecord record = records.get(next);
        if (record.kind() != kind) {
            throw record.error(STRUCTURE, "expected %s, found %s".formatted(kind.description(), record.kind().description()));
        }
        next++;
        return record;
    }
}
