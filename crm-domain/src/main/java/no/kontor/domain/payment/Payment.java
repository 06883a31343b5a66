package no.kontor.domain.payment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import no.kontor.domain.invoice.InvoiceId;
import no.kontor.domain.shared.ConflictException;
import no.kontor.domain.shared.Validator;

/**
 * Money that came in (or, with a negative amount, went back out) for an invoice: by
 * hand, or a transaction of the bank's OCR file. A payment whose KID matches no
 * invoice waits on the unmatched list until a manager assigns it. A reversal (OCR
 * types 18 and 20) is kept as what it is and never booked against an invoice.
 *
 * @param bankReference for an OCR transaction, how the bank refers to it (its settlement
 *                      date, transaction number and archive reference), for people to
 *                      look it up; not unique: another bank may repeat it. Null by hand.
 * @param bankKey       for an OCR transaction, what makes it unique at the bank: a
 *                      transaction with this key is registered once, whichever file brings
 *                      it. Null by hand, and for OCR payments imported before it was kept.
 */
public record Payment(Long id, InvoiceId invoiceId, Kind kind, Source source, long amount, LocalDate paidOn, String kid,
                      String bankReference, BankTransactionKey bankKey, Long importId, String registeredBy, Instant registeredAt) {

    public static final long MAX_AMOUNT = 100_000_000_000L;

    public enum Kind { PAYMENT, REVERSAL }

    public enum Source { MANUAL, OCR }

    public Payment {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(paidOn, "paidOn");
        Objects.requireNonNull(registeredBy, "registeredBy");
        Objects.requireNonNull(registeredAt, "registeredAt");
    }

    /** A payment typed in by hand: a positive amount, on a day that is not in the future. */
    public static Payment manual(InvoiceId invoice, Long amount, LocalDate paidOn, String kid, LocalDate today, String actor,
                                 Instant now) {
        new Validator()
                .require(amount != null && amount > 0 && amount <= MAX_AMOUNT, "amount", "payment.amount-invalid",
                        "A payment is 1–" + MAX_AMOUNT + " øre")
                .require(paidOn != null && !paidOn.isAfter(today), "paidOn", "payment.date-invalid",
                        "A payment's date is given and not in the future")
                .throwIfInvalid();
        return new Payment(null, invoice, Kind.PAYMENT, Source.MANUAL, amount, paidOn, kid, null, null, null, actor, now);
    }

    /**
     * Transaction {@code t} of {@code assignment} in an imported OCR file; {@code invoice} is the
     * invoice its KID matched, or null. Paid on its settlement date.
     */
    public static Payment fromOcr(OcrAssignment assignment, OcrTransaction t, InvoiceId invoice, long importId, String actor,
                                  Instant now) {
        return new Payment(null, t.isReversal() ? null : invoice, t.isReversal() ? Kind.REVERSAL : Kind.PAYMENT, Source.OCR,
                t.amountOre(), t.settlementDate(), t.kid(), bankReference(t), BankTransactionKey.of(assignment, t), importId, actor, now);
    }

    /** How the bank refers to an OCR transaction: settlement date, transaction number, archive reference. */
    public static String bankReference(OcrTransaction t) {
        return t.settlementDate() + "/" + t.transactionNumber() + "/" + t.archiveReference();
    }

    /** Whether it waits for a manager to assign it to an invoice. */
    public boolean isUnmatched() {
        return kind == Kind.PAYMENT && invoiceId == null;
    }

    /** This unmatched payment, assigned to {@code invoice}. */
    public Payment assignedTo(InvoiceId invoice) {
        if (!isUnmatched()) {
            throw new ConflictException("payment.not-unmatched", "Payment " + id + " is " + (kind == Kind.REVERSAL ? "a reversal"
                    : "already on invoice " + invoiceId) + " and cannot be assigned");
        }
        return new Payment(id, invoice, kind, source, amount, paidOn, kid, bankReference, bankKey, importId, registeredBy, registeredAt);
    }

    public Payment withId(long newId) {
        return new Payment(newId, invoiceId, kind, source, amount, paidOn, kid, bankReference, bankKey, importId, registeredBy, registeredAt);
    }

    public Map<String, Object> auditFields() {
        var m = new LinkedHashMap<String, Object>();
        m.put("invoiceId", invoiceId == null ? null : invoiceId.value());
        m.put("kind", kind.name());
        m.put("source", source.name());
        m.put("amount", amount);
        m.put("paidOn", paidOn.toString());
        m.put("kid", kid);
        m.put("bankReference", bankReference);
        m.put("bankKey", bankKey == null ? null : bankKey.toString());
        return m;
    }
}
