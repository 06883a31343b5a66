package no.kontor.application.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.temporal.ChronoUnit;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import no.kontor.application.invoice.port.Invoices;
import no.kontor.application.portal.port.CustomerSessions;
import no.kontor.application.portal.port.CustomerSessions.EndReason;

/** The contract of {@link CustomerSessions}: open, found by the token's hash, touched, ended once, and told apart after a new PIN. */
public abstract class CustomerSessionsContract extends PortContract {

    private CustomerSessions sessions() {
        return port(CustomerSessions.class);
    }

    private static byte[] token(int seed) {
        byte[] h = new byte[32];
        Arrays.fill(h, (byte) (seed % 251));
        h[0] = (byte) (seed >> 8);
        h[1] = (byte) (seed >> 16);
        return h;
    }

    @Test
    void aSessionIsFoundByItsTokensHashTouchedAndEndedOnce() {
        var invoice = issuedInvoice();
        byte[] token = token(unique());
        var opened = now();
        long id = tx(() -> sessions().open(token, invoice.getId().value(), invoice.getCompanyId().value(), 1, "192.0.2.1", opened));
        var found = tx(() -> sessions().find(token)).orElseThrow();
        assertThat(found.id()).isEqualTo(id);
        assertThat(found.invoiceId()).isEqualTo(invoice.getId().value());
        assertThat(found.companyId()).isEqualTo(invoice.getCompanyId().value());
        assertThat(found.lastUsedAt()).isEqualTo(opened);
        assertThat(found.endedAt()).isNull();
        assertThat(found.pinReplaced()).isFalse();
        assertThat(tx(() -> sessions().find(token(unique())))).isEmpty();

        var later = opened.plus(5, ChronoUnit.MINUTES);
        run(() -> sessions().touch(id, later));
        run(() -> sessions().touch(id, opened)); // a late request never moves it back
        assertThat(tx(() -> sessions().find(token)).orElseThrow().lastUsedAt()).isEqualTo(later);

        assertThat(tx(() -> sessions().end(id, EndReason.LOGGED_OUT, later))).isTrue();
        assertThat(tx(() -> sessions().end(id, EndReason.IDLE, later))).as("ended once").isFalse();
        assertThat(tx(() -> sessions().find(token)).orElseThrow().endedAt()).isEqualTo(later);
    }

    @Test
    void aNewPinMarksTheSessionsOpenedWithTheOldOne() {
        var invoice = issuedInvoice();
        var other = issuedInvoice();
        long invoiceId = invoice.getId().value();
        long company = invoice.getCompanyId().value();
        byte[] old = token(unique());
        byte[] untouched = token(unique());
        run(() -> sessions().open(old, invoiceId, company, 1, "192.0.2.1", now()));
        run(() -> sessions().open(untouched, other.getId().value(), other.getCompanyId().value(), 1, "192.0.2.3", now()));

        byte[] hash = new byte[32];
        Arrays.fill(hash, (byte) 9);
        run(() -> port(Invoices.class).replacePin(invoice.getId(), hash, "user:1", now()));
        assertThat(tx(() -> sessions().find(old)).orElseThrow().pinReplaced()).isTrue();
        assertThat(tx(() -> sessions().find(untouched)).orElseThrow().pinReplaced()).isFalse();
        byte[] fresh = token(unique());
        run(() -> sessions().open(fresh, invoiceId, company, 2, "192.0.2.1", now()));
        assertThat(tx(() -> sessions().find(fresh)).orElseThrow().pinReplaced()).as("opened with the new PIN").isFalse();
    }
}
