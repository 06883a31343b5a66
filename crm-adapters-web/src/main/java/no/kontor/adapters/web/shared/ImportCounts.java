package no.kontor.adapters.web.shared;

import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * What the imports did, for the operators' metrics: each file sent to an import, whether it was
 * taken or refused, and how many records the taken ones held. The web adapter counts here, where
 * it calls the import use cases; the bootstrap gives this a meter registry
 * (docs/decisions/metrics.md), so neither the use cases nor this adapter know Micrometer.
 */
public interface ImportCounts {
    /** The imports counted; each is a tag value of its own. */
    enum Kind {
        OCR_PAYMENTS("ocr-payments"), POSTAL_CODES("postal-codes"), AD_STATISTICS("ad-statistics"), SITE_STATISTICS("site-statistics");

        private final String tag;

        Kind(String tag) {
            this.tag = tag;
        }

        public String tag() {
            return tag;
        }
    }

    /** A file was taken, holding this many records. */
    void taken(Kind kind, long records);

    /** A file was refused: a bad file, a conflict, a user who may not, or a fault. */
    void refused(Kind kind);

    /**
     * Runs an import and counts it: taken with the records {@code records} reads from its result,
     * or refused when it throws (the exception goes on unchanged).
     */
    default <R> R counted(Kind kind, Supplier<R> importing, ToLongFunction<R> records) {
        R result;
        try {
            result = importing.get();
        } catch (RuntimeException e) {
            refused(kind);
            throw e;
        }
        taken(kind, records.applyAsLong(result));
        return result;
    }
}
