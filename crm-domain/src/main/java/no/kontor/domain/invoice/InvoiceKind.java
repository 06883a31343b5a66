package no.kontor.domain.invoice;

/** What a document is, with its UNTDID 1001 type code as EHF writes it. */
public enum InvoiceKind {
    INVOICE("380"), CREDIT_NOTE("381");

    private final String typeCode;

    InvoiceKind(String typeCode) {
        this.typeCode = typeCode;
    }

    public String typeCode() {
        return typeCode;
    }
}
