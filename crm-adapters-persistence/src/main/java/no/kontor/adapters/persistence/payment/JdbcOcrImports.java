package no.kontor.adapters.persistence.payment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import jakarta.inject.Singleton;
import no.kontor.adapters.persistence.shared.Jdbc;
import no.kontor.application.payment.port.OcrImports;
import no.kontor.application.payment.OcrImportReport;

/**
 * One row per transmission number, with the hash of the file's bytes and of its records
 * (line ends normalised), so that another file under the same number is told apart. The claim is {@code INSERT … ON CONFLICT DO NOTHING}:
 * a second import of the same file waits on the first's row and, once it commits,
 * finds the number taken (the idempotency pattern).
 */
@Singleton
public class JdbcOcrImports implements OcrImports {
    private final Jdbc jdbc;

    public JdbcOcrImports(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public OptionalLong claim(String transmissionNumber, String fileSha256, String contentSha256, String actor, Instant now) {
        return jdbc.query("INSERT INTO ocr_import (transmission_number, file_sha256, content_sha256, imported_by, imported_at) "
                        + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (transmission_number) DO NOTHING RETURNING id",
                List.of(transmissionNumber, fileSha256, contentSha256, actor, now), rs -> rs.getLong(1)).stream()
                .mapToLong(Long::longValue).findFirst();
    }

    /** Files imported before content hashes were kept compare by their bytes. */
    @Override
    public boolean sameContent(String transmissionNumber, String contentSha256, String fileSha256) {
        return jdbc.query("SELECT coalesce(content_sha256 = ?, file_sha256 = ?) FROM ocr_import WHERE transmission_number = ?",
                List.of(contentSha256, fileSha256, transmissionNumber), rs -> rs.getBoolean(1)).stream().findFirst().orElse(false);
    }

    @Override
    public void complete(OcrImportReport r) {
        jdbc.update("UPDATE ocr_import SET transactions = ?, applied = ?, unmatched = ?, reversals = ?, duplicates = ?, "
                + "applied_amount = ? WHERE id = ?", List.of(r.transactions(), r.applied(), r.unmatched(), r.reversals(), r.duplicates(),
                r.appliedAmount(), r.importId()));
    }

    @Override
    public Optional<OcrImportReport> byTransmission(String transmissionNumber) {
        return jdbc.query("SELECT * FROM ocr_import WHERE transmission_number = ?", List.of(transmissionNumber), JdbcOcrImports::row)
                .stream().findFirst();
    }

    @Override
    public Optional<OcrImportReport> find(long importId) {
        return jdbc.query("SELECT * FROM ocr_import WHERE id = ?", List.of(importId), JdbcOcrImports::row).stream().findFirst();
    }

    private static OcrImportReport row(ResultSet rs) throws SQLException {
        return new OcrImportReport(rs.getLong("id"), rs.getString("transmission_number"), rs.getInt("transactions"), rs.getInt("applied"),
                rs.getInt("unmatched"), rs.getInt("reversals"), rs.getInt("duplicates"), rs.getLong("applied_amount"),
                rs.getString("imported_by"), Jdbc.instant(rs, "imported_at"));
    }
}
