package no.kontor.domain.activity;

/** We reached out, or they reached us. */
public enum Direction {
    OUTBOUND, INBOUND
}
