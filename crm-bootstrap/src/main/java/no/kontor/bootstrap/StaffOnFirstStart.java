package no.kontor.bootstrap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import no.kontor.application.identity.RegisterStaffUser;
import no.kontor.domain.identity.Role;

/** On the first start of an empty database, the admin named in configuration is created. */
@Singleton
public class StaffOnFirstStart {
    private static final Logger LOG = LoggerFactory.getLogger(StaffOnFirstStart.class);

    private final RegisterStaffUser registerStaffUser;
    private final String username;
    private final String password;
    private final String displayName;

    public StaffOnFirstStart(RegisterStaffUser registerStaffUser,
                             @Value("${kontor.admin.username:}") String username,
                             @Value("${kontor.admin.password:}") String password,
                             @Value("${kontor.admin.display-name:Administrator}") String displayName) {
        this.registerStaffUser = registerStaffUser;
        this.username = username;
        this.password = password;
        this.displayName = displayName;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (username.isBlank() || password.isBlank()) {
            return;
        }
        if (registerStaffUser.firstAdmin(new RegisterStaffUser.Command(username, displayName, null,
                password.toCharArray(), Role.ADMIN, null))) {
            LOG.info("Created the first admin '{}' from configuration", username);
        }
    }
}
