package no.kontor.domain.company;

public record CompanyId(long value) {
    public CompanyId {
        if (value <= 0) {
            throw new IllegalArgumentException("a company id is positive: " + value);
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
