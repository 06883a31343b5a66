package no.kontor.adapters.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

import javax.xml.XMLConstants;
import javax.xml.transform.Result;
import javax.xml.transform.Templates;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerConfigurationException;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.sax.SAXResult;
import javax.xml.transform.stream.StreamResult;
import javax.xml.transform.stream.StreamSource;

import no.kontor.application.invoice.port.InvoicePdfs;
import no.kontor.domain.invoice.Reminder;

import org.apache.fop.apps.FOPException;
import org.apache.fop.apps.Fop;
import org.apache.fop.apps.FopFactory;
import org.apache.fop.apps.MimeConstants;
import no.kontor.application.invoice.Giro;

/**
 * The printable invoice: the frozen UBL document → XSLT ({@code xsl/invoice-fo.xsl}) →
 * XSL-FO → Apache FOP → PDF/A-2b, with the giro on page 1 of an invoice.
 *
 * <p>One instance is shared by every thread: the FOP factory and the compiled stylesheet
 * are built once and are thread-safe; each render gets its own transformer and FOP
 * run. The PDF is written to a buffer, because FOP may fail after writing part of it.
 * The first PDF in a JVM costs about a second and a half (the factory, the stylesheet's
 * compilation, class loading, font parsing): call {@link #warmUp()} once the application
 * has started, in the background.
 */
public final class FopInvoicePdfs implements InvoicePdfs {
    private static final String STYLESHEET = "xsl/invoice-fo.xsl";
    private static final String SAMPLE = "sample-invoice.xml";
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private final String logo;
    /** The FOP factory and the compiled stylesheet: made on first use (about 0.7 s), so that constructing costs a start nothing. */
    private volatile Engine engine;

    private record Engine(FopFactory fopFactory, Templates stylesheet) {
    }

    /**
     * @param logoPng the organisation's logo as PNG, shown top-left; null shows the
     *                seller's name instead
     * @throws IllegalArgumentException when {@code logoPng} is not a PNG image
     */
    public FopInvoicePdfs(byte[] logoPng) {
        if (logoPng != null && (logoPng.length < PNG_SIGNATURE.length
                || !Arrays.equals(logoPng, 0, PNG_SIGNATURE.length, PNG_SIGNATURE, 0, PNG_SIGNATURE.length))) {
            throw new IllegalArgumentException("the logo must be a PNG image");
        }
        this.logo = logoPng == null ? "" : "data:image/png;base64," + Base64.getEncoder().encodeToString(logoPng);
    }

    @Override
    public byte[] render(String ubl, String pin, Giro giro) {
        UblDocument document = UblDocument.parse(ubl);
        return pdf(document, result -> transform(document, pin, giro, null, result));
    }

    /**
     * The reminder is the invoice's own page with the reminder's account of what is owed
     * above the lines, and a giro for the reminder's total, due on its new date.
     */
    @Override
    public byte[] renderReminder(String ubl, Reminder reminder) {
        UblDocument document = UblDocument.parse(ubl);
        if (document.isCreditNote()) {
            throw new IllegalArgumentException("a credit note is not reminded of: " + document.id());
        }
        return pdf(document, result -> transform(document, null, Giro.FULL, reminder, result));
    }

    private byte[] pdf(UblDocument document, java.util.function.Consumer<Result> transform) {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream(64 * 1024);
        try {
            FopFactory fopFactory = engine().fopFactory();
            Fop fop = fopFactory.newFop(MimeConstants.MIME_PDF, fopFactory.newFOUserAgent(), pdf);
            transform.accept(new SAXResult(fop.getDefaultHandler()));
        } catch (FOPException e) {
            throw new IllegalStateException("FOP could not render " + document.id(), e);
        }
        return pdf.toByteArray();
    }

    /**
     * The XSL-FO {@link #render} gives FOP for the same arguments, so that plain FOP can be
     * measured on exactly the same input.
     */
    public String foOf(String ubl, String pin, Giro giro) {
        StringWriter fo = new StringWriter();
        transform(UblDocument.parse(ubl), pin, giro, null, new StreamResult(fo));
        return fo.toString();
    }

    /** Renders a built-in sample invoice once, so that the first real one is fast. */
    public void warmUp() {
        try (InputStream sample = FopInvoicePdfs.class.getResourceAsStream(SAMPLE)) {
            render(new String(Objects.requireNonNull(sample, SAMPLE).readAllBytes(), StandardCharsets.UTF_8), "000000", Giro.FULL);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sample invoice", e);
        }
    }

    /** Runs the stylesheet with the values Java computes: the OCR line and the account as printed, and a reminder's figures. */
    private void transform(UblDocument document, String pin, Giro giro, Reminder reminder, Result result) {
        Objects.requireNonNull(giro, "giro");
        try {
            Transformer transformer = engine().stylesheet().newTransformer();
            transformer.setParameter("logo", logo);
            if (pin != null) {
                transformer.setParameter("pin", pin);
            }
            if (!document.isCreditNote()) {
                UblDocument.Payment payment = document.payment();
                BigDecimal amount = reminder == null ? payment.amount() : kroner(reminder.total());
                transformer.setParameter("giro", giro.name());
                transformer.setParameter("ocr-line", OcrLine.of(payment.kid(), amount, payment.account()));
                transformer.setParameter("account", payment.account().formatted());
            }
            if (reminder != null) {
                transformer.setParameter("reminder-number", Integer.toString(reminder.number()));
                transformer.setParameter("reminder-date", reminder.sentOn().toString());
                transformer.setParameter("reminder-pay-by", reminder.payBy().toString());
                transformer.setParameter("reminder-principal", kroner(reminder.principal()).toPlainString());
                transformer.setParameter("reminder-fee", kroner(reminder.fee()).toPlainString());
                transformer.setParameter("reminder-interest", kroner(reminder.interest()).toPlainString());
                transformer.setParameter("reminder-total", kroner(reminder.total()).toPlainString());
            }
            transformer.transform(document.source(), result);
        } catch (TransformerException e) {
            throw new IllegalStateException("rendering " + document.id() + " failed: " + e.getMessageAndLocation(), e);
        }
    }

    private static BigDecimal kroner(long ore) {
        return BigDecimal.valueOf(ore, 2);
    }

    private Engine engine() {
        Engine made = engine;
        if (made == null) {
            synchronized (this) {
                made = engine;
                if (made == null) {
                    made = new Engine(PdfA2bFopFactory.create(), compile(STYLESHEET));
                    engine = made;
                }
            }
        }
        return made;
    }

    private static Templates compile(String resource) {
        TransformerFactory factory = TransformerFactory.newDefaultInstance();
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            return factory.newTemplates(new StreamSource(
                    Objects.requireNonNull(FopInvoicePdfs.class.getResource(resource), resource).toExternalForm()));
        } catch (TransformerConfigurationException e) {
            throw new IllegalStateException("the stylesheet " + resource + " does not compile", e);
        }
    }
}
