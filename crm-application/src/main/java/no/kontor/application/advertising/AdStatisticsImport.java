package no.kontor.application.advertising;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import no.kontor.domain.advertising.AdServerKey;

/** An import of the ad server's file: RUNNING, DONE (with the rows counted and those not) or FAILED (with its error). */
public record AdStatisticsImport(long id, String status, AdServerKey.Kind kind, int lines, LocalDate firstDay, LocalDate lastDay,
                                 Integer counted, List<AdImportIssue> issues, String error, String importedBy, Instant startedAt,
                                 Instant finishedAt) {
}
