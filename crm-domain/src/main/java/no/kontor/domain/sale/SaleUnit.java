package no.kontor.domain.sale;

/** The unit a sale line's quantity counts, with its code in an EHF document (UN/ECE rec. 20). */
public enum SaleUnit {
    PIECE("C62"), HOUR("HUR"), DAY("DAY"), WEEK("WEE");

    private final String ehfCode;

    SaleUnit(String ehfCode) {
        this.ehfCode = ehfCode;
    }

    public String ehfCode() {
        return ehfCode;
    }
}
