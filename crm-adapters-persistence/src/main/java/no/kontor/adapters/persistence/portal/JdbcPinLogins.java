package no.kontor.adapters.persistence.portal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Singleton;
import no.kontor.adapters.persistence.shared.Jdbc;
import no.kontor.application.portal.port.PinLogins;

/** An issued invoice's My page login in {@code invoice_pin} (V16), failures per address in {@code portal_login_failure}. */
@Singleton
public class JdbcPinLogins implements PinLogins {
    private static final String LOGIN = "SELECT p.invoice_id, i.number, i.company_id, p.pin_hash, p.pin_version, p.failures, p.locked_until "
            + "FROM invoice_pin p JOIN invoice i ON i.id = p.invoice_id WHERE i.status <> 'DRAFT' AND ";

    private final Jdbc jdbc;

    public JdbcPinLogins(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<PinLogin> lock(long invoiceNumber) {
        return one(LOGIN + "i.number = ? FOR UPDATE OF p", invoiceNumber);
    }

    @Override
    public Optional<PinLogin> lockById(long invoiceId) {
        return one(LOGIN + "p.invoice_id = ? FOR UPDATE OF p", invoiceId);
    }

    private Optional<PinLogin> one(String sql, long key) {
        return jdbc.query(sql, List.of(key), rs -> new PinLogin(rs.getLong("invoice_id"), rs.getLong("number"), rs.getLong("company_id"),
                rs.getBytes("pin_hash"), rs.getInt("pin_version"), rs.getInt("failures"), Jdbc.instant(rs, "locked_until"))).stream().findFirst();
    }

    @Override
    public void saveFailures(long invoiceId, int failures, Instant lockedUntil, String actor, Instant at) {
        jdbc.update("UPDATE invoice_pin SET failures = ?, locked_until = ?, changed_by = ?, changed_at = ? WHERE invoice_id = ?",
                Arrays.asList(failures, lockedUntil, actor, at, invoiceId));
    }

    @Override
    public Window clientFailures(String clientAddress, Instant since) {
        return jdbc.query("SELECT count(*), min(failed_at) FROM portal_login_failure WHERE client_address = ? AND failed_at > ?",
                List.of(clientAddress, since), rs -> new Window(rs.getLong(1), Jdbc.instant(rs, "min"))).get(0);
    }

    @Override
    public long allFailures(Instant since) {
        return jdbc.query("SELECT count(*) FROM portal_login_failure WHERE failed_at > ?", List.of(since), rs -> rs.getLong(1)).get(0);
    }

    @Override
    public void recordClientFailure(String clientAddress, Instant at) {
        jdbc.update("INSERT INTO portal_login_failure (client_address, failed_at) VALUES (?, ?)", List.of(clientAddress, at));
        jdbc.update("DELETE FROM portal_login_failure WHERE failed_at < ?", List.of(at.minus(1, ChronoUnit.DAYS)));
    }
}
