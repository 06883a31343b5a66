package no.kontor.adapters.pdf;

import no.kontor.application.invoice.Giro;
import static no.kontor.adapters.pdf.Rendered.PDFS;
import static no.kontor.adapters.pdf.Rendered.ubl;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every document, in both giro modes, is PDF/A-2b by veraPDF: fonts embedded, output intent, metadata. */
class PdfAComplianceTest {

    static Stream<Arguments> documents() {
        return Arrays.stream(Rendered.FIXTURES)
                .flatMap(fixture -> Arrays.stream(Giro.values()).map(giro -> Arguments.of(fixture, giro)));
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("documents")
    void isPdfA2b(String fixture, Giro giro) {
        assertThat(PdfA.violations(PDFS.render(ubl(fixture), "123456", giro))).isEmpty();
    }
}
