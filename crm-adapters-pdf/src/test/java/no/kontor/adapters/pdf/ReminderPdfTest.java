package no.kontor.adapters.pdf;

import static no.kontor.adapters.pdf.Rendered.CREDIT_NOTE;
import static no.kontor.adapters.pdf.Rendered.INVOICE;
import static no.kontor.adapters.pdf.Rendered.PDFS;
import static no.kontor.adapters.pdf.Rendered.text;
import static no.kontor.adapters.pdf.Rendered.ubl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import no.kontor.domain.invoice.InvoiceId;
import no.kontor.domain.invoice.Reminder;
import no.kontor.domain.shared.BankAccountNumber;
import no.kontor.domain.shared.Kid;

/** A reminder's PDF: the invoice's page with what is owed now, and a giro for the reminder's total and date. */
class ReminderPdfTest {
    /** Reminder 2 of the fixture invoice (1 234,50 due): a fee of 37,50 and 12,34 interest, 14 days to pay. */
    static final Reminder REMINDER = new Reminder(7L, new InvoiceId(1), 2, LocalDate.of(2026, 2, 20), LocalDate.of(2026, 3, 6), 123450,
            3750, 1234, "mona", Instant.parse("2026-02-20T09:00:00Z"));

    @Test
    void aReminderStatesWhatIsOwedAndItsGiroAsksForTheTotalByTheNewDate() {
        byte[] pdf = PDFS.renderReminder(ubl(INVOICE), REMINDER);
        String text = text(pdf);
        assertThat(text).contains("Purring", "Purring nr. 2, 20.02.2026", "Purregebyr", "37,50", "Forsinkelsesrente", "12,34",
                "Å betale", "1 284,34", "Betales innen 06.03.2026", "Fakturanr.");
        assertThat(text).doesNotContain("PIN for Min side");
        String expected = OcrLine.of(new Kid("123456782"), new BigDecimal("1284.34"), new BankAccountNumber("86011117947"));
        assertThat(OcrGlyphs.of(pdf)).extracting(OcrGlyphs.Glyph::character)
                .containsExactlyElementsOf(expected.chars().filter(c -> c != ' ').mapToObj(c -> (char) c).toList());
        assertThat(PdfA.violations(pdf)).isEmpty();
    }

    @Test
    void aReminderWithoutAFeeOrInterestShowsNeither() {
        var plain = new Reminder(8L, new InvoiceId(1), 1, LocalDate.of(2026, 1, 30), LocalDate.of(2026, 2, 13), 123450, 0, 0, "mona",
                Instant.parse("2026-01-30T09:00:00Z"));
        String text = text(PDFS.renderReminder(ubl(INVOICE), plain));
        assertThat(text).contains("Purring nr. 1", "1 234,50", "Betales innen 13.02.2026").doesNotContain("Purregebyr",
                "Forsinkelsesrente");
    }

    @Test
    void aCreditNoteIsNotRemindedOf() {
        assertThatThrownBy(() -> PDFS.renderReminder(ubl(CREDIT_NOTE), REMINDER)).isInstanceOf(IllegalArgumentException.class);
    }
}
