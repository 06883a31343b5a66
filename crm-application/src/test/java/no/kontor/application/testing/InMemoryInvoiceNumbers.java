package no.kontor.application.testing;

import no.kontor.application.invoice.port.InvoiceNumbers;

/** The series as one row of a store, so that a rolled-back transaction gives its number back, as the counter row does. */
public final class InMemoryInvoiceNumbers extends InMemoryStore<Long> implements InvoiceNumbers {
    private static final long ROW = 1;

    public InMemoryInvoiceNumbers() {
        rows.put(ROW, 1L);
    }

    @Override
    public long next() {
        synchronized (rows) {
            long number = rows.get(ROW);
            rows.put(ROW, number + 1);
            return number;
        }
    }
}
