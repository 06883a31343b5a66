package no.kontor.application.testing;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import no.kontor.application.portal.port.PinLogins;
import no.kontor.domain.invoice.Invoice;
import no.kontor.domain.invoice.InvoiceStatus;

/**
 * My page logins in memory: the invoice, its PIN's hash and version as the invoices' fake
 * keeps them, the failures and lock in rows of their own (as {@code invoice_pin}).
 */
public final class InMemoryPinLogins extends InMemoryStore<InMemoryPinLogins.State> implements PinLogins {
    /** What the login table adds to an invoice: failures and lock, under the PIN version they were counted for. */
    public record State(int pinVersion, int failures, Instant lockedUntil) {
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
            state = rows.get(invoice.getId().value());
        }
        if (state == null || state.pinVersion() != row.pinVersion()) {
            state = new State(row.pinVersion(), 0, null); // a new PIN cleared them
        }
        return Optional.of(new PinLogin(invoice.getId().value(), invoice.getNumber(), invoice.getCompanyId().value(), row.pinHash(),
                row.pinVersion(), state.failures(), state.lockedUntil()));
    }

    @Override
    public void saveFailures(long invoiceId, int count, Instant lockedUntil, String actor, Instant at) {
        int version = invoices.row(new no.kontor.domain.invoice.InvoiceId(invoiceId)).pinVersion();
        synchronized (rows) {
            rows.put(invoiceId, new State(version, count, lockedUntil));
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
