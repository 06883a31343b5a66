package no.kontor.domain.sale;

public record SaleId(long value) {
    public SaleId {
        if (value <= 0) {
            throw new IllegalArgumentException("a sale id is positive: " + value);
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
