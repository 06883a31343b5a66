package no.kontor.adapters.web.testing;

import java.time.Instant;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import jakarta.inject.Singleton;
import no.kontor.application.identity.port.PasswordHasher;
import no.kontor.application.testing.InMemoryStaffUsers;
import no.kontor.domain.identity.Role;
import no.kontor.domain.identity.StaffUser;

/** Puts staff users into the in-memory store and logs them in for a bearer token. */
@Singleton
public class Staff {
    public static final String PASSWORD = "test-password";

    private final InMemoryStaffUsers users;
    private final PasswordHasher hasher;

    public Staff(InMemoryStaffUsers users, PasswordHasher hasher) {
        this.users = users;
        this.hasher = hasher;
    }

    public StaffUser user(String username, Role role) {
        return users.findByUsername(username).orElseGet(() -> users.add(new StaffUser(null, username, username,
                null, hasher.hash(PASSWORD.toCharArray()), role, null, true, Instant.now(), Instant.now(), 0)));
    }

    /** A bearer token for a (new or existing) user with the role. */
    public String token(HttpClient client, String username, Role role) {
        user(username, role);
        var body = client.toBlocking().retrieve(HttpRequest.POST("/api/v1/login",
                "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\"}"), String.class);
        return body.replaceAll(".*\"access_token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }
}
