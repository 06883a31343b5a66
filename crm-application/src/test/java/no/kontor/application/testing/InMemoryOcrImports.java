package no.kontor.application.testing;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

import no.kontor.application.payment.port.OcrImports;
import no.kontor.application.payment.OcrImportReport;

/** OCR imports in memory: one per transmission number, like the table's unique key. */
public final class InMemoryOcrImports extends InMemoryStore<OcrImportReport> implements OcrImports {
    /** Each transmission's content hash, as the table keeps it beside the report. */
    private final java.util.Map<String, String> contents = new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public OptionalLong claim(String transmissionNumber, String fileSha256, String contentSha256, String actor, Instant now) {
        synchronized (rows) {
            if (byTransmission(transmissionNumber).isPresent()) {
                return OptionalLong.empty();
            }
            contents.put(transmissionNumber, contentSha256);
            long id = nextId();
            rows.put(id, new OcrImportReport(id, transmissionNumber, 0, 0, 0, 0, 0, 0, actor, now));
            return OptionalLong.of(id);
        }
    }

    @Override
    public void complete(OcrImportReport report) {
        synchronized (rows) {
            rows.put(report.importId(), report);
        }
    }

    @Override
    public boolean sameContent(String transmissionNumber, String contentSha256, String fileSha256) {
        return contentSha256.equals(contents.get(transmissionNumber));
    }

    @Override
    public Optional<OcrImportReport> byTransmission(String transmissionNumber) {
        synchronized (rows) {
            return rows.values().stream().filter(r -> r.transmissionNumber().equals(transmissionNumber)).findFirst();
        }
    }

    @Override
    public Optional<OcrImportReport> find(long importId) {
        synchronized (rows) {
            return Optional.ofNullable(rows.get(importId));
        }
    }
}
