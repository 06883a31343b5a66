package no.kontor.domain.sale;

/**
 * Where a sale stands: lead → offered → ordered → invoiced, or lost or cancelled
 * with a reason. Invoiced, lost and cancelled are final here (a full credit note
 * returns a sale to ordered, through invoicing).
 */
public enum SaleStage {
    LEAD, OFFERED, ORDERED, INVOICED, LOST, CANCELLED;

    public boolean isClosed() {
        return this == INVOICED || this == LOST || this == CANCELLED;
    }

    /** The stages a new sale may start in. */
    public boolean mayStartIn() {
        return this == LEAD || this == OFFERED || this == ORDERED;
    }
}
