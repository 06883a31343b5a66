package no.kontor.domain.payment;

import static no.kontor.domain.payment.OcrFileException.COUNT_MISMATCH;
import static no.kontor.domain.payment.OcrFileException.DATE;
import static no.kontor.domain.payment.OcrFileException.EMPTY;
import static no.kontor.domain.payment.OcrFileException.LINE_LENGTH;
import static no.kontor.domain.payment.OcrFileException.NUMBER_FORMAT;
import static no.kontor.domain.payment.OcrFileException.STRUCTURE;
import static no.kontor.domain.payment.OcrFileException.TOTAL_MISMATCH;
import static no.kontor.domain.payment.OcrFileWriter.transaction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import no.kontor.domain.shared.Kid;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The Nets OCR giro file as docs/norway.md#ocr-file ("Incoming payments: Nets OCR giro file") lays it down. */
class OcrFileTest {
    /** Nets' example amount item 1, exactly as the manual prints it (docs/norway.md#ocr-file). */
    static final String NETS_SAMPLE = "NY09103000000022001921320101464000000000000102000                  0036633000000";

    @Nested
    class ValidFiles {

        @Test
        void netsSampleAmountItemReadsAsNetsSays() {
            byte[] file = resource("nets-sample.txt");
            assertThat(new String(file, StandardCharsets.ISO_8859_1).lines().toList().get(2)).isEqualTo(NETS_SAMPLE);

            OcrTransaction sample = OcrFile.parse(file).transactions().get(0);

            assertThat(sample.transactionType()).isEqualTo(10);
            assertThat(sample.transactionNumber()).isEqualTo("0000002");
            assertThat(sample.settlementDate()).isEqualTo(LocalDate.of(1992, 1, 20));
            assertThat(sample.amountOre()).isEqualTo(102_000);
            assertThat(sample.kid()).isEqualTo("0036633");
            assertThat(sample.centreId()).isEqualTo("13");
            assertThat(sample.dayCode()).isEqualTo("20");
            assertThat(sample.isPayment()).isTrue();
        }

        @Test
        void aKidFailingItsCheckDigitIsReadAllTheSame() {
            OcrTransaction sample = OcrFile.parse(resource("nets-sample.txt")).transactions().get(0);

            assertThat(Kid.isValid(sample.kid(), Kid.Algorithm.MOD10)).isFalse();
            assertThat(sample.kid()).isEqualTo("0036633");
        }

        @Test
        void handWrittenFileFieldByField() {
            OcrTransmission transmission = OcrFile.parse(resource("nets-sample.txt"));

            assertThat(transmission.dataTransmitter()).isEqualTo("00008080");
            assertThat(transmission.transmissionNumber()).isEqualTo("0170031");
            assertThat(transmission.dataRecipient()).isEqualTo("00010200");
            assertThat(transmission.assignments()).singleElement().satisfies(assignment -> {
                assertThat(assignment.agreementId()).isEqualTo("001008566");
                assertThat(assignment.assignmentNumber()).isEqualTo("0000002");
                assertThat(assignment.account()).isEqualTo("99991042764");
            });
            assertThat(transmission.transactions()).containsExactly(
                    new OcrTransaction(10, "0000002", LocalDate.of(1992, 1, 20), "13", "20", 102_000, "0036633",
                            "1234567890", "012345678", LocalDate.of(1992, 1, 17), "12345678903", null),
                    new OcrTransaction(21, "0000003", LocalDate.of(1992, 1, 20), "13", "20", 56_000, null,
                            "0000000000", "001020169", null, null, "Husleie mars 1992"));
        }

        @Test
        void crlfFileWithTwoAssignmentsAndAMandateAssignmentBetween() {
            OcrTransmission transmission = OcrFile.parse(resource("two-assignments-crlf.txt"));

            assertThat(transmission.transmissionNumber()).isEqualTo("2603021");
            assertThat(transmission.assignments()).extracting(OcrAssignment::assignmentNumber).containsExactly("0000011", "0000013");
            LocalDate settled = LocalDate.of(2026, 3, 2);
            assertThat(transmission.assignments().get(0).transactions()).containsExactly(
                    new OcrTransaction(10, "0000001", settled, "13", "02", 250_000, "000123456789",
                            "0000000000", "123450001", LocalDate.of(2026, 2, 27), "86011117947", null),
                    new OcrTransaction(20, "0000002", settled, "13", "02", -12_500, null,
                            "0000000000", "123450002", null, "86011117947", "Feil belop, tilbakebetalt"));
            assertThat(transmission.assignments().get(1).transactions()).containsExactly(
                    new OcrTransaction(18, "0000003", settled, "13", "02", 5_000, "0000042",
                            "0000000000", "123450003", LocalDate.of(2026, 3, 1), "86011117947", null),
                    new OcrTransaction(11, "0000004", settled, "13", "02", 99_900, "2345676",
                            "0000000000", "123450004", LocalDate.of(2026, 2, 28), null, null));
        }

