package no.kontor.application.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import no.kontor.application.invoice.InvoiceJobKind;
import no.kontor.application.invoice.port.InvoiceJobs;

/** What every {@link InvoiceJobs} does: the outbox (docs/architecture.md#outbox). */
public abstract class InvoiceJobsContract extends PortContract {
    private static final Duration LEASE = Duration.ofMinutes(5);

    private InvoiceJobs jobs() {
        return port(InvoiceJobs.class);
    }

    /** Claims until {@code id} comes up: other contracts' jobs may share the queue. */
    private InvoiceJobs.Job claimJob(long id) {
        for (int i = 0; i < 1000; i++) {
            var job = tx(() -> jobs().claim(LEASE));
            if (job.isEmpty()) {
                throw new AssertionError("job " + id + " was never claimed");
            }
            if (job.get().id() == id) {
                return job.get();
            }
            run(() -> jobs().done(job.get().id()));
        }
        throw new AssertionError("too many jobs");
    }

    @Test
    void aSendJobIsClaimedOnceCountsItsAttemptAndIsListedWithItsInvoice() {
        var invoice = issuedInvoice();
        long id = tx(() -> jobs().send(invoice.getId(), "kunde@firma.example", true, "user:1"));
        var job = claimJob(id);
        assertThat(job.kind()).isEqualTo(InvoiceJobKind.SEND_INVOICE);
        assertThat(job.recipient()).isEqualTo("kunde@firma.example");
        assertThat(job.withEhf()).isTrue();
        assertThat(job.attempts()).isEqualTo(1);
        assertThat(tx(() -> jobs().claim(LEASE)).filter(j -> j.id() == id)).as("leased: nobody else takes it").isEmpty();

        run(() -> jobs().done(id));
        assertThat(jobs().of(invoice.getId())).singleElement().satisfies(s -> {
            assertThat(s.id()).isEqualTo(id);
            assertThat(s.doneAt()).isNotNull();
            assertThat(s.failed()).isFalse();
        });
    }

    @Test
    void aJobThatFailsForNowIsDueAgainAfterItsDelayAndAFailedOneShowsItsReason() {
        var invoice = issuedInvoice();
        long id = tx(() -> jobs().send(invoice.getId(), "kunde@firma.example", false, "user:1"));
        claimJob(id);
        run(() -> jobs().retryLater(id, Duration.ZERO, "SMTP down"));
        var again = claimJob(id);
        assertThat(again.attempts()).as("the second attempt").isEqualTo(2);
        run(() -> jobs().failed(id, "550 no such user"));
        assertThat(jobs().of(invoice.getId())).singleElement().satisfies(s -> {
            assertThat(s.failed()).isTrue();
            assertThat(s.lastError()).contains("550 no such user");
        });
    }

    @Test
    void aRenderJobCarriesItsPinAndAFailedRenderIsReported() {
        var invoice = issuedInvoice();
        run(() -> jobs().render(invoice.getId(), "123456", "user:1"));
        long id = jobs().of(invoice.getId()).get(0).id();
        var job = claimJob(id);
        assertThat(job.kind()).isEqualTo(InvoiceJobKind.RENDER_PDF);
        assertThat(job.pin()).isEqualTo("123456");
        assertThat(jobs().failedRender(invoice.getId())).isEmpty();
        run(() -> jobs().failed(id, "FOP refused the document"));
        assertThat(jobs().failedRender(invoice.getId())).hasValueSatisfying(e -> assertThat(e).contains("FOP refused"));
    }
}
