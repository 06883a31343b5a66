package no.kontor.adapters.pdf;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import no.kontor.application.invoice.port.EhfDocuments;
import no.kontor.domain.invoice.Buyer;
import no.kontor.domain.invoice.Invoice;
import no.kontor.domain.invoice.InvoiceKind;
import no.kontor.domain.invoice.InvoiceLine;
import no.kontor.domain.invoice.InvoiceTotals;
import no.kontor.domain.invoice.Seller;
import no.kontor.domain.invoice.TaxCategory;

/**
 * Writes an issued invoice or credit note as PEPPOL BIS Billing 3.0 (UBL 2.1), the
 * canonical document: element order as the UBL schema demands, every amount in NOK
 * with {@code currencyID}, the seller's VAT id {@code NO…MVA} when registered and
 * {@code Foretaksregisteret} under TaxScheme {@code TAX} (docs/norway.md#ehf). A buyer with
 * an org number gets it as electronic address (scheme 0192): that document is EHF.
 * A line's discount is written as a line allowance, so that quantity × price − allowance
 * is the line's net.
 */
public final class UblWriter implements EhfDocuments {
    static final String CUSTOMIZATION = "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0";
    static final String PROFILE = "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0";
    private static final String CAC = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";
    private static final String CBC = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";
    private static final String CURRENCY = "NOK";
    private static final String NORWEGIAN_ORG_NO = "0192";

    private final XMLOutputFactory factory = XMLOutputFactory.newFactory();

    @Override
    public String write(Invoice issued, Invoice credited) {
        if (issued.getNumber() == null) {
            throw new IllegalArgumentException("a draft has no document");
        }
        boolean creditNote = issued.getKind() == InvoiceKind.CREDIT_NOTE;
        if (creditNote && credited == null) {
            throw new IllegalArgumentException("a credit note references the invoice it credits");
        }
        var out = new StringWriter();
        try {
            XMLStreamWriter w = factory.createXMLStreamWriter(out);
            new Writer(w, issued, credited).document();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the UBL of document " + issued.getNumber(), e);
        }
        return out.toString();
    }

    /** One document being written: the order of the calls is the order of the schema. */
    private static final class Writer {
        private final XMLStreamWriter w;
        private final Invoice doc;
        private final Invoice credited;
        private final boolean creditNote;
        private final InvoiceTotals totals;

        Writer(XMLStreamWriter w, Invoice doc, Invoice credited) {
            this.w = w;
            this.doc = doc;
            this.credited = credited;
            this.creditNote = doc.getKind() == InvoiceKind.CREDIT_NOTE;
            this.totals = doc.totals();
        }

        void document() throws XMLStreamException {
            String root = creditNote ? "CreditNote" : "Invoice";
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("", root, "urn:oasis:names:specification:ubl:schema:xsd:" + root + "-2");
            w.writeDefaultNamespace("urn:oasis:names:specification:ubl:schema:xsd:" + root + "-2");
            w.writeNamespace("cac", CAC);
            w.writeNamespace("cbc", CBC);
            text("CustomizationID", CUSTOMIZATION);
            text("ProfileID", PROFILE);
            text("ID", Long.toString(doc.getNumber()));
            text("IssueDate", doc.getIssueDate().toString());
            if (!creditNote) {
                text("DueDate", doc.getDueDate().toString());
            }
            text(creditNote ? "CreditNoteTypeCode" : "InvoiceTypeCode", doc.getKind().typeCode());
            if (doc.getNote() != null) {
                text("Note", doc.getNote());
            }
            text("DocumentCurrencyCode", CURRENCY);
            text("BuyerReference", doc.getBuyerReference());
            if (creditNote) {
                start("BillingReference");
                start("InvoiceDocumentReference");
                text("ID", Long.toString(credited.getNumber()));
                text("IssueDate", credited.getIssueDate().toString());
                end();
                end();
            }
            seller(doc.getSeller());
            buyer(doc.getBuyer());
            if (!creditNote) {
                payment();
            }
            taxTotal();
            monetaryTotal();
            for (InvoiceLine line : doc.getLines()) {
                line(line);
            }
            w.writeEndElement();
            w.writeEndDocument();
        }

        private void seller(Seller s) throws XMLStreamException {
            start("AccountingSupplierParty");
            start("Party");
            withAttribute("EndpointID", "schemeID", NORWEGIAN_ORG_NO, s.organisationNumber().value());
            start("PartyName");
            text("Name", s.name());
            end();
            address(s.street(), s.place(), s.postalCode());
            if (s.vatRegistered()) {
                start("PartyTaxScheme");
                text("CompanyID", s.vatId());
                taxScheme("VAT");
                end();
            }
            if (s.foretaksregisteret()) {
                start("PartyTaxScheme");
                text("CompanyID", "Foretaksregisteret");
                taxScheme("TAX");
                end();
            }
            start("PartyLegalEntity");
            text("RegistrationName", s.name());
            withAttribute("CompanyID", "schemeID", NORWEGIAN_ORG_NO, s.organisationNumber().value());
            end();
            if (s.phone() != null || s.email() != null) {
                start("Contact");
                optional("Telephone", s.phone());
                optional("ElectronicMail", s.email());
                end();
            }
            end();
            end();
        }

