package no.kontor.domain.invoice;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import no.kontor.domain.shared.ConflictException;

/**
 * A written reminder (purring) of an unpaid invoice, by e-mail and PDF, following the
 * rules of docs/norway.md#reminders: a fee only when sent at least 14 days after the due date,
 * giving at least 14 days to pay; at most two fees per claim; a later fee only once
 * the previous reminder's time to pay has run out. A reminder without a fee may be
 * sent any time something is due. Late-payment interest up to the day is stated.
 *
 * @param principal what was due on the invoice when the reminder was sent, in øre
 */
public record Reminder(Long id, InvoiceId invoiceId, int number, LocalDate sentOn, LocalDate payBy, long principal, long fee,
                       long interest, String sentBy, Instant sentAt) {

    public static final int DAYS_TO_PAY = 14;
    public static final int DAYS_AFTER_DUE_FOR_A_FEE = 14;
    public static final int MAX_FEES = 2;

    /** The reminder {@code invoice} gets today, after {@code earlier} ones; {@code fee} and {@code interestRates} as configured. */
    public static Reminder next(Invoice invoice, List<Reminder> earlier, LocalDate today, boolean withFee, DatedRates feeKroner,
                                DatedRates interestRates, String actor, Instant now) {
        if (invoice.getKind() != InvoiceKind.INVOICE || !invoice.getStatus().isIssued() || invoice.due() <= 0) {
            throw new ConflictException("reminder.nothing-due", "Invoice " + invoice.getNumber() + " has nothing due to remind of");
        }
        long fee = 0;
        if (withFee) {
            requireFeeAllowed(invoice, earlier, today);
            fee = feeKroner.on(today).movePointRight(2).setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
        }
        long interest = today.isAfter(invoice.getDueDate())
                ? LatePaymentInterest.on(invoice.due(), invoice.getDueDate(), today, interestRates) : 0;
        return new Reminder(null, invoice.getId(), earlier.size() + 1, today, today.plusDays(DAYS_TO_PAY), invoice.due(), fee, interest,
                actor, now);
    }

    private static void requireFeeAllowed(Invoice invoice, List<Reminder> earlier, LocalDate today) {
        LocalDate firstFeeDay = invoice.getDueDate().plusDays(DAYS_AFTER_DUE_FOR_A_FEE);
        if (today.isBefore(firstFeeDay)) {
            throw new ConflictException("reminder.fee-too-early", "A reminder fee may be claimed from " + firstFeeDay
                    + ", 14 days after the due date; send this reminder without a fee");
        }
        var withFees = earlier.stream().filter(r -> r.fee() > 0).toList();
        if (withFees.size() >= MAX_FEES) {
            throw new ConflictException("reminder.fee-limit", "Invoice " + invoice.getNumber() + " has had " + MAX_FEES
                    + " reminder fees, the most one claim may carry");
        }
        var last = earlier.stream().map(Reminder::payBy).max(LocalDate::compareTo);
        if (last.isPresent() && !today.isAfter(last.get())) {
            throw new ConflictException("reminder.fee-too-early", "The previous reminder gives until " + last.get()
                    + " to pay; a new fee may be claimed after that");
        }
    }

    /** What the reminder asks to be paid: the principal, the fee and the interest. */
    public long total() {
        return Math.addExact(Math.addExact(principal, fee), interest);
    }

    public Reminder withId(long newId) {
        return new Reminder(newId, invoiceId, number, sentOn, payBy, principal, fee, interest, sentBy, sentAt);
    }

    public Map<String, Object> auditFields() {
        var m = new LinkedHashMap<String, Object>();
        m.put("number", number);
        m.put("sentOn", sentOn.toString());
        m.put("payBy", payBy.toString());
        m.put("principal", principal);
        m.put("fee", fee);
        m.put("interest", interest);
        return m;
    }
}