        @Test
        void isoLatin1FreeTextWithoutAFinalNewline() {
            byte[] file = resource("latin1-no-final-newline.txt");
            assertThat(file[file.length - 1]).isNotEqualTo((byte) '\n');

            OcrTransaction purchase = OcrFile.parse(file).transactions().get(0);

            assertThat(purchase.freeText()).isEqualTo("Kontingent 2026 Tromsø blåbær ÆØÅ");
            assertThat(purchase.kid()).isEqualTo("1234567890123456789012345");
        }

        @Test
        void freeTextWrittenInIsoLatin1IsDecodedRight() {
            byte[] file = oneAssignment().transaction(transaction(21, 45_000).freeText("Tilbakeføring på ærend")).bytes();
            assertThat(new String(file, StandardCharsets.ISO_8859_1)).contains("Tilbakeføring på ærend");

            assertThat(OcrFile.parse(file).transactions().get(0).freeText()).isEqualTo("Tilbakeføring på ærend");
        }

        @ParameterizedTest
        @CsvSource({"LF, true", "LF, false", "CRLF, true", "CRLF, false"})
        void lineEndsLfOrCrLfWithOrWithoutAFinalOne(String lineEnd, boolean finalLineEnd) {
            OcrFileWriter writer = twoPayments().lineEnd(lineEnd.equals("LF") ? "\n" : "\r\n");
            if (!finalLineEnd) {
                writer.withoutFinalLineEnd();
            }

            assertThat(OcrFile.parse(writer.bytes())).isEqualTo(OcrFile.parse(twoPayments().bytes()));
            assertThat(OcrFile.parse(writer.bytes()).transactions()).hasSize(2);
        }

        @Test
        void everyFieldTheWriterWritesReadsBack() {
            OcrTransmission transmission = OcrFile.parse(new OcrFileWriter().transmissionNumber("2603099").assignment()
                    .transaction(transaction(21, 123_456).kid("000042").settled(LocalDate.of(2026, 2, 27)).formNumber("1234567890")
                            .archiveReference("987654321").bankDate(LocalDate.of(2026, 2, 26)).payerAccount("86011117947").freeText("Faktura 42"))
                    .bytes());

            assertThat(transmission).isEqualTo(new OcrTransmission(OcrFileWriter.DATA_TRANSMITTER, "2603099", OcrFileWriter.DATA_RECIPIENT,
                    List.of(new OcrAssignment(OcrFileWriter.AGREEMENT_ID, "0000001", OcrFileWriter.ACCOUNT, List.of(
                            new OcrTransaction(21, "0000001", LocalDate.of(2026, 2, 27), "13", "27", 123_456, "000042",
                                    "1234567890", "987654321", LocalDate.of(2026, 2, 26), "86011117947", "Faktura 42"))))));
        }

        @Test
        void aFileWithTwoAssignments() {
            OcrTransmission transmission = OcrFile.parse(new OcrFileWriter()
                    .assignment().transaction(transaction(10, 1_000).kid("1234"))
                    .assignment().transaction(transaction(13, 2_000).kid("5678")).transaction(transaction(14, 3_000))
                    .bytes());

            assertThat(transmission.assignments()).extracting(OcrAssignment::assignmentNumber).containsExactly("0000001", "0000002");
            assertThat(transmission.assignments().get(1).transactions()).extracting(OcrTransaction::amountOre).containsExactly(2_000L, 3_000L);
            assertThat(transmission.transactions()).extracting(OcrTransaction::transactionNumber).containsExactly("0000001", "0000002", "0000003");
        }

        @Test
        void aTransmissionWithoutAssignments() {
            assertThat(OcrFile.parse(new OcrFileWriter().bytes()).assignments()).isEmpty();
        }

        @Test
        void aFinalBlankLineIsARecordOfNoCharacters() {
            assertRefused((twoPayments().text() + "\n").getBytes(StandardCharsets.ISO_8859_1),
                    LINE_LENGTH, "line 9: record is 0 characters, expected 80");
        }
    }

