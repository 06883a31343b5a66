package no.kontor.adapters.pdf.bench;

import no.kontor.application.invoice.Giro;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;

import javax.xml.transform.TransformerFactory;
import javax.xml.transform.sax.SAXResult;
import javax.xml.transform.stream.StreamSource;

import no.kontor.adapters.pdf.FopInvoicePdfs;
import no.kontor.adapters.pdf.PdfA2bFopFactory;

import org.apache.fop.apps.Fop;
import org.apache.fop.apps.FopFactory;
import org.apache.fop.apps.MimeConstants;

/**
 * How much {@link FopInvoicePdfs#render} costs over plain FOP (docs/architecture.md#performance-targets: within 20 %
 * of plain FOP rendering the same FO with the same settings, in the same run).
 *
 * <p>Both sides render fixture (a) on one thread: the renderer from its UBL (parse,
 * XSLT, FOP), plain FOP from the XSL-FO the renderer produces for it (parse, FOP), with
 * a factory of the same configuration (PDF/A-2b, the same embedded fonts). After a
 * warm-up, rounds alternate which side goes first, so drift in the JVM or the machine
 * falls on both. A report, not a test:
 * {@code ./mvnw -q -pl crm-adapters-pdf exec:java -Dexec.classpathScope=test -Dexec.mainClass=no.kontor.adapters.pdf.bench.PdfBenchmark}
 */
public final class PdfBenchmark {
    private static final String FIXTURE = "/ubl/invoice-advertising-and-newspaper.xml";
    private static final int WARM_UP = Integer.getInteger("bench.warm-up", 300);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 6);
    private static final int PER_ROUND = Integer.getInteger("bench.per-round", 150);

    private final FopInvoicePdfs pdfs = new FopInvoicePdfs(null);
    private final FopFactory plainFop = PdfA2bFopFactory.create();
    private final TransformerFactory transformers = TransformerFactory.newDefaultInstance();
    private final String ubl;
    private final String fo;
    private long bytes;

    private PdfBenchmark(String ubl) {
        this.ubl = ubl;
        pdfs.warmUp();
        this.fo = pdfs.foOf(ubl, "123456", Giro.FULL);
    }

    public static void main(String[] args) throws IOException {
        PdfBenchmark benchmark;
        try (InputStream in = Objects.requireNonNull(PdfBenchmark.class.getResourceAsStream(FIXTURE), FIXTURE)) {
            benchmark = new PdfBenchmark(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        benchmark.run();
    }

    private void run() {
        for (int i = 0; i < WARM_UP; i++) {
            time(this::renderer);
            time(this::plainFop);
        }
        long[] renderer = new long[ROUNDS * PER_ROUND];
        long[] plain = new long[ROUNDS * PER_ROUND];
        for (int round = 0; round < ROUNDS; round++) {
            boolean rendererFirst = round % 2 == 0;
            measure(rendererFirst ? renderer : plain, round, rendererFirst ? this::renderer : this::plainFop);
            measure(rendererFirst ? plain : renderer, round, rendererFirst ? this::plainFop : this::renderer);
        }
        System.out.printf(Locale.ROOT, "PDF rendering, %s, one thread, %d rounds of %d PDFs per side, alternating (%d MB written)%n",
                FIXTURE, ROUNDS, PER_ROUND, bytes >> 20);
        Summary ours = report("FopInvoicePdfs.render (UBL -> XSLT -> FOP)", renderer);
        Summary theirs = report("plain FOP on the same FO                  ", plain);
        System.out.printf(Locale.ROOT, "time per PDF, render / plain FOP: median %.2f, mean %.2f (target: at most 1.20)%n",
                ours.medianMs / theirs.medianMs, theirs.perSecond / ours.perSecond);
        String result = System.getProperty("bench.result", "");
        if (!result.isBlank()) { // for the benchmark harness (bench/run), which puts these beside the server's figures
            try {
                java.nio.file.Files.writeString(java.nio.file.Path.of(result), String.format(Locale.ROOT,
                        "renderer.pdfs-per-second=%.2f%nplain.pdfs-per-second=%.2f%n", ours.perSecond, theirs.perSecond));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    private byte[] renderer() {
        return pdfs.render(ubl, "123456", Giro.FULL);
    }

    /** Plain FOP: the FO text parsed straight into FOP, as the FOP command line does. */
    private byte[] plainFop() {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream(64 * 1024);
        try {
            Fop fop = plainFop.newFop(MimeConstants.MIME_PDF, plainFop.newFOUserAgent(), pdf);
            transformers.newTransformer().transform(new StreamSource(new StringReader(fo)), new SAXResult(fop.getDefaultHandler()));
        } catch (Exception e) {
            throw new IllegalStateException("plain FOP failed", e);
        }
        return pdf.toByteArray();
    }

    private void measure(long[] samples, int round, Supplier<byte[]> render) {
        for (int i = 0; i < PER_ROUND; i++) {
            samples[round * PER_ROUND + i] = time(render);
        }
    }

    /** Nanoseconds for one PDF; its size is kept so the work cannot be optimised away. */
    private long time(Supplier<byte[]> render) {
        long start = System.nanoTime();
        bytes += render.get().length;
        return System.nanoTime() - start;
    }

    private record Summary(double perSecond, double medianMs) {
    }

    private static Summary report(String name, long[] samples) {
        long[] sorted = samples.clone();
        Arrays.sort(sorted);
        Summary summary = new Summary(samples.length / (Arrays.stream(samples).sum() / 1e9), sorted[sorted.length / 2] / 1e6);
        System.out.printf(Locale.ROOT, "%s: %6.1f PDFs/s, median %5.2f ms, p90 %5.2f ms%n",
                name, summary.perSecond, summary.medianMs, sorted[sorted.length * 9 / 10] / 1e6);
        return summary;
    }
}
