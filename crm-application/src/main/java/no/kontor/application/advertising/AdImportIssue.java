package no.kontor.application.advertising;

import java.time.LocalDate;

import no.kontor.domain.advertising.AdServerKey;

/** A row of an imported file not counted: no booking has its key that day (UNMATCHED), or its booking does not run that day (OUTSIDE). */
public record AdImportIssue(Kind kind, AdServerKey key, LocalDate day, Long bookingId, long impressions, long clicks) {
    public enum Kind { UNMATCHED, OUTSIDE }
}