    @Nested
    class KidsAndAmounts {

        @Test
        void aKidKeepsItsLeadingZeros() {
            assertThat(readOne(transaction(10, 500).kid("0000000042")).kid()).isEqualTo("0000000042");
        }

        @Test
        void aBlankKidIsNull() {
            assertThat(readOne(transaction(10, 500).kid("")).kid()).isNull();
        }

        @Test
        void aMinusAmountIsNegativeAndNoPayment() {
            OcrTransaction credit = OcrFile.parse(oneAssignment().transaction(transaction(10, 7_000)).transaction(transaction(10, -5_000)).bytes())
                    .transactions().get(1);

            assertThat(credit.amountOre()).isEqualTo(-5_000);
            assertThat(credit.isPayment()).isFalse();
        }

        @Test
        void typesEighteenAndTwentyAreReversalsAndNeverPayments() {
            OcrFileWriter writer = oneAssignment();
            IntStream.rangeClosed(10, 21).forEach(type -> writer.transaction(transaction(type, 1_000)));

            List<OcrTransaction> transactions = OcrFile.parse(writer.bytes()).transactions();

            assertThat(transactions).filteredOn(OcrTransaction::isReversal).extracting(OcrTransaction::transactionType).containsExactly(18, 20);
            assertThat(transactions).filteredOn(OcrTransaction::isPayment).extracting(OcrTransaction::transactionType)
                    .containsExactly(10, 11, 12, 13, 14, 15, 16, 17, 19, 21);
            assertThat(transactions).filteredOn(t -> t.freeText() != null).extracting(OcrTransaction::transactionType).containsExactly(20, 21);
        }

        @Test
        void aBankDateOfZerosAndAPayerAccountOfZerosAreUnknown() {
            OcrTransaction unknown = readOne(transaction(10, 500));
            OcrTransaction known = readOne(transaction(10, 500).bankDate(LocalDate.of(2026, 2, 27)).payerAccount("86011117947"));

            assertThat(unknown.bankDate()).isNull();
            assertThat(unknown.payerAccount()).isNull();
            assertThat(known.bankDate()).isEqualTo(LocalDate.of(2026, 2, 27));
            assertThat(known.payerAccount()).isEqualTo("86011117947");
        }

        @ParameterizedTest
        @CsvSource({"1970-01-01", "1999-12-31", "2000-01-01", "2026-03-02", "2069-12-31", "2024-02-29"})
        void twoDigitYearsBelowSeventyAreInTheTwoThousands(LocalDate settled) {
            assertThat(readOne(transaction(10, 500).settled(settled)).settlementDate()).isEqualTo(settled);
        }
    }

    @Nested
    class Totals {

        @ParameterizedTest
        @ValueSource(booleans = {false, true})
        void minusAmountsDeductedOrAddedAreBothAccepted(boolean added) {
            OcrFileWriter writer = oneAssignment().transaction(transaction(10, 10_000)).transaction(transaction(10, -2_500));
            if (added) {
                writer.creditsAddedToTotals();
            }
            assertThat(writer.lines().get(6)).startsWith("NY090088").contains(added ? "00000000000012500" : "00000000000007500");

            assertThat(OcrFile.parse(writer.bytes()).transactions()).extracting(OcrTransaction::amountOre).containsExactly(10_000L, -2_500L);
        }

        @Test
        void aTotalMatchingNeitherReadingIsRefused() {
            byte[] file = oneAssignment().transaction(transaction(10, 10_000)).transaction(transaction(10, -2_500))
                    .assignmentTotalOffBy(1).bytes();

            assertRefused(file, TOTAL_MISMATCH,
                    "line 7: total is 7501 øre, expected 7500 øre with '-' amounts deducted or 12500 øre with '-' amounts added");
        }

        @Test
        void aTotalWithoutMinusAmountsHasOneExpectedValue() {
            assertRefused(twoPayments().assignmentTotalOffBy(-1).bytes(), TOTAL_MISMATCH, "line 7: total is 2999 øre, expected 3000 øre");
        }

        @Test
        void allTotalsMustAgreeOnOneReading() {
            byte[] deductedThenAdded = oneAssignment().transaction(transaction(10, 10_000)).transaction(transaction(10, -2_500))
                    .transmissionTotalOffBy(5_000).bytes();

            assertRefused(deductedThenAdded, TOTAL_MISMATCH, "line 8: total is 12500 øre, expected 7500 øre with '-' amounts deducted");
        }

