package no.kontor.domain.inventory;

public record PlacementId(long value) {
    public PlacementId {
        if (value <= 0) {
            throw new IllegalArgumentException("a placement id is positive: " + value);
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
