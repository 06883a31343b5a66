package no.kontor.bootstrap;

import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Singleton;
import no.kontor.adapters.web.testing.ApiClient;
import no.kontor.application.identity.RegisterStaffUser;
import no.kontor.application.identity.port.StaffUsers;
import no.kontor.domain.identity.Role;

/**
 * Staff for end-to-end tests: added by the configured admin through the use case,
 * with the password {@code <username>-password}, and logged in over HTTP.
 */
@Singleton
public class TestStaff {
    private final RegisterStaffUser registerStaffUser;
    private final StaffUsers users;
    private final EmbeddedServer server;

    public TestStaff(RegisterStaffUser registerStaffUser, StaffUsers users, EmbeddedServer server) {
        this.registerStaffUser = registerStaffUser;
        this.users = users;
        this.server = server;
    }

    /** Adds the user; returns its id. */
    public long add(String username, Role role) {
        var admin = users.findByUsername("admin").orElseThrow().asActor();
        return registerStaffUser.execute(admin, new RegisterStaffUser.Command(username, username, null,
                (username + "-password").toCharArray(), role, "Salg")).getId();
    }

    public ApiClient login(String username) {
        return ApiClient.anonymous(server.getURI()).login(username, username + "-password");
    }

    public ApiClient admin() {
        return ApiClient.anonymous(server.getURI()).login("admin", "admin-password");
    }
}
