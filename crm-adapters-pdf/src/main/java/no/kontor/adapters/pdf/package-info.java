/**
 * Invoice documents: the canonical PEPPOL BIS Billing 3.0 (EHF) UBL document, and the
 * PDF rendered from it through XSLT, XSL-FO and Apache FOP with the Norwegian giro.
 * A skeleton until invoicing arrives; like every adapter it depends on the
 * application's ports and never on another adapter.
 */
package no.kontor.adapters.pdf;
