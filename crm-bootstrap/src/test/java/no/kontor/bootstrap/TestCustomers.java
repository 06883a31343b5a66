package no.kontor.bootstrap;

import java.time.Instant;

import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Singleton;
import no.kontor.adapters.web.testing.ApiClient;
import no.kontor.application.invoice.port.CustomerPins;
import no.kontor.application.invoice.port.Invoices;
import no.kontor.application.portal.port.PinLogins;
import no.kontor.application.shared.port.Transactions;
import no.kontor.domain.invoice.InvoiceId;

/**
 * Customers for end-to-end tests. An issued invoice's PIN exists in clear only on its
 * customer copy, so a test gives the invoice a PIN it knows (its hash, through the port a
 * PIN reset uses) and logs in with it over HTTP.
 */
@Singleton
public class TestCustomers {
    public static final String PIN = "246810";

    private final PinLogins logins;
    private final Invoices invoices;
    private final CustomerPins pins;
    private final Transactions tx;
    private final EmbeddedServer server;

    public TestCustomers(PinLogins logins, Invoices invoices, CustomerPins pins, Transactions tx, EmbeddedServer server) {
        this.logins = logins;
        this.invoices = invoices;
        this.pins = pins;
        this.tx = tx;
        this.server = server;
    }

    /** Invoice {@code invoiceId}'s number, after giving it the PIN {@link #PIN}. */
    public long knownPin(long invoiceId) {
        return tx.inTransaction(() -> {
            var login = logins.lockById(invoiceId).orElseThrow(() -> new AssertionError("invoice " + invoiceId + " has no login"));
            invoices.replacePin(new InvoiceId(invoiceId), pins.hash(login.invoiceNumber(), PIN), "test", Instant.now());
            return login.invoiceNumber();
        });
    }

    /** A My page session opened with invoice {@code invoiceId} and its (known) PIN. */
    public ApiClient login(long invoiceId) {
        long number = knownPin(invoiceId);
        var r = ApiClient.anonymous(server.getURI()).post("/api/v1/portal/login",
                "{\"invoiceNumber\":\"" + number + "\",\"pin\":\"" + PIN + "\"}");
        String token = ApiClient.field(r.body(), "token");
        if (r.statusCode() != 200 || token == null) {
            throw new AssertionError("customer login with invoice " + number + " failed: " + r.statusCode() + " " + r.body());
        }
        return ApiClient.bearer(server.getURI(), token);
    }
}
