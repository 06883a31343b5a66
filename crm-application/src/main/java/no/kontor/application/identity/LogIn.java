package no.kontor.application.identity;

import java.util.Arrays;
import java.util.Optional;

import no.kontor.domain.identity.StaffUser;

/**
 * A member of staff proves who they are with a username and a password. An unknown
 * username costs the same hash work as a wrong password, so timing tells nothing.
 */
public final class LogIn {
    private final StaffUsers users;
    private final PasswordHasher hasher;
    private final String dummyHash;

    public LogIn(StaffUsers users, PasswordHasher hasher) {
        this.users = users;
        this.hasher = hasher;
        this.dummyHash = hasher.hash("not-a-password-anyone-has".toCharArray());
    }

    public record Command(String username, char[] password, String clientAddress) {
    }

    /** The user when the password is right and the user active; empty otherwise. */
    public Optional<StaffUser> execute(Command command) {
        try {
            String username = command.username() == null ? "" : command.username().strip().toLowerCase(java.util.Locale.ROOT);
            var user = users.findByUsername(username);
            boolean matches = hasher.matches(command.password(), user.map(StaffUser::getPasswordHash).orElse(dummyHash));
            return user.filter(u -> matches && u.isActive());
        } finally {
            Arrays.fill(command.password(), '\0');
        }
    }
}
