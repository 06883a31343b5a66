package no.kontor.domain.payment;

import java.util.List;

/**
 * One OCR giro file as Nets sent it: the transmission start (record 10) and its OCR giro
 * assignments in file order. AvtaleGiro mandate assignments the file may carry are not
 * here: they tell nothing about payments (see {@link OcrFile}). The transmission number is
 * what makes a second import of the same file recognisable (docs/norway.md#ocr-file).
 */
public record OcrTransmission(String dataTransmitter, String transmissionNumber, String dataRecipient,
                              List<OcrAssignment> assignments) {

    public OcrTransmission {
        assignments = List.copyOf(assignments);
    }

    /** Every assignment's transactions, in file order. */
    public List<OcrTransaction> transactions() {
        return assignments.stream().flatMap(assignment -> assignment.transactions().stream()).toList();
    }
}
