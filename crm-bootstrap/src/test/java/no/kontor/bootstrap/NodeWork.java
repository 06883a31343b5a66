package no.kontor.bootstrap;

import java.util.concurrent.atomic.AtomicInteger;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import no.kontor.application.invoice.Giro;
import no.kontor.application.invoice.port.InvoicePdfs;
import no.kontor.application.invoice.port.Mailer;
import no.kontor.domain.invoice.Reminder;

/**
 * What one node's outbox worker did (only in a test that sets {@code kontor.test.node-work=true}):
 * the mails it handed to the SMTP server and the PDFs it rendered, counted around the real
 * mailer and renderer. Each node (application context) has its own, so a test of several
 * nodes can tell that every node took part.
 */
@Singleton
@Requires(property = "kontor.test.node-work", value = "true")
public class NodeWork {
    final AtomicInteger mails = new AtomicInteger();
    final AtomicInteger renders = new AtomicInteger();

    /** Wraps the node's mailer: counts a mail once the server accepted it. */
    @Singleton
    @Requires(property = "kontor.test.node-work", value = "true")
    static final class CountMails implements BeanCreatedEventListener<Mailer> {
        private final NodeWork work;

        CountMails(NodeWork work) {
            this.work = work;
        }

        @Override
        public Mailer onCreated(BeanCreatedEvent<Mailer> event) {
            Mailer real = event.getBean();
            return mail -> {
                real.send(mail);
                work.mails.incrementAndGet();
            };
        }
    }

    /** Wraps the node's renderer: counts each PDF rendered. */
    @Singleton
    @Requires(property = "kontor.test.node-work", value = "true")
    static final class CountRenders implements BeanCreatedEventListener<InvoicePdfs> {
        private final NodeWork work;

        CountRenders(NodeWork work) {
            this.work = work;
        }

        @Override
        public InvoicePdfs onCreated(BeanCreatedEvent<InvoicePdfs> event) {
            InvoicePdfs real = event.getBean();
            return new InvoicePdfs() {
                @Override
                public byte[] render(String ubl, String pin, Giro giro) {
                    byte[] pdf = real.render(ubl, pin, giro);
                    work.renders.incrementAndGet();
                    return pdf;
                }

                @Override
                public byte[] renderReminder(String ubl, Reminder reminder) {
                    byte[] pdf = real.renderReminder(ubl, reminder);
                    work.renders.incrementAndGet();
                    return pdf;
                }
            };
        }
    }
}
