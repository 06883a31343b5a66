package no.kontor.adapters.web.shared;

import jakarta.inject.Singleton;

/** Counts nothing: the web adapter's own tests, and any server without metrics; the bootstrap replaces it. */
@Singleton
public class NoImportCounts implements ImportCounts {
    @Override
    public void taken(Kind kind, long records) {
    }

    @Override
    public void refused(Kind kind) {
    }
}
