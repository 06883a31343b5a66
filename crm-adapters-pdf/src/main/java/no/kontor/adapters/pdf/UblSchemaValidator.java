package no.kontor.adapters.pdf;

import java.io.IOException;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;

import org.xml.sax.Attributes;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

import com.helger.io.resource.ClassPathResource;
import com.helger.ubl21.UBL21Marshaller;

import no.kontor.application.invoice.port.DocumentValidator;
import no.kontor.domain.invoice.InvoiceKind;

/**
 * Validates a document against the UBL 2.1 schemas of Invoice and CreditNote, as
 * shipped by ph-ubl21 (the library the EHF rules in the tests rest on), before it is
 * frozen. The schema is compiled once, in the background from construction: it is
 * large (the aggregate components alone are 2.4 MB of XSD) and compiling it takes a
 * second or two, while a compiled {@link Schema} is immutable and thread-safe, so every
 * check only creates a cheap validator. Parsing is namespace-aware, refuses any
 * DOCTYPE and reaches for nothing outside the document.
 */
public final class UblSchemaValidator implements DocumentValidator {
    private static final String INVOICE_NS = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";
    private static final String CREDIT_NOTE_NS = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2";

    private final CompletableFuture<Schema> schema;
    private final SAXParserFactory parsers;

    public UblSchemaValidator() {
        this.schema = CompletableFuture.supplyAsync(UblSchemaValidator::compile, runnable -> {
            var thread = new Thread(runnable, "ubl-schema");
            thread.setDaemon(true);
            thread.start();
        });
        this.parsers = SAXParserFactory.newInstance();
        parsers.setNamespaceAware(true);
        try {
            parsers.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            parsers.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            parsers.setFeature("http://xml.org/sax/features/external-general-entities", false);
            parsers.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("the JDK's SAX parser refuses its own security features", e);
        }
    }

    /** The Invoice and CreditNote schemas with every schema they import, as one grammar. */
    static Schema compile() {
        var sources = new LinkedHashMap<String, Source>();
        for (var list : java.util.List.of(UBL21Marshaller.getAllInvoiceXSDs(), UBL21Marshaller.getAllCreditNoteXSDs())) {
            for (ClassPathResource xsd : list) {
                var url = xsd.getAsURL();
                if (url == null) {
                    throw new IllegalStateException("the UBL 2.1 schema " + xsd.getPath() + " is missing from the class path");
                }
                sources.putIfAbsent(xsd.getPath(), new StreamSource(url.toExternalForm()));
            }
        }
        try {
            var factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            // the schemas include each other from the same jar; nothing else is fetched
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "jar,file");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "jar,file");
            return factory.newSchema(sources.values().toArray(Source[]::new));
        } catch (SAXException e) {
            throw new IllegalStateException("the UBL 2.1 schemas do not compile: " + e.getMessage(), e);
        }
    }

    /** Waits for the schema if it is still being compiled (only the first checks after start can). */
    Schema schema() {
        try {
            return schema.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the UBL schema was compiled", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the UBL 2.1 schema could not be compiled", e.getCause());
        }
    }

    @Override
    public Optional<String> problemWith(String ubl, InvoiceKind kind) {
        if (ubl == null || ubl.isEmpty()) {
            return Optional.of("the document is empty");
        }
        var root = new RootElement();
        try {
            var validator = schema().newValidatorHandler();
            validator.setErrorHandler(root);
            validator.setContentHandler(root);
            XMLReader reader = parsers.newSAXParser().getXMLReader();
            reader.setContentHandler(validator);
            reader.setErrorHandler(root);
            reader.parse(new InputSource(new StringReader(ubl)));
        } catch (SAXParseException e) {
            return Optional.of(where(e) + (root.schemaError ? "not valid UBL 2.1: " : "not well-formed XML: ") + e.getMessage());
        } catch (SAXException e) {
            return Optional.of(e.getMessage());
        } catch (IOException | ParserConfigurationException e) {
            throw new IllegalStateException("cannot read a document held in memory", e);
        }
        String expected = kind == InvoiceKind.CREDIT_NOTE ? CREDIT_NOTE_NS : INVOICE_NS;
        String name = kind == InvoiceKind.CREDIT_NOTE ? "CreditNote" : "Invoice";
        if (!expected.equals(root.namespace) || !name.equals(root.localName)) {
            return Optional.of("the root element is {" + root.namespace + "}" + root.localName + ", not the UBL " + name);
        }
        return Optional.empty();
    }

    private static String where(SAXParseException e) {
        return "line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ": ";
    }

    /**
     * Remembers the root element, and turns every error into a refusal: the parser's
     * (the XML is not well-formed) or the schema's; {@code schemaError} tells them apart.
     */
    private static final class RootElement extends DefaultHandler implements ErrorHandler {
        String namespace;
        String localName;
        boolean schemaError;

        @Override
        public void startElement(String uri, String local, String qName, Attributes attributes) {
            if (localName == null) {
                namespace = uri;
                localName = local;
            }
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            schemaError = isSchemaError(e);
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            schemaError = isSchemaError(e);
            throw e;
        }

        @Override
        public void warning(SAXParseException e) {
            // warnings do not make a document unreadable
        }

        /** Schema errors from Xerces start with their constraint's name, e.g. "cvc-complex-type.2.4.a:". */
        private static boolean isSchemaError(SAXParseException e) {
            String m = String.valueOf(e.getMessage());
            return m.startsWith("cvc-") || m.startsWith("src-") || m.startsWith("s4s-");
        }
    }
}
