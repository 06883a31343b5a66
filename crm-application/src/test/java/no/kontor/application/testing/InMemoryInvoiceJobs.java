package no.kontor.application.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import no.kontor.application.invoice.port.InvoiceJobs;
import no.kontor.domain.invoice.InvoiceId;
import no.kontor.application.shared.Page;
import no.kontor.application.invoice.InvoiceJobKind;
import no.kontor.application.invoice.InvoiceJobStatus;

/** The outbox in memory, on a clock the test controls: leases and retry delays are real. */
public final class InMemoryInvoiceJobs extends InMemoryStore<InMemoryInvoiceJobs.Row> implements InvoiceJobs {
    private final Clock clock;
    private final java.util.Set<Long> unreadablePins = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public InMemoryInvoiceJobs(Clock clock) {
        this.clock = clock;
    }

    /** One job and its state. */
    public record Row(long id, InvoiceJobKind kind, InvoiceId invoiceId, String pin, String recipient, boolean withEhf, Long reminderId,
                      String requestedBy, int attempts, Instant notBefore, Instant claimedUntil, Instant doneAt, boolean failed,
                      String lastError, Instant createdAt) {
        Row claimed(Instant until) {
            return new Row(id, kind, invoiceId, pin, recipient, withEhf, reminderId, requestedBy, attempts + 1, notBefore, until, doneAt,
                    failed, lastError, createdAt);
        }

        Row settled(Instant notBefore, Instant doneAt, boolean failed, String error) {
            return new Row(id, kind, invoiceId, doneAt == null ? pin : null, recipient, withEhf, reminderId, requestedBy, attempts,
                    notBefore, null, doneAt, failed, error, createdAt);
        }
    }

    private long add(InvoiceJobKind kind, InvoiceId invoice, String pin, String recipient, boolean withEhf, Long reminderId, String by) {
        synchronized (rows) {
            long id = nextId();
            rows.put(id, new Row(id, kind, invoice, pin, recipient, withEhf, reminderId, by, 0, clock.instant(), null, null, false,
                    null, clock.instant()));
            return id;
        }
    }

    @Override
    public void render(InvoiceId id, String pin, String requestedBy) {
        add(InvoiceJobKind.RENDER_PDF, id, pin, null, false, null, requestedBy);
    }

    @Override
    public void renderCustomerCopy(InvoiceId id, String pin, String requestedBy) {
        add(InvoiceJobKind.RENDER_CUSTOMER_COPY, id, pin, null, false, null, requestedBy);
    }

    @Override
    public boolean customerCopyPending(InvoiceId id) {
        synchronized (rows) {
            return rows.values().stream().anyMatch(r -> r.invoiceId().equals(id) && r.doneAt() == null
                    && (r.kind() == InvoiceJobKind.RENDER_PDF || r.kind() == InvoiceJobKind.RENDER_CUSTOMER_COPY));
        }
    }

    @Override
    public long send(InvoiceId id, String recipient, boolean withEhf, String requestedBy) {
        return add(InvoiceJobKind.SEND_INVOICE, id, null, recipient, withEhf, null, requestedBy);
    }

    @Override
    public long sendReminder(InvoiceId id, long reminderId, String recipient, String requestedBy) {
        return add(InvoiceJobKind.SEND_REMINDER, id, null, recipient, false, reminderId, requestedBy);
    }

    @Override
    public Optional<Job> claim(Duration lease) {
        synchronized (rows) {
            Instant now = clock.instant();
            var due = rows.values().stream()
                    .filter(r -> r.doneAt() == null && !r.notBefore().isAfter(now) && (r.claimedUntil() == null || r.claimedUntil().isBefore(now)))
                    .min(Comparator.comparing(Row::notBefore).thenComparing(Row::id));
            return due.map(r -> {
                var claimed = r.claimed(now.plus(lease));
                rows.put(r.id(), claimed);
                boolean unreadable = unreadablePins.contains(r.id());
                return new Job(r.id(), r.kind(), r.invoiceId(), unreadable ? null : r.pin(), r.recipient(), r.withEhf(), r.reminderId(),
                        claimed.attempts(), r.requestedBy(), unreadable ? "the sealed PIN cannot be opened with the configured key" : null);
            });
        }
    }

    @Override
    public void done(long jobId) {
        settle(jobId, r -> r.settled(r.notBefore(), clock.instant(), false, null));
    }

    @Override
    public void retryLater(long jobId, Duration delay, String error) {
        settle(jobId, r -> r.settled(clock.instant().plus(delay), null, false, error));
    }

    @Override
    public void postpone(long jobId, Duration delay, String why) {
        settle(jobId, r -> {
            var later = r.settled(clock.instant().plus(delay), null, false, why);
            return new Row(later.id(), later.kind(), later.invoiceId(), later.pin(), later.recipient(), later.withEhf(), later.reminderId(),
                    later.requestedBy(), later.attempts() - 1, later.notBefore(), later.claimedUntil(), later.doneAt(), later.failed(),
                    later.lastError(), later.createdAt());
        });
    }

    @Override
    public Optional<String> failedRender(InvoiceId id) {
        synchronized (rows) {
            var renders = rows.descendingMap().values().stream().filter(r -> r.invoiceId().equals(id) && r.kind() == InvoiceJobKind.RENDER_PDF).toList();
            if (renders.stream().anyMatch(r -> r.doneAt() == null)) {
                return Optional.empty();
            }
            return renders.stream().filter(Row::failed).map(Row::lastError).findFirst();
        }
    }

    @Override
    public void failed(long jobId, String error) {
        settle(jobId, r -> r.settled(r.notBefore(), clock.instant(), true, error));
    }

    private void settle(long jobId, java.util.function.UnaryOperator<Row> change) {
        synchronized (rows) {
            var changed = change.apply(rows.get(jobId));
            if (changed.lastError() != null && changed.lastError().indexOf('\0') >= 0) {
                // as PostgreSQL: text never holds a NUL
                throw new IllegalArgumentException("invalid byte sequence for encoding \"UTF8\": 0x00");
            }
            rows.put(jobId, changed);
        }
    }

    @Override
    public Page<InvoiceJobStatus> of(InvoiceId id, String cursor, int limit) {
        return InMemoryPages.descending("jobs", of(id), j -> List.of(j.id()), cursor, limit);
    }

    @Override
    public List<InvoiceJobStatus> of(InvoiceId id) {
        synchronized (rows) {
            return rows.descendingMap().values().stream().filter(r -> r.invoiceId().equals(id))
                    .map(r -> new InvoiceJobStatus(r.id(), r.kind(), r.recipient(), r.withEhf(), r.attempts(), r.createdAt(), r.doneAt(),
                            r.failed(), r.lastError()))
                    .toList();
        }
    }

    /** Job {@code id}'s sealed PIN, as if sealed under a key that is no longer configured (a rotated PIN key). */
    public void sealedUnderAnotherKey(long id) {
        unreadablePins.add(id);
    }

    public Row row(long id) {
        synchronized (rows) {
            return rows.get(id);
        }
    }

    /** Every job, oldest first. */
    public java.util.List<Row> all() {
        synchronized (rows) {
            return java.util.List.copyOf(rows.values());
        }
    }

    /** As if the worker had run every waiting job. */
    public void markAllDone() {
        synchronized (rows) {
            all().stream().filter(r -> r.doneAt() == null).forEach(r -> done(r.id()));
        }
    }
}
