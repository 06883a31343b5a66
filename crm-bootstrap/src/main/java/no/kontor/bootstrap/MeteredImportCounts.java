package no.kontor.bootstrap;

import java.util.EnumMap;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import no.kontor.adapters.web.shared.ImportCounts;
import no.kontor.adapters.web.shared.NoImportCounts;

/**
 * The imports' counts as Micrometer counters, there from the start at zero so that a rate is
 * defined before the first file: {@code kontor_imports_files_total{kind, outcome="taken"|"refused"}}
 * and {@code kontor_imports_records_total{kind}} (docs/decisions/metrics.md).
 */
@Context // the counters exist from the start, not from the first import's controller
@Replaces(NoImportCounts.class)
@Requires(bean = MeterRegistry.class)
public class MeteredImportCounts implements ImportCounts {
    private final Map<Kind, Counter> taken = new EnumMap<>(Kind.class);
    private final Map<Kind, Counter> refused = new EnumMap<>(Kind.class);
    private final Map<Kind, Counter> records = new EnumMap<>(Kind.class);

    public MeteredImportCounts(MeterRegistry registry) {
        for (Kind kind : Kind.values()) {
            taken.put(kind, files(registry, kind, "taken"));
            refused.put(kind, files(registry, kind, "refused"));
            records.put(kind, Counter.builder("kontor.imports.records").tag("kind", kind.tag())
                    .description("Records (OCR transactions, postal codes, ad statistics rows, site statistics lines) in the files taken")
                    .register(registry));
        }
    }

    private static Counter files(MeterRegistry registry, Kind kind, String outcome) {
        return Counter.builder("kontor.imports.files").tag("kind", kind.tag()).tag("outcome", outcome)
                .description("Files sent to an import: taken, or refused whole (a bad file, a conflict, no permission)")
                .register(registry);
    }

    @Override
    public void taken(Kind kind, long count) {
        taken.get(kind).increment();
        records.get(kind).increment(count);
    }

    @Override
    public void refused(Kind kind) {
        refused.get(kind).increment();
    }
}