        @Test
        void theTransmissionTotalMustBeTheSumOfTheAssignmentTotals() {
            byte[] firstAssignmentOnly = new OcrFileWriter()
                    .assignment().transaction(transaction(10, 1_000))
                    .assignment().transaction(transaction(10, 2_000))
                    .transmissionTotalOffBy(-2_000).bytes();

            assertRefused(firstAssignmentOnly, TOTAL_MISMATCH, "line 10: total is 1000 øre, expected 3000 øre");
        }

        @Test
        void amountsBeyondWhatALongCanAddUpAreSummedExactly() {
            OcrFileWriter writer = oneAssignment();
            for (int i = 0; i < 100; i++) {
                writer.transaction(transaction(10, 99_999_999_999_999_999L)).transaction(transaction(10, -99_999_999_999_999_999L));
            }

            assertThat(OcrFile.parse(writer.bytes()).transactions()).hasSize(200);
        }
    }

    @Nested
    class Counts {

        @ParameterizedTest
        @ValueSource(ints = {-1, 1})
        void anAssignmentEndsTransactionCountOffByOneIsRefused(int delta) {
            assertRefused(twoPayments().assignmentTransactionCountOffBy(delta).bytes(), COUNT_MISMATCH,
                    "line 7: transaction count is %d, expected 2".formatted(2 + delta));
        }

        @ParameterizedTest
        @ValueSource(ints = {-1, 1})
        void anAssignmentEndsRecordCountOffByOneIsRefused(int delta) {
            assertRefused(twoPayments().assignmentRecordCountOffBy(delta).bytes(), COUNT_MISMATCH,
                    "line 7: record count is %d, expected 6 (lines 2–7)".formatted(6 + delta));
        }

        @ParameterizedTest
        @ValueSource(ints = {-1, 1})
        void theTransmissionEndsTransactionCountOffByOneIsRefused(int delta) {
            assertRefused(twoPayments().transmissionTransactionCountOffBy(delta).bytes(), COUNT_MISMATCH,
                    "line 8: transaction count is %d, expected 2".formatted(2 + delta));
        }

        @ParameterizedTest
        @ValueSource(ints = {-1, 1})
        void theTransmissionEndsRecordCountOffByOneIsRefused(int delta) {
            assertRefused(twoPayments().transmissionRecordCountOffBy(delta).bytes(), COUNT_MISMATCH,
                    "line 8: record count is %d, expected 8 (lines 1–8)".formatted(8 + delta));
        }

        @Test
        void theTransmissionCountsMustBeTheSumsOfTheAssignmentCounts() {
            byte[] firstAssignmentOnly = new OcrFileWriter()
                    .assignment().transaction(transaction(10, 1_000))
                    .assignment().transaction(transaction(10, 2_000)).transaction(transaction(21, 3_000))
                    .transmissionTransactionCountOffBy(-2).bytes();

            assertRefused(firstAssignmentOnly, COUNT_MISMATCH, "line 13: transaction count is 1, expected 3");
        }

        @ParameterizedTest
        @ValueSource(booleans = {true, false})
        void aMandateAssignmentIsToleratedWithOrWithoutItsMandatesInTheTransactionCount(boolean counted) {
            OcrFileWriter writer = twoPayments().mandateAssignment("000123456789", "0000000000042");
            if (!counted) {
                writer.mandatesLeftOutOfTransactionCount();
            }
            assertThat(writer.lines().get(11)).startsWith("NY000089" + (counted ? "00000004" : "00000002") + "00000012");

            OcrTransmission transmission = OcrFile.parse(writer.bytes());

            assertThat(transmission.assignments()).hasSize(1);
            assertThat(transmission.transactions()).hasSize(2);
        }

        @Test
        void aMandateAssignmentsLinesCountInTheTransmissionsRecordCount() {
            byte[] mandateLinesLeftOut = twoPayments().mandateAssignment("000123456789").transmissionRecordCountOffBy(-3).bytes();

            assertRefused(mandateLinesLeftOut, COUNT_MISMATCH, "line 11: record count is 8, expected 11 (lines 1–11)");
        }

        @Test
        void aTransactionCountWrongEitherWayWithMandatesIsRefused() {
            byte[] file = twoPayments().mandateAssignment("000123456789").transmissionTransactionCountOffBy(1).bytes();

            assertRefused(file, COUNT_MISMATCH, "line 11: transaction count is 4, expected 2 (or 3 counting the AvtaleGiro mandates)");
        }
    }

