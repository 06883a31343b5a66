package no.kontor.adapters.persistence.sale;

import java.time.Instant;
import java.util.List;

import jakarta.inject.Singleton;
import no.kontor.adapters.persistence.shared.Jdbc;
import no.kontor.application.identity.port.LoginThrottle;
import no.kontor.application.sale.port.OrderFormPosts;

@Singleton
public class JdbcOrderFormPosts implements OrderFormPosts {
    private final Jdbc jdbc;

    public JdbcOrderFormPosts(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void record(String clientAddress, Instant at, Instant forgetBefore) {
        jdbc.update("DELETE FROM order_form_post WHERE client_address = ? AND posted_at < ?", List.of(clientAddress, forgetBefore));
        jdbc.update("INSERT INTO order_form_post (client_address, posted_at) VALUES (?, ?)", List.of(clientAddress, at));
    }

    @Override
    public LoginThrottle.Window since(String clientAddress, Instant since) {
        return jdbc.query("SELECT count(*), min(posted_at) FROM order_form_post WHERE client_address = ? AND posted_at >= ?",
                List.of(clientAddress, since), rs -> new LoginThrottle.Window(rs.getLong(1), Jdbc.instant(rs, "min"))).get(0);
    }
}
