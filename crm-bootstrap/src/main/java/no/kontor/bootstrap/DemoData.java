package no.kontor.bootstrap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import no.kontor.application.company.CompanyInput;
import no.kontor.application.company.RegisterCompany;
import no.kontor.application.identity.RegisterStaffUser;
import no.kontor.application.identity.StaffUsers;
import no.kontor.domain.company.CompanyStatus;
import no.kontor.domain.identity.Role;

/**
 * Demo users and a few customer cards, only on the embedded default
 * ({@code kontor.demo.enabled}, set by {@link Application} when no database is
 * configured) and only into an empty database. Never in production.
 */
@Singleton
@Requires(property = "kontor.demo.enabled", value = "true")
public class DemoData {
    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

    private final RegisterStaffUser registerStaffUser;
    private final RegisterCompany registerCompany;
    private final StaffUsers users;

    public DemoData(RegisterStaffUser registerStaffUser, RegisterCompany registerCompany, StaffUsers users) {
        this.registerStaffUser = registerStaffUser;
        this.registerCompany = registerCompany;
        this.users = users;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        char[] pw = Application.DEMO_PASSWORD.toCharArray();
        if (!registerStaffUser.firstAdmin(new RegisterStaffUser.Command("admin", "Ada Admin", "admin@example.no", pw.clone(), Role.ADMIN, null))) {
            return;
        }
        var admin = users.findByUsername("admin").orElseThrow().asActor();
        registerStaffUser.execute(admin, new RegisterStaffUser.Command("mona", "Mona Manager", "mona@example.no", pw.clone(), Role.MANAGER, "Salg"));
        var seller = registerStaffUser.execute(admin, new RegisterStaffUser.Command("sindre", "Sindre Selger", "sindre@example.no", pw.clone(), Role.SELLER, "Salg"));
        registerCompany.execute(seller.asActor(), new CompanyInput("Nordlys Avis AS", "974760673", CompanyStatus.CUSTOMER,
                "Storgata 1", "9008", "Postboks 100", "9008", "faktura@nordlys.example", "+47 77 00 00 00",
                "https://nordlys.example", seller.getId(), "Demo customer"));
        registerCompany.execute(seller.asActor(), new CompanyInput("Bergen Bakeri", null, CompanyStatus.PROSPECT,
                "Bryggen 3", "5003", null, null, null, null, null, null, null));
        LOG.info("Demo data created: users admin, mona, sindre and two companies");
    }
}
