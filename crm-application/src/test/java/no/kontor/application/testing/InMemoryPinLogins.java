package no.kontor.application.testing;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import no.kontor.application.portal.port.PinLogins;
import no.kontor.domain.invoice.Invoice;
import no.kontor.domain.invoice.InvoiceStatus;

/**
 * My page logins in memory: the invoice and its PIN's hash as the invoices' fake stored them
 * at issue, the failures, lock and a new PIN in rows of their own (as {@code invoice_pin}).
 */
public final class InMemoryPinLogins extends InMemoryStore<InMemoryPinLogins.State> implements PinLogins {
    /** What the login table adds to an invoice; the hash null while the issued one stands. */
    public record State(byte[] pinHash, int failures, Instant lockedUntil) {
    }

    private record Failure(String client, Instant at) {
    }

    private final InMemoryInvoices invoices;
    private final List<Failure> failures = new CopyOnWriteArrayList<>();

    public InMemoryPinLogins(InMemoryInvoices invoices) {
        this.invoices = invoices;
    }

    @Override
    public Optional<PinLogin> lock(long invoiceNumber) {
        return invoices.all().stream().filter(i -> i.getNumber() != null && i.getNumber() == invoiceNumber).findFirst().flatMap(this::login);
    }

    @Override
    public Optional<PinLogin> lockById(long invoiceId) {
        return invoices.all().stream().filter(i -> i.getId().value() == invoiceId).findFirst().flatMap(this::login);
    }

    private Optional<PinLogin> login(Invoice invoice) {
        var row = invoices.row(invoice.getId());
        if (invoice.getStatus() == InvoiceStatus.DRAFT || row.pinHash() == null) {
            return Optional.empty();
        }
        State state;
        synchronized (rows) {
            state = rows.getOrDefault(invoice.getId().value(), new State(null, 0, null));
        }
        return Optional.of(new PinLogin(invoice.getId().value(), invoice.getNumber(), invoice.getCompanyId().value(),
                state.pinHash() != null ? state.pinHash() : row.pinHash(), state.failures(), state.lockedUntil()));
    }

    @Override
    public void saveFailures(long invoiceId, int count, Instant lockedUntil, String actor, Instant at) {
        synchronized (rows) {
            var state = rows.getOrDefault(invoiceId, new State(null, 0, null));
            rows.put(invoiceId, new State(state.pinHash(), count, lockedUntil));
        }
    }

    @Override
    public void replacePin(long invoiceId, byte[] pinHash, String actor, Instant at) {
        synchronized (rows) {
            rows.put(invoiceId, new State(pinHash.clone(), 0, null));
        }
    }

    @Override
    public Window clientFailures(String clientAddress, Instant since) {
        var counted = failures.stream().filter(f -> f.client().equals(clientAddress) && f.at().isAfter(since)).toList();
        return new Window(counted.size(), counted.stream().map(Failure::at).min(Instant::compareTo).orElse(null));
    }

    @Override
    public long allFailures(Instant since) {
        return failures.stream().filter(f -> f.at().isAfter(since)).count();
    }

    @Override
    public void recordClientFailure(String clientAddress, Instant at) {
        failures.add(new Failure(clientAddress, at));
    }
}
