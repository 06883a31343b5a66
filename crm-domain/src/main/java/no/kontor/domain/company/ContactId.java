package no.kontor.domain.company;

public record ContactId(long value) {
    public ContactId {
        if (value <= 0) {
            throw new IllegalArgumentException("a contact id is positive: " + value);
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }

    /** Whose personal data an audit entry holds: the key that forgetting deletes. */
    public String dataSubject() {
        return "contact:" + value;
    }
}
