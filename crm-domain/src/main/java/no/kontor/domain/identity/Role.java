package no.kontor.domain.identity;

/**
 * A staff user's role. Each role may do everything the one before it may:
 * a manager is also a seller, an admin also a manager.
 */
public enum Role {
    SELLER, MANAGER, ADMIN;

    public boolean includes(Role required) {
        return compareTo(required) >= 0;
    }
}
