package no.kontor.domain.invoice;

/**
 * Where an invoice stands. A draft has no number and may change or be discarded;
 * from issued on its content is frozen and only payments and credit notes move the
 * status. A credit note is issued and stays so. Overdue is not a status but a fact
 * of the day ({@link Invoice#isOverdue}).
 */
public enum InvoiceStatus {
    DRAFT, ISSUED, PARTLY_PAID, PAID, CREDITED;

    public boolean isIssued() {
        return this != DRAFT;
    }
}
