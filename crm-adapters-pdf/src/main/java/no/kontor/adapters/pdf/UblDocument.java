package no.kontor.adapters.pdf;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.dom.DOMSource;

import no.kontor.domain.shared.BankAccountNumber;
import no.kontor.domain.shared.InvalidValueException;
import no.kontor.domain.shared.Kid;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * A UBL 2.1 Invoice or CreditNote, parsed once: the stylesheet reads its tree, and the
 * giro's payment data is read here, where Java can check it. Anything else is refused
 * with an {@link IllegalArgumentException} before FOP sees it.
 */
final class UblDocument {
    private static final String INVOICE = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";
    private static final String CREDIT_NOTE = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2";
    private static final String CAC = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";
    private static final String CBC = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";
    private static final String NOK = "NOK";

    /** What the giro needs: the KID (may be null), the amount payable in NOK, the payee's account. */
    record Payment(Kid kid, BigDecimal amount, BankAccountNumber account) {
    }

    private final Document dom;
    private final Element root;
    private final boolean creditNote;

    private UblDocument(Document dom, boolean creditNote) {
        this.dom = dom;
        this.root = dom.getDocumentElement();
        this.creditNote = creditNote;
    }

    /** @throws IllegalArgumentException when {@code ubl} is not well-formed XML or not a UBL Invoice or CreditNote */
    static UblDocument parse(String ubl) {
        if (ubl == null || ubl.isBlank()) {
            throw new IllegalArgumentException("no UBL document to render");
        }
        Document dom;
        try {
            dom = newBuilder().parse(new InputSource(new StringReader(ubl)));
        } catch (SAXParseException e) {
            throw new IllegalArgumentException("the document is not well-formed XML (line " + e.getLineNumber()
                    + ", column " + e.getColumnNumber() + "): " + e.getMessage(), e);
        } catch (SAXException e) {
            throw new IllegalArgumentException("the document is not well-formed XML: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new IllegalStateException("reading a string failed", e);
        }
        Element root = dom.getDocumentElement();
        boolean creditNote = is(root, CREDIT_NOTE, "CreditNote");
        if (!creditNote && !is(root, INVOICE, "Invoice")) {
            throw new IllegalArgumentException("expected a UBL Invoice or CreditNote, not {"
                    + root.getNamespaceURI() + "}" + root.getLocalName());
        }
        return new UblDocument(dom, creditNote);
    }

    boolean isCreditNote() {
        return creditNote;
    }

    /** The document number (cbc:ID), for messages. */
    String id() {
        Element id = child(root, CBC, "ID");
        return id == null ? "(no number)" : id.getTextContent().trim();
    }

    DOMSource source() {
        return new DOMSource(dom);
    }

    /**
     * The first PaymentMeans' KID and account, and the PayableAmount.
     *
     * @throws IllegalArgumentException when the account is missing or fails its check
     *                                  digit, the KID is malformed, or the amount is not in NOK
     */
    Payment payment() {
        Element means = child(root, CAC, "PaymentMeans");
        String account = text(child(child(means, CAC, "PayeeFinancialAccount"), CBC, "ID"));
        if (account == null) {
            throw new IllegalArgumentException("invoice " + id() + " has no account for the giro (PaymentMeans/PayeeFinancialAccount/ID)");
        }
        Element payable = child(child(root, CAC, "LegalMonetaryTotal"), CBC, "PayableAmount");
        if (payable == null || !NOK.equals(payable.getAttribute("currencyID"))) {
            throw new IllegalArgumentException("invoice " + id() + " needs a PayableAmount in NOK for the giro");
        }
        String kid = text(child(means, CBC, "PaymentID"));
        try {
            return new Payment(kid == null ? null : new Kid(kid), new BigDecimal(payable.getTextContent().trim()),
                    new BankAccountNumber(account));
        } catch (InvalidValueException | NumberFormatException e) {
            throw new IllegalArgumentException("invoice " + id() + " cannot carry a giro: " + e.getMessage(), e);
        }
    }

    private static boolean is(Element element, String namespace, String localName) {
        return namespace.equals(element.getNamespaceURI()) && localName.equals(element.getLocalName());
    }

    /** The first child element {@code {namespace}localName} of {@code parent}, or null (also for a null parent). */
    private static Element child(Element parent, String namespace, String localName) {
        for (Node node = parent == null ? null : parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && is(element, namespace, localName)) {
                return element;
            }
        }
        return null;
    }

    /** The element's trimmed text; null when there is no element or no text. */
    private static String text(Element element) {
        String text = element == null ? "" : element.getTextContent().trim();
        return text.isEmpty() ? null : text;
    }

    /** A namespace-aware parser that reads no DTD and no external entity, and prints nothing. */
    private static DocumentBuilder newBuilder() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        try {
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(RethrowingErrorHandler.INSTANCE);
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks a standard feature", e);
        }
    }

    /** Errors become exceptions rather than lines on standard error. */
    private enum RethrowingErrorHandler implements ErrorHandler {
        INSTANCE;

        @Override
        public void warning(SAXParseException exception) {
            // a warning does not stop rendering
        }

        @Override
        public void error(SAXParseException exception) throws SAXException {
            throw exception;
        }

        @Override
        public void fatalError(SAXParseException exception) throws SAXException {
            throw exception;
        }
    }
}
