package no.kontor.application.reporting;

/** What a sales report groups by: nothing (the whole organisation), or one key per row. */
public enum SalesDimension {
    TOTAL, SELLER, TEAM, COMPANY, PRODUCT, PLACEMENT,
    /** The channel of the placement (matched to a news site's section without regard to case); lines of no placement are left out. */
    CHANNEL;

    /** Payments follow an invoice, which may bill several sellers' sales: they are only counted per company or in all. */
    public boolean carriesPayments() {
        return this == TOTAL || this == COMPANY;
    }
}