    @Nested
    class Structure {

        @Test
        void theTransmissionStartMustComeFirst() {
            List<String> lines = twoPayments().lines();
            lines.remove(0);

            assertRefused(lines, STRUCTURE, "line 1: expected transmission start (NY000010), found assignment start (NY090020)");
        }

        @Test
        void nothingMayFollowTheTransmissionEnd() {
            List<String> lines = twoPayments().lines();
            lines.add(lines.get(0));

            assertRefused(lines, STRUCTURE, "line 9: data after the transmission end on line 8");
        }

        @Test
        void theTransmissionEndMustCome() {
            List<String> lines = twoPayments().lines();
            lines.remove(lines.size() - 1);

            assertRefused(lines, STRUCTURE, "line 7: the file ends here, expected transmission end (NY000089) next");
        }

        @Test
        void anAssignmentMustBeClosedByItsEnd() {
            assertRefused(twoPayments().withoutAssignmentEnd().bytes(), STRUCTURE,
                    "line 7: expected assignment end (NY090088), found transmission end (NY000089)");
        }

        @Test
        void anAmountItem2MustFollowItsAmountItem1() {
            List<String> lines = twoPayments().lines();
            lines.remove(2);

            assertRefused(lines, STRUCTURE, "line 3: expected assignment end (NY090088), found amount item 2 (NY09tt31)");
        }

        @Test
        void anAmountItem1MustBeFollowedByItsAmountItem2() {
            List<String> lines = twoPayments().lines();
            lines.remove(3);

            assertRefused(lines, STRUCTURE, "line 4: expected amount item 2 (NY09tt31), found amount item 1 (NY09tt30)");
        }

        @Test
        void anAmountItem2MustHaveTheTransactionNumberOfItsAmountItem1() {
            List<String> lines = twoPayments().lines();
            lines.set(3, lines.get(3).substring(0, 8) + "0000009" + lines.get(3).substring(15));

            assertRefused(lines, STRUCTURE, "line 4: amount item 2 (NY09tt31) belongs to transaction 0000009 of type 10, "
                    + "expected transaction 0000001 of type 10 as amount item 1 on line 3");
        }

        @Test
        void anAmountItem2MustHaveTheTransactionTypeOfItsAmountItem1() {
            List<String> lines = twoPayments().lines();
            lines.set(3, "NY091131" + lines.get(3).substring(8));

            assertRefused(lines, STRUCTURE, "line 4: amount item 2 (NY09tt31) belongs to transaction 0000001 of type 11, "
                    + "expected transaction 0000001 of type 10 as amount item 1 on line 3");
        }

        @ParameterizedTest
        @ValueSource(ints = {20, 21})
        void typesTwentyAndTwentyOneMustHaveAnAmountItem3(int type) {
            List<String> lines = oneAssignment().transaction(transaction(type, 500).freeText("Tekst")).lines();
            lines.remove(4);

            assertRefused(lines, STRUCTURE, "line 5: expected amount item 3 (NY09tt32), found assignment end (NY090088)");
        }

        @Test
        void otherTypesMustNotHaveAnAmountItem3() {
            List<String> lines = twoPayments().lines();
            lines.add(4, "NY091032" + lines.get(3).substring(8, 15) + " ".repeat(40) + "0".repeat(25));

            assertRefused(lines, STRUCTURE, "line 5: expected assignment end (NY090088), found amount item 3 (NY09tt32)");
        }

        @ParameterizedTest
        @CsvSource({"NY090099, 2", "NY092230, 3", "NY090030, 3", "NY091033, 3", "NY092424, 2", "XY000010, 1", "ny000010, 1"})
        void anUnknownRecordIsRefused(String prefix, int line) {
            List<String> lines = twoPayments().lines();
            lines.set(line - 1, prefix + lines.get(line - 1).substring(8));

            assertRefused(lines, STRUCTURE, "line %d: unknown record type '%s'".formatted(line, prefix));
        }

        @Test
        void anAvtaleGiroRecordOutsideAMandateAssignmentIsRefused() {
            List<String> lines = twoPayments().lines();
            lines.set(2, "NY219470" + lines.get(2).substring(8));

            assertRefused(lines, STRUCTURE, "line 3: expected assignment end (NY090088), found AvtaleGiro record (NY21....)");
        }

