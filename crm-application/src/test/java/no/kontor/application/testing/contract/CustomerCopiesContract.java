package no.kontor.application.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;

import no.kontor.application.invoice.Giro;
import no.kontor.application.invoice.port.CustomerCopies;

/** The contract of {@link CustomerCopies}: stored and replaced per document, found per giro, removed once, and when expired. */
public abstract class CustomerCopiesContract extends PortContract {

    private CustomerCopies copies() {
        return port(CustomerCopies.class);
    }

    @Test
    void aCopyIsKeptPerDocumentReplacedAndRemovedOnce() {
        var invoice = issuedInvoice();
        var id = invoice.getId();
        assertThat(tx(() -> copies().exists(id))).isFalse();
        run(() -> copies().store(id, new byte[] {1}, new byte[] {2}, now(), now().plus(30, ChronoUnit.DAYS)));
        assertThat(tx(() -> copies().find(id, Giro.FULL))).hasValueSatisfying(b -> assertThat(b).containsExactly(1));
        assertThat(tx(() -> copies().find(id, Giro.PREPRINTED))).hasValueSatisfying(b -> assertThat(b).containsExactly(2));
        run(() -> copies().store(id, new byte[] {3}, new byte[] {4}, now(), now().plus(30, ChronoUnit.DAYS)));
        assertThat(tx(() -> copies().find(id, Giro.FULL))).as("a new PIN's copy replaces the old").hasValueSatisfying(b -> assertThat(b)
                .containsExactly(3));
        assertThat(tx(() -> copies().exists(id))).isTrue();
        assertThat(tx(() -> copies().remove(id))).isTrue();
        assertThat(tx(() -> copies().remove(id))).isFalse();
        assertThat(tx(() -> copies().find(id, Giro.FULL))).isEmpty();
    }

    @Test
    void expiredCopiesAreRemovedAndTheOthersKept() {
        var expiring = issuedInvoice().getId();
        var kept = issuedInvoice().getId();
        var now = now();
        run(() -> copies().store(expiring, new byte[] {1}, new byte[] {1}, now.minus(31, ChronoUnit.DAYS), now.minus(1, ChronoUnit.DAYS)));
        run(() -> copies().store(kept, new byte[] {1}, new byte[] {1}, now, now.plus(30, ChronoUnit.DAYS)));
        assertThat(tx(() -> copies().removeExpired(now))).isGreaterThanOrEqualTo(1);
        assertThat(tx(() -> copies().exists(expiring))).isFalse();
        assertThat(tx(() -> copies().exists(kept))).isTrue();
    }
}
