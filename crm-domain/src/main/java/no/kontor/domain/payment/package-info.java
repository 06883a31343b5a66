/**
 * Incoming payments as the bank reports them: the Nets OCR giro file, read and checked
 * whole (record lengths, structure, counts and totals) before any of it is used, as
 * docs/norway.md#ocr-file ("Incoming payments: Nets OCR giro file", after Nets' "OCR giro – System
 * manual" v2.0) lays it down. A file that fails a check is refused with an
 * {@link no.kontor.domain.payment.OcrFileException} naming the line and nothing of it is
 * returned; matching the payments to invoices by KID happens elsewhere.
 */
package no.kontor.domain.payment;
