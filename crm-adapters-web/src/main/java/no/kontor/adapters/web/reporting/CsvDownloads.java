package no.kontor.adapters.web.reporting;

import java.io.InputStream;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import no.kontor.adapters.web.shared.Actors;
import no.kontor.adapters.web.shared.CsvExport;
import no.kontor.application.reporting.ExportPolicy;

/**
 * The reports' CSV downloads: the export policy is asked and the file options checked before
 * the first byte. The API's {@code .csv} endpoints and the staff pages' export links both
 * answer through it. The rows are written on the I/O executor (a cached pool), not on the
 * request threads, which are as many as the pool's connections: a download must not hold one
 * for as long as its client takes to read.
 */
@Singleton
public class CsvDownloads {
    private final ExportPolicy exports;
    private final ExecutorService executor;

    public CsvDownloads(ExportPolicy exports, @Named(TaskExecutors.IO) ExecutorService executor) {
        this.exports = exports;
        this.executor = executor;
    }

    /** The file options every export takes: `separator` semicolon|comma, `decimal` comma|point, `dates` iso|norwegian. */
    @Introspected
    public record Parameters(@Nullable @QueryValue String separator, @Nullable @QueryValue String decimal, @Nullable @QueryValue String dates) {
    }

    /** A report's file ({@link ReportCsv}) with the options {@code p}, for whom the export policy allows. */
    public HttpResponse<InputStream> of(Authentication auth, ReportCsv.Sheet sheet, Parameters p) {
        return of(auth, sheet.fileName(), p, sheet.header(), sheet.rows());
    }

    /** May {@code auth} take figures away as a file? Asked before a report is computed for its file. */
    public void check(Authentication auth) {
        exports.check(Actors.of(auth));
    }

    HttpResponse<InputStream> of(Authentication auth, String fileName, Parameters p, List<String> header, Consumer<CsvExport.Row> rows) {
        exports.check(Actors.of(auth));
        return CsvExport.attachment(fileName, CsvExport.Options.of(p.separator(), p.decimal(), p.dates()), header, rows, executor);
    }
}
