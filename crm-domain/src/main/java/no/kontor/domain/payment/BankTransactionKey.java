package no.kontor.domain.payment;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What makes an OCR transaction unique at the bank: the agreement and the assignment it
 * was settled in, its transaction number within the assignment, and its settlement date
 * (positions 16–21 of amount item 1). A transaction with this key is registered once,
 * whichever file brings it. The archive reference is not part of it: another bank may
 * print the same one.
 *
 * @param agreementId      the assignment's agreement id (record 20, positions 9–17)
 * @param assignmentNumber the assignment's number (record 20, positions 18–24)
 * @param transactionNumber the transaction's number (amount item 1, positions 9–15)
 * @param settlementDate   Nets' settlement date
 */
public record BankTransactionKey(String agreementId, String assignmentNumber, String transactionNumber, LocalDate settlementDate) {

    public BankTransactionKey {
        Objects.requireNonNull(agreementId, "agreementId");
        Objects.requireNonNull(assignmentNumber, "assignmentNumber");
        Objects.requireNonNull(transactionNumber, "transactionNumber");
        Objects.requireNonNull(settlementDate, "settlementDate");
    }

    /** The key of {@code transaction}, one of {@code assignment}'s. */
    public static BankTransactionKey of(OcrAssignment assignment, OcrTransaction transaction) {
        return new BankTransactionKey(assignment.agreementId(), assignment.assignmentNumber(), transaction.transactionNumber(),
                transaction.settlementDate());
    }

    /** As shown: agreement/assignment/transaction/date. */
    @Override
    public String toString() {
        return agreementId + "/" + assignmentNumber + "/" + transactionNumber + "/" + settlementDate;
    }
}
