package no.kontor.adapters.persistence.invoice;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import no.kontor.adapters.persistence.shared.Crypto;
import no.kontor.adapters.persistence.shared.Jdbc;
import no.kontor.application.invoice.port.InvoiceJobs;
import no.kontor.domain.invoice.InvoiceId;
import no.kontor.adapters.persistence.shared.Keyset;
import no.kontor.application.shared.Page;
import no.kontor.application.invoice.InvoiceJobKind;
import no.kontor.application.invoice.InvoiceJobStatus;

/**
 * The outbox table: jobs written in the caller's transaction, claimed with
 * {@code FOR UPDATE SKIP LOCKED} and a lease, so two workers (or two nodes) never run
 * one job at once and a dead worker's job comes back when its lease ends. A render job carries
 * the customer's clear PIN encrypted with AES-GCM under a key derived from the PIN
 * key in configuration, so the database never holds it readable. A PIN that cannot be
 * opened (sealed under a PIN key that has since been changed) does not stop the claim: the
 * job is handed out with that defect, for the worker to fail it and go on with the next.
 */
@Singleton
public class JdbcInvoiceJobs implements InvoiceJobs {
    /** The configured secret both the PIN hashes and the render jobs' key derive from. */
    static final String PIN_KEY = "kontor.invoicing.pin-key (KONTOR_PIN_KEY)";
    private final Jdbc jdbc;
    private final byte[] key;

