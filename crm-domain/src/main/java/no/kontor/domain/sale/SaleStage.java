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

    /**
     * Whether a seller may move a sale from this stage to {@code next}: forward
     * through lead, offered, ordered; to lost or cancelled from any open stage.
     * Invoiced is set by invoicing only.
     */
    public boolean sellerMayMoveTo(SaleStage next) {
        if (isClosed() || next == this) {
            return false;
        }
        return switch (next) {
            case OFFERED -> this == LEAD;
            case ORDERED -> this == LEAD || this == OFFERED;
            case LOST, CANCELLED -> true;
            case LEAD, INVOICED -> false;
        };
    }

    public boolean needsReason() {
        return this == LOST || this == CANCELLED;
    }

    /** The stages a new sale may start in. */
    public boolean mayStartIn() {
        return this == LEAD || this == OFFERED || this == ORDERED;
    }
}
