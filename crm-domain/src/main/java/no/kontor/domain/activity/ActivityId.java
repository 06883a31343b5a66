package no.kontor.domain.activity;

public record ActivityId(long value) {
    public ActivityId {
        if (value <= 0) {
            throw new IllegalArgumentException("an activity id is positive: " + value);
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
