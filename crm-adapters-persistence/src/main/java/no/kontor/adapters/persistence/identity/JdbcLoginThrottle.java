package no.kontor.adapters.persistence.identity;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.inject.Singleton;
import no.kontor.adapters.persistence.shared.Jdbc;
import no.kontor.application.identity.port.LoginThrottle;

/**
 * Failed logins in the table every node shares. A success clears the user's count
 * but keeps the rows for the address's count; rows older than a day are removed as
 * new ones come.
 */
@Singleton
public class JdbcLoginThrottle implements LoginThrottle {
    private final Jdbc jdbc;

    public JdbcLoginThrottle(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Window userFailures(String username, Instant since) {
        return window("username = ? AND NOT cleared", username, since);
    }

    @Override
    public Window clientFailures(String clientAddress, Instant since) {
        return window("client_address = ?", clientAddress, since);
    }

    private Window window(String whose, String value, Instant since) {
        return jdbc.query("SELECT count(*), min(failed_at) FROM login_failure WHERE " + whose + " AND failed_at > ?",
                List.of(value, since), rs -> new Window(rs.getLong(1), Jdbc.instant(rs, "min"))).get(0);
    }

    @Override
    public void recordFailure(String username, String clientAddress, Instant at) {
        jdbc.update("INSERT INTO login_failure (username, client_address, failed_at) VALUES (?, ?, ?)",
                List.of(username, clientAddress, at));
        jdbc.update("DELETE FROM login_failure WHERE failed_at < ?", List.of(at.minus(1, ChronoUnit.DAYS)));
    }

    @Override
    public void clearFailures(String username) {
        jdbc.update("UPDATE login_failure SET cleared = true WHERE username = ? AND NOT cleared", List.of(username));
    }
}
