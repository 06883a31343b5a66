package no.kontor.domain.payment;

import java.util.List;

/**
 * One OCR giro assignment (records 20 to 88): the payments Nets settled to one account
 * ({@code account}, the payee's) under one agreement, in file order.
 */
public record OcrAssignment(String agreementId, String assignmentNumber, String account,
                            List<OcrTransaction> transactions) {

    public OcrAssignment {
        transactions = List.copyOf(transactions);
    }
}
