package no.kontor.adapters.pdf;

import java.util.List;
import java.util.Locale;

import com.helger.io.resource.inmemory.ReadableResourceString;
import com.helger.phive.api.execute.ValidationExecutionManager;
import com.helger.phive.api.executorset.IValidationExecutorSet;
import com.helger.phive.api.executorset.ValidationExecutorSetRegistry;
import com.helger.phive.api.validity.IValidityDeterminator;
import com.helger.phive.peppol.PeppolValidation;
import com.helger.phive.xml.source.IValidationSourceXML;
import com.helger.phive.xml.source.ValidationSourceXML;

/**
 * The official rules, run by phive exactly as docs/norway.md#ehf describes: the UBL schema,
 * the CEN EN 16931 and the PEPPOL BIS Billing 3.0 schematron, latest release. One
 * registry for the whole test run (the first validation compiles the XSLT).
 */
final class EhfRules {
    private static final ValidationExecutorSetRegistry<IValidationSourceXML> REGISTRY = new ValidationExecutorSetRegistry<>();

    static {
        PeppolValidation.initStandard(REGISTRY);
    }

    /** One finding: its rule id, whether it is an error (else a warning), and its text. */
    record Finding(String rule, boolean error, String text) {
    }

    private EhfRules() {
    }

    /** Every finding for a document: an invoice ({@code creditNote} false) or a credit note. */
    static List<Finding> check(String ubl, boolean creditNote) {
        IValidationExecutorSet<IValidationSourceXML> set = REGISTRY.getLatestReleaseVersion("eu.peppol.bis3",
                creditNote ? "creditnote" : "invoice", null);
        var results = ValidationExecutionManager.executeValidation(IValidityDeterminator.createDefault(), set,
                ValidationSourceXML.create(ReadableResourceString.utf8(ubl)), Locale.US);
        return results.getAllFailures().stream()
                .map(e -> new Finding(e.getErrorID(), e.isError(), e.getErrorText(Locale.US)))
                .toList();
    }
}
