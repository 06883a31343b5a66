package no.kontor.application.payment.port;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import no.kontor.application.payment.OcrImportReport;

/**
 * The OCR files imported, one per transmission number: a second import of the same
 * file, or of another file under the same number, is recognised before anything of it
 * is registered.
 */
public interface OcrImports {

    /**
     * Claims {@code transmissionNumber} for this import inside the caller's transaction;
     * empty when it was imported before (a concurrent import of the same file waits for
     * the first to finish, then gets empty).
     *
     * @param fileSha256    the SHA-256 of the file's bytes as received
     * @param contentSha256 the SHA-256 of its records, line ends normalised
     */
    OptionalLong claim(String transmissionNumber, String fileSha256, String contentSha256, String actor, Instant now);

    /**
     * Whether the file imported under {@code transmissionNumber} had these records: its
     * content hash is {@code contentSha256} (or, imported before content hashes were kept,
     * its file hash is {@code fileSha256}).
     */
    boolean sameContent(String transmissionNumber, String contentSha256, String fileSha256);

    void complete(OcrImportReport report);

    Optional<OcrImportReport> byTransmission(String transmissionNumber);

    Optional<OcrImportReport> find(long importId);

}
