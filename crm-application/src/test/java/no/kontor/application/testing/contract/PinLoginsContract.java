package no.kontor.application.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.temporal.ChronoUnit;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import no.kontor.application.invoice.port.Invoices;
import no.kontor.application.portal.port.PinLogins;

/** The contract of {@link PinLogins}: an issued invoice's login, its failures and lock, a new PIN, and failures per address. */
public abstract class PinLoginsContract extends PortContract {

    private PinLogins logins() {
        return port(PinLogins.class);
    }

    private static byte[] hash(int seed) {
        byte[] h = new byte[32];
        Arrays.fill(h, (byte) seed);
        return h;
    }

    @Test
    void anIssuedInvoicesLoginIsFoundByNumberAndById() {
        var invoice = issuedInvoice(hash(7));
        var login = tx(() -> logins().lock(invoice.getNumber())).orElseThrow();
        assertThat(login.invoiceId()).isEqualTo(invoice.getId().value());
        assertThat(login.invoiceNumber()).isEqualTo(invoice.getNumber());
        assertThat(login.companyId()).isEqualTo(invoice.getCompanyId().value());
        assertThat(login.pinHash()).isEqualTo(hash(7));
        assertThat(login.pinVersion()).isEqualTo(1);
        assertThat(login.failures()).isZero();
        assertThat(login.lockedUntil()).isNull();
        assertThat(tx(() -> logins().lockById(invoice.getId().value()))).hasValueSatisfying(l -> assertThat(l.invoiceNumber())
                .isEqualTo(invoice.getNumber()));
    }

    @Test
    void aNumberNoInvoiceHasAndADraftHaveNoLogin() {
        assertThat(tx(() -> logins().lock(999_999_999_999L))).isEmpty();
        var draft = draftInvoice(company("Utkast"));
        assertThat(tx(() -> logins().lockById(draft.getId().value()))).isEmpty();
    }

    @Test
    void failuresAndALockAreKeptAndANewPinClearsThem() {
        var invoice = issuedInvoice(hash(1));
        long id = invoice.getId().value();
        var until = now().plus(15, ChronoUnit.MINUTES);
        run(() -> logins().saveFailures(id, 3, until, "public", now()));
        var locked = tx(() -> logins().lockById(id)).orElseThrow();
        assertThat(locked.failures()).isEqualTo(3);
        assertThat(locked.lockedUntil()).isEqualTo(until);
        assertThat(locked.lockedAt(now())).isTrue();
        assertThat(locked.lockedAt(until)).as("the lock ends when its time is up").isFalse();

        run(() -> port(Invoices.class).replacePin(invoice.getId(), hash(2), "user:1", now()));
        var renewed = tx(() -> logins().lock(invoice.getNumber())).orElseThrow();
        assertThat(renewed.pinHash()).isEqualTo(hash(2));
        assertThat(renewed.pinVersion()).isEqualTo(locked.pinVersion() + 1);
        assertThat(renewed.failures()).isZero();
        assertThat(renewed.lockedUntil()).isNull();
    }

    @Test
    void failuresAreCountedPerAddressAndInAll() {
        String address = "192.0.2." + unique() % 250;
        var start = now().minus(1, ChronoUnit.SECONDS);
        long before = tx(() -> logins().allFailures(start));
        var first = now();
        run(() -> logins().recordClientFailure(address, first));
        run(() -> logins().recordClientFailure(address, first.plusMillis(5)));
        run(() -> logins().recordClientFailure("198.51.100." + unique() % 250, first));
        var window = tx(() -> logins().clientFailures(address, start));
        assertThat(window.count()).isEqualTo(2);
        assertThat(window.oldest()).isEqualTo(first);
        assertThat(tx(() -> logins().clientFailures(address, first.plusMillis(1))).count()).as("only those after since").isEqualTo(1);
        assertThat(tx(() -> logins().allFailures(start)) - before).isEqualTo(3);
    }
}
