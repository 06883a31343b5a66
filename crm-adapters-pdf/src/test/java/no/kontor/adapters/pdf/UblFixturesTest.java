package no.kontor.adapters.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The hand-written fixtures the renderer is tested on are real EHF documents: they pass
 * the official PEPPOL BIS Billing 3.0 rules, warnings included, so the renderer is
 * tested on what Kontor issues. The warm-up sample too.
 */
class UblFixturesTest {

    @ParameterizedTest
    @ValueSource(strings = {Rendered.INVOICE, Rendered.SPECIAL_CHARACTERS})
    void invoiceFixtureIsCleanEhf(String fixture) {
        assertThat(EhfRules.check(Rendered.ubl(fixture), false)).isEmpty();
    }

    @Test
    void theCreditNoteFixtureIsCleanEhf() {
        assertThat(EhfRules.check(Rendered.ubl(Rendered.CREDIT_NOTE), true)).isEmpty();
    }

    @Test
    void theSellerOutsideVatDrawsOnlyTheForetaksregisteretWarning() {
        // NO-R-002 asks every Norwegian seller for "Foretaksregisteret"; a sole proprietorship is not registered there.
        assertThat(EhfRules.check(Rendered.ubl(Rendered.NOT_VAT_REGISTERED), false))
                .singleElement().satisfies(finding -> {
                    assertThat(finding.rule()).isEqualTo("NO-R-002");
                    assertThat(finding.error()).isFalse();
                });
    }

    @Test
    void theWarmUpSampleIsCleanEhf() throws IOException {
        try (InputStream sample = FopInvoicePdfs.class.getResourceAsStream("sample-invoice.xml")) {
            assertThat(EhfRules.check(new String(sample.readAllBytes(), StandardCharsets.UTF_8), false)).isEmpty();
        }
    }
}