        @Test
        void aMandateAssignmentMustBeClosedByItsEnd() {
            List<String> lines = twoPayments().mandateAssignment("000123456789").lines();
            lines.remove(9);

            assertRefused(lines, STRUCTURE,
                    "line 10: expected AvtaleGiro mandate assignment end (NY212488), found transmission end (NY000089)");
        }
    }

    @Nested
    class Fields {

        @ParameterizedTest
        @ValueSource(ints = {79, 81})
        void aRecordOfOtherThanEightyCharactersIsRefused(int length) {
            List<String> lines = twoPayments().lines();
            lines.set(2, (lines.get(2) + "0").substring(0, length));

            assertRefused(lines, LINE_LENGTH, "line 3: record is %d characters, expected 80".formatted(length));
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
                1 | 17 | " " | transmission number ' 000001' (positions 17–23) is not a number
                2 |  9 | " " | agreement id ' 01008566' (positions 9–17) is not a number
                3 |  9 | " " | transaction number ' 000001' (positions 9–15) is not a number
                3 | 16 | O   | settlement date 'O20326' (positions 16–21) is not a number
                3 | 32 | " " | sign ' ' (position 32) is neither '0' nor '-'
                3 | 32 | "+" | sign '+' (position 32) is neither '0' nor '-'
                3 | 49 | O   | amount '0000000000000100O' (positions 33–49) is not a number
                4 | 26 | " " | archive reference ' 00000000' (positions 26–34) is not a number
                4 | 48 | " " | payer's account ' 0000000000' (positions 48–58) is not a number
                7 |  9 | " " | transaction count ' 0000002' (positions 9–16) is not a number
                7 | 17 | x   | record count 'x0000006' (positions 17–24) is not a number
                8 | 25 | " " | total ' 0000000000003000' (positions 25–41) is not a number
                """)
        void aNumericFieldHoldsDigitsOnly(int line, int position, char replacement, String problem) {
            List<String> lines = twoPayments().lines();
            String record = lines.get(line - 1);
            lines.set(line - 1, record.substring(0, position - 1) + replacement + record.substring(position));

            assertRefused(lines, NUMBER_FORMAT, "line " + line + ": " + problem);
        }

        @ParameterizedTest
        @ValueSource(strings = {"320192", "290225", "001292", "011392"})
        void anImpossibleSettlementDateIsRefused(String ddmmyy) {
            List<String> lines = twoPayments().lines();
            lines.set(2, lines.get(2).substring(0, 15) + ddmmyy + lines.get(2).substring(21));

            assertRefused(lines, DATE, "line 3: settlement date '%s' (positions 16–21) is not a date DDMMYY".formatted(ddmmyy));
        }

        @Test
        void anImpossibleBankDateIsRefused() {
            List<String> lines = twoPayments().lines();
            lines.set(3, lines.get(3).substring(0, 41) + "310426" + lines.get(3).substring(47));

            assertRefused(lines, DATE, "line 4: bank date '310426' (positions 42–47) is not a date DDMMYY");
        }

        @Test
        void anEmptyFileIsRefused() {
            assertRefused(new byte[0], EMPTY, "the file is empty");
            assertRefused((byte[]) null, EMPTY, "the file is empty");
        }
    }

    private static OcrFileWriter oneAssignment() {
        return new OcrFileWriter().assignment();
    }

    /** Lines: 10, 20, 30, 31, 30, 31, 88, 89. */
    private static OcrFileWriter twoPayments() {
        return oneAssignment().transaction(transaction(10, 1_000).kid("1234")).transaction(transaction(12, 2_000).kid("5678"));
    }

    private static OcrTransaction readOne(OcrFileWriter.Transaction transaction) {
        return OcrFile.parse(oneAssignment().transaction(transaction).bytes()).transactions().get(0);
    }

    private static byte[] resource(String name) {
        try (InputStream in = OcrFileTest.class.getResourceAsStream("/ocr/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertRefused(List<String> lines, String code, String message) {
        assertRefused(OcrFileWriter.bytes(lines), code, message);
    }

    private static void assertRefused(byte[] content, String code, String message) {
        OcrFileException refused = catchThrowableOfType(OcrFileException.class, () -> OcrFile.parse(content));

        assertThat(refused).as("refused").isNotNull();
        assertThat(refused.code()).isEqualTo(code);
        assertThat(refused).hasMessage(message);
    }
}
