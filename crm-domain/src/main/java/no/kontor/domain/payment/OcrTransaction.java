package no.kontor.domain.payment;

import java.time.LocalDate;

/**
 * One transaction of an OCR giro file: amount item 1 (record 30), amount item 2 (31) and,
 * for types 20 and 21, amount item 3 (32), as docs/norway.md#ocr-file lays them out.
 *
 * <p>Transaction types: 10 giro debited account, 11 standing order, 12 direct remittance,
 * 13 business terminal giro, 14 counter giro, 15 AvtaleGiro, 16 telegiro, 17 cash giro,
 * 18 reversal with KID, 19 purchase with KID, 20 reversal with free text, 21 purchase
 * with free text. Reversals are money going back to the payer and never a payment.
 *
 * <p>Dates are read from DDMMYY with a two-digit year below 70 in the 2000s and the rest
 * in the 1900s (Nets' own example is from 1992).
 *
 * @param transactionType  10–21, see above
 * @param transactionNumber the number Nets gave it in the file, seven digits
 * @param settlementDate   Nets' settlement date
 * @param centreId         the Nets centre that settled it
 * @param dayCode          Nets' day code
 * @param amountOre        the amount in øre, negative when signed {@code -} (a credit)
 * @param kid              the KID as written, leading zeros kept; {@code null} when blank.
 *                         Not checked against any check-digit rule: a KID that matches no
 *                         invoice belongs on the unmatched list, not in a refused file
 * @param formNumber       the giro form's number
 * @param archiveReference the bank's archive reference; with the settlement date and the
 *                         transaction number what tells a payment imported twice
 * @param bankDate         the payer's bank's date; {@code null} when given as {@code 000000}
 * @param payerAccount     the payer's account; {@code null} when unknown (all zeros)
 * @param freeText         the free text of amount item 3, blanks trimmed; {@code null} for
 *                         types other than 20 and 21, which have no amount item 3
 */
public record OcrTransaction(int transactionType, String transactionNumber, LocalDate settlementDate,
                             String centreId, String dayCode, long amountOre, String kid,
                             String formNumber, String archiveReference, LocalDate bankDate,
                             String payerAccount, String freeText) {

    /** Types 18 and 20: money going back to the payer. */
    public boolean isReversal() {
        return transactionType == 18 || transactionType == 20;
    }

    /** Money received: not a reversal, and more than nothing. */
    public boolean isPayment() {
        return !isReversal() && amountOre > 0;
    }

    /** Types 20 and 21 carry a free text in amount item 3; no other type has that record. */
    static boolean hasFreeText(int transactionType) {
        return transactionType == 20 || transactionType == 21;
    }
}