    public JdbcInvoiceJobs(Jdbc jdbc, @Value("${kontor.invoicing.pin-key}") String pinKey) {
        this.jdbc = jdbc;
        this.key = Crypto.hmacSha256(Crypto.secret(pinKey, PIN_KEY), "kontor render job".getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void render(InvoiceId id, String pin, String requestedBy) {
        jdbc.update("INSERT INTO outbox (kind, invoice_id, payload, requested_by, not_before, created_at) "
                + "VALUES ('RENDER_PDF', ?, ?, ?, now(), now())", Arrays.asList(id.value(), pin == null ? null : seal(pin), requestedBy));
    }

    @Override
    public void renderCustomerCopy(InvoiceId id, String pin, String requestedBy) {
        jdbc.update("INSERT INTO outbox (kind, invoice_id, payload, requested_by, not_before, created_at) "
                + "VALUES ('RENDER_CUSTOMER_COPY', ?, ?, ?, now(), now())", List.of(id.value(), seal(pin), requestedBy));
    }

    @Override
    public boolean customerCopyPending(InvoiceId id) {
        return jdbc.query("SELECT EXISTS (SELECT 1 FROM outbox WHERE invoice_id = ? AND kind IN ('RENDER_PDF', 'RENDER_CUSTOMER_COPY') "
                + "AND done_at IS NULL)", List.of(id.value()), rs -> rs.getBoolean(1)).get(0);
    }

    @Override
    public long send(InvoiceId id, String recipient, boolean withEhf, String requestedBy) {
        return jdbc.query("INSERT INTO outbox (kind, invoice_id, recipient, with_ehf, requested_by, not_before, created_at) "
                + "VALUES ('SEND_INVOICE', ?, ?, ?, ?, now(), now()) RETURNING id", Arrays.asList(id.value(), recipient, withEhf,
                requestedBy), rs -> rs.getLong(1)).get(0);
    }

    @Override
    public long sendReminder(InvoiceId id, long reminderId, String recipient, String requestedBy) {
        return jdbc.query("INSERT INTO outbox (kind, invoice_id, reminder_id, recipient, requested_by, not_before, created_at) "
                + "VALUES ('SEND_REMINDER', ?, ?, ?, ?, now(), now()) RETURNING id", List.of(id.value(), reminderId, recipient,
                requestedBy), rs -> rs.getLong(1)).get(0);
    }

    @Override
    public Optional<Job> claim(Duration lease) {
        // SKIP LOCKED: a job another worker is claiming right now is passed over, never waited for
        return jdbc.query("UPDATE outbox SET claimed_until = now() + ?::interval, attempts = attempts + 1 WHERE id = ("
                + "SELECT id FROM outbox WHERE done_at IS NULL AND not_before <= now() "
                + "AND (claimed_until IS NULL OR claimed_until < now()) ORDER BY not_before, id LIMIT 1 FOR UPDATE SKIP LOCKED) "
                + "RETURNING id, kind, invoice_id, payload, recipient, with_ehf, reminder_id, attempts, requested_by",
                List.of(lease.toMillis() + " milliseconds"), rs -> {
                    byte[] payload = rs.getBytes("payload");
                    String pin = null;
                    String defect = null;
                    try {
                        pin = openPin(payload);
                    } catch (GeneralSecurityException e) {
                        defect = "the render job's sealed PIN cannot be opened with the configured " + PIN_KEY
                                + ": it was sealed under another key (was the key changed?)";
                    }
                    return new Job(rs.getLong("id"), InvoiceJobKind.valueOf(rs.getString("kind")), new InvoiceId(rs.getLong("invoice_id")), pin,
                            rs.getString("recipient"), rs.getBoolean("with_ehf"), Jdbc.nullableLong(rs, "reminder_id"),
                            rs.getInt("attempts"), rs.getString("requested_by"), defect);
                }).stream().findFirst();
    }

    @Override
    public void done(long jobId) {
        jdbc.update("UPDATE outbox SET done_at = now(), payload = NULL, claimed_until = NULL, last_error = NULL WHERE id = ?",
                List.of(jobId));
    }

    @Override
    public void retryLater(long jobId, Duration delay, String error) {
        jdbc.update("UPDATE outbox SET not_before = now() + ?::interval, claimed_until = NULL, last_error = ? WHERE id = ?",
                Arrays.asList(delay.toMillis() + " milliseconds", error, jobId));
    }

    @Override
    public void postpone(long jobId, Duration delay, String why) {
        // the claim counted an attempt; a job that could not start yet gives it back
        jdbc.update("UPDATE outbox SET not_before = now() + ?::interval, claimed_until = NULL, attempts = greatest(attempts - 1, 0), "
                + "last_error = ? WHERE id = ?", Arrays.asList(delay.toMillis() + " milliseconds", why, jobId));
    }

    @Override
    public Optional<String> failedRender(InvoiceId id) {
        return jdbc.query("SELECT last_error FROM outbox WHERE invoice_id = ? AND kind = 'RENDER_PDF' AND failed "
                        + "AND NOT EXISTS (SELECT 1 FROM outbox WHERE invoice_id = ? AND kind = 'RENDER_PDF' AND done_at IS NULL) "
                        + "ORDER BY id DESC LIMIT 1", List.of(id.value(), id.value()),
                rs -> String.valueOf(rs.getString("last_error"))).stream().findFirst();
    }

    @Override
    public void failed(long jobId, String error) {
        jdbc.update("UPDATE outbox SET done_at = now(), failed = true, payload = NULL, claimed_until = NULL, last_error = ? WHERE id = ?",
                Arrays.asList(error, jobId));
    }

    private static final String STATUS = "SELECT id, kind, recipient, with_ehf, attempts, created_at, done_at, failed, last_error "
            + "FROM outbox WHERE invoice_id = ?";
    private static final Keyset NEWEST_FIRST = Keyset.descending("jobs", Keyset.key("id", Keyset.Type.LONG));

    @Override
    public List<InvoiceJobStatus> of(InvoiceId id) {
        return jdbc.query(STATUS + " ORDER BY id DESC", List.of(id.value()), JdbcInvoiceJobs::status);
    }

    @Override
    public Page<InvoiceJobStatus> of(InvoiceId id, String cursor, int limit) {
        return NEWEST_FIRST.page(jdbc, STATUS, List.of(id.value()), cursor, limit, JdbcInvoiceJobs::status);
    }

    private static InvoiceJobStatus status(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new InvoiceJobStatus(rs.getLong("id"), InvoiceJobKind.valueOf(rs.getString("kind")), rs.getString("recipient"), rs.getBoolean("with_ehf"),
                rs.getInt("attempts"), Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "done_at"), rs.getBoolean("failed"),
                rs.getString("last_error"));
    }

    /**
     * The PIN sealed in a render job, or null when the job has none.
     *
     * @throws GeneralSecurityException when it was sealed under another key, or is not sealed data
     */
    String openPin(byte[] payload) throws GeneralSecurityException {
        return payload == null ? null : new String(Crypto.open(key, payload, null), StandardCharsets.UTF_8);
    }

    private byte[] seal(String pin) {
        return Crypto.seal(key, pin.getBytes(StandardCharsets.UTF_8), null);
    }
}
