package no.kontor.application.portal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import no.kontor.application.audit.AuditEvent;
import no.kontor.application.audit.port.AuditTrail;
import no.kontor.application.invoice.port.CustomerPins;
import no.kontor.application.portal.port.CustomerSessions;
import no.kontor.application.portal.port.PinLogins;
import no.kontor.application.shared.port.Transactions;
import no.kontor.domain.company.CompanyId;
import no.kontor.domain.identity.Actor;

/**
 * A customer opens My page with an invoice number and the PIN printed on that invoice's
 * customer copy (docs/decisions/portal.md). The answer is the same for a wrong PIN, an
 * invoice that does not exist and one whose login is locked, and costs the same work (the
 * PIN's HMAC is computed against a stored hash or a dummy one, and compared in constant
 * time); only a client address past its limit is told to wait. An invoice's login locks for
 * a while after too many failures in a row; a success clears them.
 *
 * <p>Every checked attempt is audited (record type {@code portal-login}, the invoice number
 * tried as its id, never the PIN): a success by the new session, a failure by
 * {@code public} with the client address and the reason the client is not told
 * ({@code bad-pin}, {@code unknown-invoice}, {@code locked}); a lock has an entry of its own.
 * Throttled attempts are neither checked, counted nor audited, as for staff logins.
 */
public final class LogInCustomer {
    public static final String RECORD_TYPE = "portal-login";
    private static final System.Logger LOG = System.getLogger(LogInCustomer.class.getName());

    private final PinLogins logins;
    private final CustomerSessions sessions;
    private final CustomerPins pins;
    private final AuditTrail audit;
    private final Transactions tx;
    private final Clock clock;
    private final PortalSettings settings;
    private final byte[] dummyHash;

    public LogInCustomer(PinLogins logins, CustomerSessions sessions, CustomerPins pins, AuditTrail audit, Transactions tx, Clock clock,
                         PortalSettings settings) {
        this.logins = logins;
        this.sessions = sessions;
        this.pins = pins;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
        this.settings = settings;
        this.dummyHash = pins.hash(0, "000000");
    }

    /** What the client sent: the invoice number and PIN as typed. */
    public record Command(String invoiceNumber, String pin, String clientAddress) {
    }

    public sealed interface Result {
        /** The session's token, given to the client once. */
        record LoggedIn(String token, Customer customer) implements Result {
        }

        record Refused() implements Result {
        }

        record Throttled(Duration retryAfter) implements Result {
        }
    }

    public Result execute(Command command) {
        Instant now = clock.instant();
        String address = command.clientAddress();
        var window = tx.readOnly(() -> logins.clientFailures(address, now.minus(settings.addressWindow())));
        if (window.count() >= settings.perAddress()) {
            var wait = window.oldest() == null ? Duration.ZERO : Duration.between(now, window.oldest().plus(settings.addressWindow()));
            return new Result.Throttled(wait.plusSeconds(1));
        }
        Long number = number(command.invoiceNumber());
        String pin = command.pin() != null && command.pin().matches("[0-9]{6}") ? command.pin() : null;
        return tx.inTransaction(() -> {
            Optional<PinLogins.PinLogin> login = number == null ? Optional.empty() : logins.lock(number);
            boolean locked = login.map(l -> l.lockedAt(now)).orElse(false);
            // the same work whatever was sent: a malformed PIN or an unknown invoice is checked against the dummy hash
            boolean matches = pins.matches(number == null ? 0 : number, pin == null ? "000000" : pin,
                    login.map(PinLogins.PinLogin::pinHash).orElse(dummyHash)) && pin != null && login.isPresent();
            if (matches && !locked) {
                var l = login.get();
                if (l.failures() > 0 || l.lockedUntil() != null) {
                    logins.saveFailures(l.invoiceId(), 0, null, Actor.publicForm().auditName(), now);
                }
                String token = CustomerTokens.newToken();
                long sessionId = sessions.open(CustomerTokens.hash(token), l.invoiceId(), l.companyId(), l.pinVersion(), address, now);
                var customer = new Customer(sessionId, l.invoiceId(), new CompanyId(l.companyId()));
                audit.record(event(customer.actor(), now, String.valueOf(l.invoiceNumber()), "succeeded", address, null));
                return new Result.LoggedIn(token, customer);
            }
            String tried = number != null ? number.toString() : "malformed";
            String reason = login.isEmpty() ? "unknown-invoice" : locked ? "locked" : "bad-pin";
            logins.recordClientFailure(address, now);
            audit.record(event(Actor.publicForm(), now, tried, "failed", address, reason));
            login.filter(l -> !l.lockedAt(now)).ifPresent(l -> countFailure(l, now, address));
            long lastMinute = logins.allFailures(now.minus(Duration.ofMinutes(1)));
            if (lastMinute > settings.burstPerMinute()) {
                LOG.log(System.Logger.Level.WARNING, "My page: {0} failed logins in the last minute across all invoices (the warning "
                        + "starts past {1}): someone may be guessing PINs", lastMinute, settings.burstPerMinute());
            }
            return new Result.Refused();
        });
    }

    /** One more failure in a row; at the limit the login locks for a while and the count starts again. */
    private void countFailure(PinLogins.PinLogin l, Instant now, String address) {
        int failures = l.failures() + 1;
        if (failures >= settings.lockAfter()) {
            Instant until = now.plus(settings.lockFor());
            logins.saveFailures(l.invoiceId(), 0, until, Actor.publicForm().auditName(), now);
            var fields = new LinkedHashMap<String, Object>();
            fields.put("lockedUntil", until.toString());
            fields.put("clientAddress", address);
            audit.record(AuditEvent.of(Actor.publicForm(), now, RECORD_TYPE, String.valueOf(l.invoiceNumber()), "locked", Map.of(), fields,
                    null));
        } else {
            logins.saveFailures(l.invoiceId(), failures, null, Actor.publicForm().auditName(), now);
        }
    }

    /** An invoice number as typed: 1 to 18 digits (surrounding blanks ignored), else none. */
    static Long number(String typed) {
        if (typed == null) {
            return null;
        }
        String s = typed.strip();
        return s.matches("[0-9]{1,18}") && Long.parseLong(s) > 0 ? Long.parseLong(s) : null;
    }

    private static AuditEvent event(Actor actor, Instant at, String invoiceNumber, String action, String address, String reason) {
        var fields = new LinkedHashMap<String, Object>();
        fields.put("clientAddress", address);
        if (reason != null) {
            fields.put("reason", reason);
        }
        return AuditEvent.of(actor, at, RECORD_TYPE, invoiceNumber, action, Map.of(), fields, null);
    }
}
