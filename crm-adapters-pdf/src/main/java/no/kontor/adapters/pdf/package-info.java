/**
 * Invoice documents. {@link no.kontor.adapters.pdf.UblWriter} writes the canonical
 * document of an issued invoice or credit note, PEPPOL BIS Billing 3.0 UBL (EHF);
 * {@link no.kontor.adapters.pdf.FopInvoicePdfs} renders that frozen text, never live
 * data, through XSLT to XSL-FO and Apache FOP as PDF/A-2b with bundled, embedded fonts
 * and the Norwegian giro (OCR-B line on the positions of docs/norway.md#giro). Plain Java: the
 * application's bootstrap constructs both.
 */
package no.kontor.adapters.pdf;
