package no.kontor.application.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import no.kontor.application.payment.OcrImportReport;
import no.kontor.application.payment.port.OcrImports;

/** What every {@link OcrImports} does: a transmission number is claimed once, and its content recognised. */
public abstract class OcrImportsContract extends PortContract {

    @Test
    void aTransmissionIsClaimedOnceAndItsReportIsReadBack() {
        var imports = port(OcrImports.class);
        String number = String.format("%07d", unique() % 10_000_000);
        var at = now();
        var claim = tx(() -> imports.claim(number, sha256("file-" + number), sha256("content-" + number), "user:1", at));
        assertThat(claim).isPresent();
        assertThat(tx(() -> imports.claim(number, sha256("file-" + number), sha256("content-" + number), "user:1", now()))).isEmpty();

        var report = new OcrImportReport(claim.getAsLong(), number, 3, 2, 1, 0, 0, 125000, "user:1", at);
        run(() -> imports.complete(report));
        assertThat(imports.find(claim.getAsLong())).contains(report);
        assertThat(imports.byTransmission(number)).contains(report);
        assertThat(imports.byTransmission(String.format("%07d", (unique() + 5_000_000) % 10_000_000))).isEmpty();
    }

    @Test
    void theSameContentIsRecognisedByItsContentHashWhateverTheFile() {
        var imports = port(OcrImports.class);
        String number = String.format("%07d", unique() % 10_000_000);
        run(() -> imports.claim(number, sha256("file-" + number), sha256("content-" + number), "user:1", now()));
        assertThat(imports.sameContent(number, sha256("content-" + number), sha256("another file"))).as("other line ends").isTrue();
        assertThat(imports.sameContent(number, sha256("other content"), sha256("file-" + number))).isFalse();
        assertThat(imports.sameContent(number, sha256("other content"), sha256("another file"))).isFalse();
    }
}
