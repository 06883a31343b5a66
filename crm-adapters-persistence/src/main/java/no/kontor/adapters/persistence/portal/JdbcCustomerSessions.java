package no.kontor.adapters.persistence.portal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Singleton;
import no.kontor.adapters.persistence.shared.Jdbc;
import no.kontor.application.portal.port.CustomerSessions;

/** My page sessions in {@code customer_session} (V16): the token's SHA-256, never the token. */
@Singleton
public class JdbcCustomerSessions implements CustomerSessions {
    private final Jdbc jdbc;

    public JdbcCustomerSessions(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long open(byte[] tokenHash, long invoiceId, long companyId, int pinVersion, String clientAddress, Instant at) {
        return jdbc.query("INSERT INTO customer_session (token_hash, invoice_id, company_id, pin_version, client_address, created_at, "
                + "last_used_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id", List.of(tokenHash, invoiceId, companyId, pinVersion, clientAddress,
                at, at), rs -> rs.getLong(1)).get(0);
    }

    @Override
    public Optional<Session> find(byte[] tokenHash) {
        return jdbc.query("SELECT s.id, s.invoice_id, s.company_id, s.last_used_at, s.ended_at, "
                        + "p.pin_version IS DISTINCT FROM s.pin_version AS pin_replaced FROM customer_session s "
                        + "LEFT JOIN invoice_pin p ON p.invoice_id = s.invoice_id WHERE s.token_hash = ?",
                List.of(tokenHash), rs -> new Session(rs.getLong("id"), rs.getLong("invoice_id"), rs.getLong("company_id"),
                        Jdbc.instant(rs, "last_used_at"), Jdbc.instant(rs, "ended_at"), rs.getBoolean("pin_replaced"))).stream().findFirst();
    }

    @Override
    public void touch(long sessionId, Instant at) {
        jdbc.update("UPDATE customer_session SET last_used_at = greatest(last_used_at, ?) WHERE id = ? AND ended_at IS NULL",
                List.of(at, sessionId));
    }

    @Override
    public boolean end(long sessionId, EndReason reason, Instant at) {
        return jdbc.update("UPDATE customer_session SET ended_at = ?, end_reason = ? WHERE id = ? AND ended_at IS NULL",
                List.of(at, reason.name(), sessionId)) == 1;
    }
}
