package no.kontor.application.invoice;

/** How the giro at the bottom of the page is printed. */
public enum Giro {
    /** The whole page, giro labels, bands and OCR line included: plain paper. */
    FULL,
    /** Only the variable data, on the giro's positions: paper with a pre-printed giro form. */
    PREPRINTED
}
