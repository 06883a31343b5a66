package no.kontor.application.portal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import no.kontor.application.portal.port.CustomerSessions;
import no.kontor.application.shared.port.Transactions;
import no.kontor.domain.company.CompanyId;

/**
 * The customer behind a My page token, checked on every request: the session exists, has
 * not ended, was used within the idle limit, and its invoice has had no new PIN since it
 * was opened (else it ends now). Its last use is written
 * at most every {@link #TOUCH_EVERY}, so reading a page does not write each time.
 */
public final class CustomerSessionCheck {
    public static final Duration TOUCH_EVERY = Duration.ofSeconds(30);

    private final CustomerSessions sessions;
    private final Transactions tx;
    private final Clock clock;
    private final PortalSettings settings;

    public CustomerSessionCheck(CustomerSessions sessions, Transactions tx, Clock clock, PortalSettings settings) {
        this.sessions = sessions;
        this.tx = tx;
        this.clock = clock;
        this.settings = settings;
    }

    public Optional<Customer> customer(String token) {
        if (!CustomerTokens.looksLikeOne(token)) {
            return Optional.empty();
        }
        byte[] hash = CustomerTokens.hash(token);
        return tx.inTransaction(() -> {
            Instant now = clock.instant();
            var session = sessions.find(hash).filter(s -> s.endedAt() == null);
            if (session.isEmpty()) {
                return Optional.empty();
            }
            var s = session.get();
            if (s.pinReplaced()) {
                sessions.end(s.id(), CustomerSessions.EndReason.PIN_RESET, now);
                return Optional.empty();
            }
            if (!s.lastUsedAt().plus(settings.idle()).isAfter(now)) {
                sessions.end(s.id(), CustomerSessions.EndReason.IDLE, now);
                return Optional.empty();
            }
            if (!s.lastUsedAt().plus(TOUCH_EVERY).isAfter(now)) {
                sessions.touch(s.id(), now);
            }
            return Optional.of(new Customer(s.id(), s.invoiceId(), new CompanyId(s.companyId())));
        });
    }
}
