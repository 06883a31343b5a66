package no.kontor.domain.payment;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Writes Nets OCR giro files for tests, to the layout of docs/norway.md#ocr-file ("Incoming payments:
 * Nets OCR giro file"): valid by default, with every count and total computed here, on
 * purpose independently of the parser, and switches that break one rule at a time.
 * <pre>{@code
 * byte[] file = new OcrFileWriter()
 *         .assignment()
 *         .transaction(OcrFileWriter.transaction(10, 102_000).kid("0036633"))
 *         .transaction(OcrFileWriter.transaction(20, -5_000).freeText("Tilbakeføring"))
 *         .mandateAssignment("000123456789")
 *         .bytes();
 * }</pre>
 * Transactions go into the last OCR giro assignment and are numbered 1, 2, … through the
 * file; types 20 and 21 get their amount item 3. Totals deduct {@code -} amounts (Nets'
 * Norwegian example) unless {@link #creditsAddedToTotals()}; the 89's transaction count
 * includes the mandates of mandate assignments unless {@link #mandatesLeftOutOfTransactionCount()}.
 * The output is ISO-8859-1, lines ended by LF (or {@link #lineEnd}), the last one too
 * (unless {@link #withoutFinalLineEnd()}).
 */
public final class OcrFileWriter {
    /** The settlement date of a transaction that names none. */
    public static final LocalDate SETTLED = LocalDate.of(2026, 3, 2);
    public static final String DATA_TRANSMITTER = "00008080";
    public static final String DATA_RECIPIENT = "00010200";
    /** Every OCR giro assignment's agreement id and account. */
    public static final String AGREEMENT_ID = "001008566";
    public static final String ACCOUNT = "12345678903";

    private static final int RECORD_LENGTH = 80;
    private static final DateTimeFormatter DDMMYY = DateTimeFormatter.ofPattern("ddMMyy");

    private final List<Section> sections = new ArrayList<>();
    private final Breakage transmissionEnd = new Breakage();
    private String transmissionNumber = "0000001";
    private int nextTransactionNumber = 1;
    private boolean creditsAdded;
    private boolean mandatesCounted = true;
    private String lineEnd = "\n";
    private boolean finalLineEnd = true;

    /** A transaction of {@code type} (10–21) for {@code amountOre}, negative for a {@code -} amount. */
    public static Transaction transaction(int type, long amountOre) {
        return new Transaction(type, amountOre);
    }

    /** {@code lines} as a file: ISO-8859-1, each line ended by LF. */
    public static byte[] bytes(List<String> lines) {
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    public OcrFileWriter transmissionNumber(String number) {
        this.transmissionNumber = number;
        return this;
    }

    /** Starts an OCR giro assignment under {@link #AGREEMENT_ID}, numbered after its place in the file. */
    public OcrFileWriter assignment() {
        return assignment(AGREEMENT_ID, digits(sections.size() + 1, 7));
    }

    /** Starts an OCR giro assignment under agreement {@code agreementId} (9 digits) with {@code number} (7 digits). */
    public OcrFileWriter assignment(String agreementId, String number) {
        sections.add(new Assignment(agreementId, number));
        return this;
    }

    public OcrFileWriter transaction(Transaction transaction) {
        lastAssignment().entries.add(new Entry(nextTransactionNumber++, transaction));
        return this;
    }

    /** Adds an AvtaleGiro mandate assignment ({@code NY212420}) with one mandate ({@code NY219470}) per KID. */
    public OcrFileWriter mandateAssignment(String... kids) {
        sections.add(new MandateAssignment(digits(sections.size() + 1, 7), List.of(kids)));
        return this;
    }

    public OcrFileWriter assignmentTransactionCountOffBy(int delta) {
        lastAssignment().end.transactionDelta += delta;
        return this;
    }

    public OcrFileWriter assignmentRecordCountOffBy(int delta) {
        lastAssignment().end.recordDelta += delta;
        return this;
    }

    public OcrFileWriter assignmentTotalOffBy(long deltaOre) {
        lastAssignment().end.totalDelta += deltaOre;
        return this;
    }

    /** Leaves out the last assignment's end (88). */
    public OcrFileWriter withoutAssignmentEnd() {
        lastAssignment().end.omitted = true;
        return this;
    }

    public OcrFileWriter transmissionTransactionCountOffBy(int delta) {
        transmissionEnd.transactionDelta += delta;
        return this;
    }

    public OcrFileWriter transmissionRecordCountOffBy(int delta) {
        transmissionEnd.recordDelta += delta;
        return this;
    }

    public OcrFileWriter transmissionTotalOffBy(long deltaOre) {
        transmissionEnd.totalDelta += deltaOre;
        return this;
    }

    /** Totals add {@code -} amounts as if unsigned instead of deducting them. */
    public OcrFileWriter creditsAddedToTotals() {
        creditsAdded = true;
        return this;
    }

    /** The 89's transaction count leaves out the mandates of mandate assignments. */
    public OcrFileWriter mandatesLeftOutOfTransactionCount() {
        mandatesCounted = false;
        return this;
    }

    public OcrFileWriter lineEnd(String lineEnd) {
        this.lineEnd = lineEnd;
        return this;
    }

    public OcrFileWriter withoutFinalLineEnd() {
        finalLineEnd = false;
        return this;
    }

    /** The records, 10 to 89. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add(record("NY000010", DATA_TRANSMITTER, transmissionNumber, DATA_RECIPIENT, zeros(49)));
        sections.forEach(section -> lines.addAll(section.lines()));
        long transactions = sections.stream().mapToLong(section -> section.transactions() + (mandatesCounted ? section.mandates() : 0)).sum();
        long total = sections.stream().mapToLong(Section::total).sum();
        lines.add(record("NY000089", transmissionEnd.transactions(transactions), transmissionEnd.records(lines.size() + 1),
                transmissionEnd.total(total), ddmmyy(SETTLED), zeros(33)));
        return lines;
    }

    public String text() {
        return String.join(lineEnd, lines()) + (finalLineEnd ? lineEnd : "");
    }

    public byte[] bytes() {
        return text().getBytes(StandardCharsets.ISO_8859_1);
    }

    private Assignment lastAssignment() {
        for (int i = sections.size() - 1; i >= 0; i--) {
            if (sections.get(i) instanceof Assignment assignment) {
                return assignment;
            }
        }
        throw new IllegalStateException("no assignment yet: call assignment() first");
    }

    private long contribution(long amountOre) {
        return creditsAdded ? Math.abs(amountOre) : amountOre;
    }

    private static String record(String... fields) {
        String record = String.join("", fields);
        if (record.length() != RECORD_LENGTH) {
            throw new IllegalArgumentException("a record of " + record.length() + " characters: " + record);
        }
        return record;
    }

    private static String digits(long value, int width) {
        return String.format("%0" + width + "d", value);
    }

    private static String zeros(int width) {
        return "0".repeat(width);
    }

    private static String ddmmyy(LocalDate date) {
        return date == null ? "000000" : DDMMYY.format(date);
    }

    /** One assignment in the file, as lines, with what it adds to the 89. */
    private interface Section {
        List<String> lines();

        long transactions();

        long mandates();

        long total();
    }

    /** What to get wrong in an 88 or 89. */
    private static final class Breakage {
        private int transactionDelta;
        private int recordDelta;
        private long totalDelta;
        private boolean omitted;

        String transactions(long actual) {
            return digits(actual + transactionDelta, 8);
        }

        String records(long actual) {
            return digits(actual + recordDelta, 8);
        }

        String total(long actual) {
            return digits(actual + totalDelta, 17);
        }
    }

    private record Entry(int number, Transaction transaction) {
    }

    private final class Assignment implements Section {
        private final String agreementId;
        private final String number;
        private final List<Entry> entries = new ArrayList<>();
        private final Breakage end = new Breakage();

        Assignment(String agreementId, String number) {
            this.agreementId = agreementId;
            this.number = number;
        }

        @Override
        public List<String> lines() {
            List<String> lines = new ArrayList<>();
            lines.add(record("NY090020", agreementId, number, ACCOUNT, zeros(45)));
            entries.forEach(entry -> lines.addAll(entry.transaction().lines(entry.number())));
            if (!end.omitted) {
                LocalDate earliest = entries.stream().map(entry -> entry.transaction().settled).min(Comparator.naturalOrder()).orElse(SETTLED);
                LocalDate latest = entries.stream().map(entry -> entry.transaction().settled).max(Comparator.naturalOrder()).orElse(SETTLED);
                lines.add(record("NY090088", end.transactions(entries.size()), end.records(lines.size() + 1), end.total(total()),
                        ddmmyy(latest), ddmmyy(earliest), ddmmyy(latest), zeros(21)));
            }
            return lines;
        }

        @Override
        public long transactions() {
            return entries.size();
        }

        @Override
        public long mandates() {
            return 0;
        }

        @Override
        public long total() {
            return entries.stream().mapToLong(entry -> contribution(entry.transaction().amountOre)).sum();
        }
    }

    private record MandateAssignment(String number, List<String> kids) implements Section {
        @Override
        public List<String> lines() {
            List<String> lines = new ArrayList<>();
            lines.add(record("NY212420", zeros(9), number, ACCOUNT, zeros(45)));
            for (int i = 0; i < kids.size(); i++) {
                lines.add(record("NY219470", digits(i + 1, 7), "1", rightAligned(kids.get(i), 25), "J", zeros(38)));
            }
            lines.add(record("NY212488", digits(kids.size(), 8), digits(kids.size() + 2, 8), zeros(56)));
            return lines;
        }

        @Override
        public long transactions() {
            return 0;
        }

        @Override
        public long mandates() {
            return kids.size();
        }

        @Override
        public long total() {
            return 0;
        }
    }

    private static String rightAligned(String text, int width) {
        return " ".repeat(Math.max(0, width - text.length())) + text;
    }

    private static String leftAligned(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }

    /** One transaction's content; its number is given by the writer. */
    public static final class Transaction {
        private final int type;
        private final long amountOre;
        private String kid = "";
        private LocalDate settled = SETTLED;
        private String formNumber = zeros(10);
        private String archiveReference = zeros(9);
        private LocalDate bankDate;
        private String payerAccount = zeros(11);
        private String freeText = "";

        private Transaction(int type, long amountOre) {
            this.type = type;
            this.amountOre = amountOre;
        }

        public Transaction kid(String kid) {
            this.kid = kid;
            return this;
        }

        public Transaction settled(LocalDate date) {
            this.settled = date;
            return this;
        }

        public Transaction formNumber(String formNumber) {
            this.formNumber = formNumber;
            return this;
        }

        public Transaction archiveReference(String archiveReference) {
            this.archiveReference = archiveReference;
            return this;
        }

        /** The payer's bank's date; none ({@code 000000}) unless given. */
        public Transaction bankDate(LocalDate date) {
            this.bankDate = date;
            return this;
        }

        public Transaction payerAccount(String account) {
            this.payerAccount = account;
            return this;
        }

        /** The free text of amount item 3, written for types 20 and 21 only. */
        public Transaction freeText(String text) {
            this.freeText = text;
            return this;
        }

        /** Amount items 1, 2 and, for types 20 and 21, 3; centre 13 and partial settlement 1/01464 as in Nets' example. */
        List<String> lines(int number) {
            String prefix = "NY09" + type;
            String transactionNumber = digits(number, 7);
            List<String> lines = new ArrayList<>(List.of(
                    record(prefix + "30", transactionNumber, ddmmyy(settled), "13", digits(settled.getDayOfMonth(), 2), "1", "01464",
                            amountOre < 0 ? "-" : "0", digits(Math.abs(amountOre), 17), rightAligned(kid, 25), zeros(6)),
                    record(prefix + "31", transactionNumber, formNumber, archiveReference, zeros(7), ddmmyy(bankDate), payerAccount, zeros(22))));
            if (type == 20 || type == 21) {
                lines.add(record(prefix + "32", transactionNumber, leftAligned(freeText, 40), zeros(25)));
            }
            return lines;
        }
    }
}
