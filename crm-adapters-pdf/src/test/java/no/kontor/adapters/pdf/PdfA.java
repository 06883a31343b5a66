package no.kontor.adapters.pdf;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;
import org.verapdf.pdfa.validation.profiles.ErrorArgument;
import org.verapdf.pdfa.validation.profiles.ErrorArgumentImpl;
import org.verapdf.pdfa.validation.profiles.Profiles;
import org.verapdf.pdfa.validation.profiles.Reference;
import org.verapdf.pdfa.validation.profiles.Rule;
import org.verapdf.pdfa.validation.profiles.ValidationProfile;
import org.verapdf.pdfa.validation.profiles.Variable;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * PDF/A-2b validation with veraPDF, the PDF Association's reference validator, using
 * veraPDF's own PDF/A-2b profile.
 *
 * <p>Why the profile is read here: veraPDF loads its built-in profiles with JAXB 2
 * ({@code javax.xml.bind}), and this module's test classpath has JAXB 4 (the root pom
 * pins {@code com.sun.xml.bind:jaxb-impl} to 4.0.8 for phive), so
 * {@code createValidator(PDFAFlavour.PDFA_2_B, false)} finds no profile. The profile XML
 * is plain (rules of object, test, error message), so it is read with the JDK's DOM and
 * handed to veraPDF's public {@link Profiles} factories; the validation itself is
 * veraPDF's, unchanged.
 */
final class PdfA {
    private static final String PROFILE = "/org/verapdf/pdfa/validation/PDFA-2B.xml";
    private static final ValidationProfile PDFA_2B;

    static {
        VeraGreenfieldFoundryProvider.initialise();
        PDFA_2B = readProfile();
    }

    private PdfA() {
    }

    /** The PDF/A-2b rules {@code pdf} breaks, one line each (clause-test: message); empty when it complies. */
    static List<String> violations(byte[] pdf) {
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf));
             PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFA_2B, false)) {
            ValidationResult result = validator.validate(parser);
            List<String> failed = result.getTestAssertions().stream()
                    .filter(assertion -> assertion.getStatus() == TestAssertion.Status.FAILED)
                    .map(assertion -> assertion.getRuleId().getClause() + "-" + assertion.getRuleId().getTestNumber()
                            + ": " + assertion.getMessage())
                    .distinct()
                    .toList();
            if (!result.isCompliant() && failed.isEmpty()) {
                return List.of("not compliant, no rule reported (job status " + result.getJobEndStatus() + ")");
            }
            return failed;
        } catch (Exception e) {
            throw new AssertionError("veraPDF could not validate the PDF", e);
        }
    }

    private static ValidationProfile readProfile() {
        try (InputStream in = PDFAFlavour.class.getResourceAsStream(PROFILE)) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            Element profile = factory.newDocumentBuilder().parse(in).getDocumentElement();
            Set<Rule> rules = new HashSet<>();
            for (Element rule : children(child(profile, "rules"), "rule")) {
                rules.add(rule(rule));
            }
            Set<Variable> variables = new HashSet<>();
            for (Element variable : children(child(profile, "variables"), "variable")) {
                variables.add(Profiles.variableFromValues(variable.getAttribute("name"), variable.getAttribute("object"),
                        text(variable, "defaultValue"), text(variable, "value")));
            }
            Element details = child(profile, "details");
            return Profiles.profileFromValues(PDFAFlavour.byFlavourId(profile.getAttribute("flavour")),
                    Profiles.profileDetailsFromValues(text(details, "name"), text(details, "description"),
                            details.getAttribute("creator"), new Date()),
                    "", rules, variables);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read veraPDF's profile " + PROFILE, e);
        }
    }

    private static Rule rule(Element rule) {
        Element id = child(rule, "id");
        Element error = child(rule, "error");
        List<ErrorArgument> arguments = new ArrayList<>();
        for (Element argument : children(child(error, "arguments"), "argument")) {
            arguments.add(ErrorArgumentImpl.fromValues(argument.getTextContent(), null, null));
        }
        List<Reference> references = new ArrayList<>();
        for (Element reference : children(child(rule, "references"), "reference")) {
            references.add(Profiles.referenceFromValues(reference.getAttribute("specification"), reference.getAttribute("clause")));
        }
        return Profiles.ruleFromValues(
                Profiles.ruleIdFromValues(PDFAFlavour.Specification.valueOf(id.getAttribute("specification")),
                        id.getAttribute("clause"), Integer.parseInt(id.getAttribute("testNumber"))),
                rule.getAttribute("object"), Boolean.valueOf(rule.getAttribute("deferred")), rule.getAttribute("tags"),
                text(rule, "description"), text(rule, "test"),
                Profiles.errorFromValues(text(error, "message"), arguments), references);
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> children = new ArrayList<>();
        for (Node node = parent == null ? null : parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && localName.equals(element.getLocalName())) {
                children.add(element);
            }
        }
        return children;
    }

    private static Element child(Element parent, String localName) {
        List<Element> children = children(parent, localName);
        return children.isEmpty() ? null : children.get(0);
    }

    private static String text(Element parent, String localName) {
        Element child = child(parent, localName);
        return child == null ? "" : child.getTextContent();
    }
}
