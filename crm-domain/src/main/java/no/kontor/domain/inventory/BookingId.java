package no.kontor.domain.inventory;

public record BookingId(long value) {
    public BookingId {
        if (value <= 0) {
            throw new IllegalArgumentException("a booking id is positive: " + value);
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
