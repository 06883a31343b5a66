package no.kontor.adapters.pdf;

import no.kontor.application.invoice.Giro;
import static no.kontor.adapters.pdf.Rendered.FIXTURES;
import static no.kontor.adapters.pdf.Rendered.PDFS;
import static no.kontor.adapters.pdf.Rendered.text;
import static no.kontor.adapters.pdf.Rendered.ubl;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

/**
 * One renderer, four threads at once: the shared FOP factory and compiled stylesheet
 * must not let one render see another's document or parameters.
 */
class ConcurrentRenderingTest {
    private static final int THREADS = 4;
    private static final int RENDERS_PER_THREAD = 3 * FIXTURES.length;

    @Test
    void fourThreadsRenderingAtOnceAllGetTheirOwnValidPdf() throws Exception {
        List<String> expected = new ArrayList<>();
        for (int fixture = 0; fixture < FIXTURES.length; fixture++) {
            expected.add(text(render(fixture)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<List<byte[]>>> results = new ArrayList<>();
            for (int thread = 0; thread < THREADS; thread++) {
                int offset = thread;
                results.add(pool.submit(() -> {
                    start.await();
                    List<byte[]> pdfs = new ArrayList<>();
                    for (int i = 0; i < RENDERS_PER_THREAD; i++) {
                        pdfs.add(render((offset + i) % FIXTURES.length));
                    }
                    return pdfs;
                }));
            }
            start.countDown();
            for (int thread = 0; thread < THREADS; thread++) {
                List<byte[]> pdfs = results.get(thread).get();
                for (int i = 0; i < pdfs.size(); i++) {
                    assertThat(text(pdfs.get(i))).as("thread %d, render %d", thread, i)
                            .isEqualTo(expected.get((thread + i) % FIXTURES.length));
                    assertThat(PdfA.violations(pdfs.get(i))).as("thread %d, render %d", thread, i).isEmpty();
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Each fixture with a PIN of its own, so a parameter crossing threads would show. */
    private static byte[] render(int fixture) {
        return PDFS.render(ubl(FIXTURES[fixture]), "20000" + fixture, Giro.FULL);
    }
}