        private void buyer(Buyer b) throws XMLStreamException {
            start("AccountingCustomerParty");
            start("Party");
            if (b.receivesEhf()) {
                withAttribute("EndpointID", "schemeID", NORWEGIAN_ORG_NO, b.organisationNumber().value());
            }
            start("PartyIdentification");
            text("ID", Long.toString(b.customerNumber()));
            end();
            start("PartyName");
            text("Name", b.name());
            end();
            address(b.street(), b.place(), b.postalCode());
            start("PartyLegalEntity");
            text("RegistrationName", b.name());
            if (b.receivesEhf()) {
                withAttribute("CompanyID", "schemeID", NORWEGIAN_ORG_NO, b.organisationNumber().value());
            }
            end();
            if (b.email() != null) {
                start("Contact");
                text("ElectronicMail", b.email());
                end();
            }
            end();
            end();
        }

        private void address(String street, String place, String postalCode) throws XMLStreamException {
            start("PostalAddress");
            optional("StreetName", street);
            optional("CityName", place);
            optional("PostalZone", postalCode);
            start("Country");
            text("IdentificationCode", "NO");
            end();
            end();
        }

        private void payment() throws XMLStreamException {
            start("PaymentMeans");
            withAttribute("PaymentMeansCode", "name", "Credit transfer", "31");
            if (doc.getKid() != null) {
                text("PaymentID", doc.getKid().value());
            }
            start("PayeeFinancialAccount");
            text("ID", doc.getSeller().account().value());
            end();
            end();
            start("PaymentTerms");
            text("Note", "Netto " + java.time.temporal.ChronoUnit.DAYS.between(doc.getIssueDate(), doc.getDueDate()) + " dager");
            end();
        }

        private void taxTotal() throws XMLStreamException {
            start("TaxTotal");
            amount("TaxAmount", totals.vat());
            for (InvoiceTotals.Subtotal sub : totals.subtotals()) {
                start("TaxSubtotal");
                amount("TaxableAmount", sub.taxable());
                amount("TaxAmount", sub.vat());
                start("TaxCategory");
                text("ID", sub.category().name());
                if (sub.percent() != null) {
                    text("Percent", sub.percent().toPlainString());
                }
                optional("TaxExemptionReason", sub.exemptionReason());
                taxScheme("VAT");
                end();
                end();
            }
            end();
        }

        private void monetaryTotal() throws XMLStreamException {
            start("LegalMonetaryTotal");
            amount("LineExtensionAmount", totals.net());
            amount("TaxExclusiveAmount", totals.net());
            amount("TaxInclusiveAmount", totals.gross());
            amount("PayableAmount", totals.gross());
            end();
        }

        private void line(InvoiceLine l) throws XMLStreamException {
            start(creditNote ? "CreditNoteLine" : "InvoiceLine");
            text("ID", Integer.toString(l.lineNo()));
            withAttribute(creditNote ? "CreditedQuantity" : "InvoicedQuantity", "unitCode", l.unitCode(), l.quantity().toPlainString());
            amount("LineExtensionAmount", l.net());
            long gross = l.quantity().multiply(BigDecimal.valueOf(l.unitPrice())).setScale(0, RoundingMode.HALF_UP).longValueExact();
            if (l.discountPercent().signum() > 0) {
                start("AllowanceCharge");
                text("ChargeIndicator", "false");
                text("AllowanceChargeReasonCode", "95");
                text("AllowanceChargeReason", "Rabatt " + l.discountPercent().toPlainString() + " %");
                amount("Amount", gross - l.net());
                end();
            }
            start("Item");
            text("Name", l.description());
            start("ClassifiedTaxCategory");
            text("ID", l.category().name());
            if (l.category() != TaxCategory.O) {
                text("Percent", l.percent().toPlainString());
            }
            taxScheme("VAT");
            end();
            end();
            start("Price");
            amount("PriceAmount", l.unitPrice());
            end();
            end();
        }

        private void taxScheme(String id) throws XMLStreamException {
            start("TaxScheme");
            text("ID", id);
            end();
        }

        private void amount(String name, long ore) throws XMLStreamException {
            withAttribute(name, "currencyID", CURRENCY, BigDecimal.valueOf(ore, 2).toPlainString());
        }

        private void start(String aggregate) throws XMLStreamException {
            w.writeStartElement("cac", aggregate, CAC);
        }

        private void end() throws XMLStreamException {
            w.writeEndElement();
        }

        private void text(String name, String value) throws XMLStreamException {
            w.writeStartElement("cbc", name, CBC);
            w.writeCharacters(value);
            w.writeEndElement();
        }

        private void optional(String name, String value) throws XMLStreamException {
            if (value != null) {
                text(name, value);
            }
        }

        private void withAttribute(String name, String attribute, String attributeValue, String value) throws XMLStreamException {
            w.writeStartElement("cbc", name, CBC);
            w.writeAttribute(attribute, attributeValue);
            w.writeCharacters(value);
            w.writeEndElement();
        }
    }
}
