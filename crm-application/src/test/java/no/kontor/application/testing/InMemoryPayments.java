package no.kontor.application.testing;

import java.util.List;
import java.util.Optional;

import no.kontor.application.payment.port.Payments;
import no.kontor.application.shared.Page;
import no.kontor.domain.invoice.InvoiceId;
import no.kontor.domain.payment.Payment;

/** Payments in memory; like the table, an OCR transaction's bank key is stored once. (No paging: one page holds everything.) */
public final class InMemoryPayments extends InMemoryStore<Payment> implements Payments {

    @Override
    public Payment add(Payment payment) {
        synchronized (rows) {
            if (registered(payment)) {
                throw new IllegalStateException("duplicate key value violates unique constraint: payment_bank_transaction");
            }
            var stored = payment.withId(nextId());
            rows.put(stored.id(), stored);
            return stored;
        }
    }

    @Override
    public Optional<Payment> find(long id) {
        synchronized (rows) {
            return Optional.ofNullable(rows.get(id));
        }
    }

    @Override
    public Optional<Payment> lock(long id) {
        return find(id);
    }

    @Override
    public Payment assign(Payment assigned) {
        synchronized (rows) {
            rows.put(assigned.id(), assigned);
            return assigned;
        }
    }

    @Override
    public Optional<Payment> addFromBank(Payment payment) {
        synchronized (rows) {
            return registered(payment) ? Optional.empty() : Optional.of(add(payment));
        }
    }

    private boolean registered(Payment payment) {
        return payment.bankKey() != null && rows.values().stream().anyMatch(p -> payment.bankKey().equals(p.bankKey()));
    }

    @Override
    public Page<Payment> unmatched(String cursor, int limit) {
        synchronized (rows) {
            return new Page<>(rows.values().stream().filter(Payment::isUnmatched).limit(limit).toList(), null);
        }
    }

    @Override
    public Page<Payment> ofInvoice(InvoiceId invoice, String cursor, int limit) {
        return InMemoryPages.ascending("payments", ofInvoice(invoice), p -> List.of(p.id()), cursor, limit);
    }

    @Override
    public List<Payment> ofInvoice(InvoiceId invoice) {
        synchronized (rows) {
            return rows.values().stream().filter(p -> invoice.equals(p.invoiceId())).toList();
        }
    }
}
