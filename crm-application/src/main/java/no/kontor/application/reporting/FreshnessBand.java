package no.kontor.application.reporting;

/** Days since a customer's last contact, in the bands the freshness KPI counts (computed when asked, never stored). */
public enum FreshnessBand {
    UP_TO_30, DAYS_31_TO_90, DAYS_91_TO_180, OVER_180, NEVER
}
