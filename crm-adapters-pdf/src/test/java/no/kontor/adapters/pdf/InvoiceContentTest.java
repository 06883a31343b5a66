package no.kontor.adapters.pdf;

import no.kontor.application.invoice.Giro;
import static no.kontor.adapters.pdf.Rendered.CREDIT_NOTE;
import static no.kontor.adapters.pdf.Rendered.INVOICE;
import static no.kontor.adapters.pdf.Rendered.NOT_VAT_REGISTERED;
import static no.kontor.adapters.pdf.Rendered.PDFS;
import static no.kontor.adapters.pdf.Rendered.SPECIAL_CHARACTERS;
import static no.kontor.adapters.pdf.Rendered.text;
import static no.kontor.adapters.pdf.Rendered.textOfPage;
import static no.kontor.adapters.pdf.Rendered.ubl;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * What the printed invoice says, read back from the PDF with PDFBox: what the
 * bookkeeping regulations ask an invoice to show (docs/norway.md#invoice-content), in Norwegian, with
 * Norwegian numbers and dates.
 */
class InvoiceContentTest {

    @Test
    void anInvoiceShowsItsNumberDatesPartiesAndReferences() {
        String text = text(PDFS.render(ubl(INVOICE), "123456", Giro.FULL));

        assertThat(text).contains("Faktura\n", "Fakturanr. 10001", "Fakturadato 15.01.2026", "Forfallsdato 29.01.2026",
                "Leveringsdato 10.01.2026", "Deres ref. Kari Nordmann", "Deres org.nr. 991 825 827",
                "PIN for Min side: 123456");
        assertThat(text).contains("Fjordposten AS\nKaigata 12\n5003 Bergen\nOrg.nr. 974 760 673 MVA\nForetaksregisteret");
        assertThat(text).contains("Sjøbua Restaurant AS\nBryggen 4\n5003 Bergen");
    }

    @Test
    void anInvoiceShowsItsLinesTheVatPerRateAndTheTotals() {
        String text = text(PDFS.render(ubl(INVOICE), null, Giro.FULL));

        assertThat(text).contains("Beskrivelse Antall Pris Rabatt MVA Beløp",
                "Annonse, helside\nHelside, fire farger, lørdagsutgaven 17. og 24. januar\n2 stk 450,00 -72,40 25 % 827,60",
                "Avisabonnement, papir 4 mnd 50,00 0 % 200,00");
        assertThat(text).contains("MVA-sats Grunnlag MVA\n25 % 827,60 206,90\n0 % nullsats 200,00 0,00");
        assertThat(text).contains("Sum eks. mva 1 027,60\nMVA 206,90\nÅ betale NOK 1 234,50");
    }

    @Test
    void anInvoiceSaysHowToPay() {
        String text = text(PDFS.render(ubl(INVOICE), null, Giro.FULL));

        assertThat(text).contains("Betalingsbetingelser: Netto 14 dager",
                "Betal NOK 1 234,50 til konto 8601 11 17947 med KID 123456782 innen 29.01.2026.");
        assertThat(text).contains("Innbetalt til konto\n8601 11 17947\nBeløp\n1 234,50",
                "Betalingsinformasjon\nFaktura 10001, 15.01.2026\nKID 123456782", "Betalings-frist\n29.01.2026");
        assertThat(text).contains("H                   123456782      1234  50 < 9 >  86011117947");
    }

    @Test
    void aLongInvoiceContinuesOnPagesWithoutAGiroButWithAFooter() {
        // 40 lines instead of 2; the totals, printed as the document states them, no longer add up
        String ubl = ubl(INVOICE);
        int lines = ubl.indexOf("  <cac:InvoiceLine>");
        int end = ubl.indexOf("</Invoice>");
        byte[] pdf = PDFS.render(ubl.substring(0, lines) + ubl.substring(lines, end).repeat(20) + ubl.substring(end), null, Giro.FULL);

        assertThat(textOfPage(pdf, 1)).contains("Fakturanr. 10001", "Kvittering", "86011117947").doesNotContain("side 1");
        assertThat(textOfPage(pdf, 2)).startsWith("Beskrivelse Antall Pris Rabatt MVA Beløp\n")
                .contains("Å betale NOK 1 234,50", "Faktura 10001, side 2 av 2")
                .doesNotContain("Kvittering", "86011117947");
    }

    @Test
    void withoutAPinNoneIsPrinted() {
        assertThat(text(PDFS.render(ubl(INVOICE), null, Giro.FULL))).doesNotContain("PIN");
    }

    @Test
    void aCreditNoteNamesTheInvoiceItCreditsAndHasNoGiro() {
        String text = text(PDFS.render(ubl(CREDIT_NOTE), null, Giro.FULL));

        assertThat(text).contains("Kreditnota\nKreditnota for faktura nr 10001", "Kreditnotanr. 10002",
                "Kreditnotadato 20.01.2026", "Annonse, helside 1 stk 450,00 25 % 450,00", "25 % 450,00 112,50",
                "Kreditert NOK 562,50", "Annonsen 24. januar ble ikke trykket.", "Kreditnota 10002, side 1 av 1");
        assertThat(text).doesNotContain("Faktura\n", "Forfallsdato", "Kvittering", "GIRO", "Betal NOK");
        assertThat(OcrGlyphs.of(PDFS.render(ubl(CREDIT_NOTE), null, Giro.FULL))).isEmpty();
    }

    @Test
    void aSellerNotRegisteredForVatShowsNoMvaAndWhyThereIsNoVat() {
        String text = text(PDFS.render(ubl(NOT_VAT_REGISTERED), null, Giro.FULL));

        assertThat(text).contains("Org.nr. 889 640 782\n", "utenfor mva-området 2 750,00 0,00",
                "Selger er ikke merverdiavgiftsregistrert", "Å betale NOK 2 750,00",
                "Betal NOK 2 750,00 til konto 1234 56 78903, merket med fakturanr. 301 innen 04.03.2026.");
        assertThat(text).doesNotContain("889 640 782 MVA", "Foretaksregisteret", "KID ");
        assertThat(text).as("the buyer has no trading name: its registered name")
                .contains("Vossebladet AS\nPostboks 7\n5701 Voss");
    }

    @Test
    void lettersAeOeAaAndAnAmpersandSurviveEveryStep() {
        String text = text(PDFS.render(ubl(SPECIAL_CHARACTERS), null, Giro.FULL));

        assertThat(text).contains("Ærlig Øl & Åpen Bar AS\nØstre Ålgate 7\n1430 Ås", "Deres ref. Åse Ærlig");
        assertThat(text).as("in the address window and in the giro's Betalt av")
                .containsSubsequence("Ærlig Øl & Åpen Bar AS", "Betalt av\nÆrlig Øl & Åpen Bar AS");
    }
}
