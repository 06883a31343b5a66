package no.kontor.adapters.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;

import org.apache.fop.apps.FopConfParser;
import org.apache.fop.apps.FopFactory;
import org.apache.xmlgraphics.io.Resource;
import org.apache.xmlgraphics.io.ResourceResolver;
import org.xml.sax.SAXException;

/**
 * Builds the one Apache FOP configuration invoices are rendered with: PDF/A-2b, every
 * font embedded from this module's resources ({@code fop.xconf} beside this class).
 * Public so that a benchmark can give plain FOP exactly the same settings.
 *
 * <p>FOP reads the configuration's font files through a resolver for {@code classpath:}
 * URIs: a relative configuration path has no base to resolve against (FOP fails with a
 * NullPointerException), and the classpath works the same from a directory, a jar or a
 * fat jar.
 */
public final class PdfA2bFopFactory {
    private static final String CONFIGURATION = "fop.xconf";
    private static final URI BASE = URI.create("classpath:/" + PdfA2bFopFactory.class.getPackageName().replace('.', '/') + "/");

    private PdfA2bFopFactory() {
    }

    /** A new factory; it is thread-safe and meant to be built once and shared. */
    public static FopFactory create() {
        try (InputStream configuration = PdfA2bFopFactory.class.getResourceAsStream(CONFIGURATION)) {
            if (configuration == null) {
                throw new IllegalStateException("FOP configuration " + CONFIGURATION + " is missing from the classpath");
            }
            return new FopConfParser(configuration, BASE, new ClasspathResolver()).getFopFactoryBuilder().build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the FOP configuration", e);
        } catch (SAXException e) {
            throw new IllegalStateException("the FOP configuration is invalid", e);
        }
    }

    /** Reads {@code classpath:/a/b} as the resource {@code /a/b}; FOP never writes through it. */
    private static final class ClasspathResolver implements ResourceResolver {
        @Override
        public Resource getResource(URI uri) throws IOException {
            if (!"classpath".equals(uri.getScheme())) {
                throw new IOException("only classpath resources are available to FOP, not " + uri);
            }
            InputStream in = PdfA2bFopFactory.class.getResourceAsStream(uri.getPath());
            if (in == null) {
                throw new IOException("no classpath resource " + uri.getPath());
            }
            return new Resource(in);
        }

        @Override
        public OutputStream getOutputStream(URI uri) throws IOException {
            throw new IOException("FOP may not write resources: " + uri);
        }
    }
}
