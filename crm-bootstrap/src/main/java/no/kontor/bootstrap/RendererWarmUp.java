package no.kontor.bootstrap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import no.kontor.adapters.pdf.FopInvoicePdfs;
import no.kontor.application.invoice.port.InvoicePdfs;

/**
 * The first PDF in a JVM costs about a second and a half (the FOP factory, the stylesheet's
 * compilation, classes, fonts). It is paid in the background once the server listens, not
 * before the first request is served (docs/benchmarks/harness.md, "start"): a PDF asked for in
 * that time simply waits for it. Then one full collection hands back to the system the heap
 * the start filled with garbage (G1 shrinks to what is live), so an idle server holds what it
 * uses, not what starting it took.
 */
@Singleton
class RendererWarmUp {
    private static final Logger LOG = LoggerFactory.getLogger(RendererWarmUp.class);
    private final InvoicePdfs pdfs;

    RendererWarmUp(InvoicePdfs pdfs) {
        this.pdfs = pdfs;
    }

    @EventListener
    void onServerStarted(ServerStartupEvent event) {
        if (pdfs instanceof FopInvoicePdfs fop) {
            Thread warm = new Thread(() -> {
                try {
                    fop.warmUp();
                } catch (RuntimeException e) {
                    LOG.warn("warming the PDF renderer failed (the first invoice will tell why): {}", e.toString());
                }
                System.gc(); // once, after the start: see the class comment
            }, "renderer-warm-up");
            warm.setDaemon(true);
            warm.setPriority(Thread.MIN_PRIORITY);
            warm.start();
        }
    }
}
