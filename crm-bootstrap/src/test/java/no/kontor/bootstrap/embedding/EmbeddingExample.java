package no.kontor.bootstrap.embedding;

import java.util.Map;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import no.kontor.application.company.CompanyInput;
import no.kontor.application.company.RegisterCompany;
import no.kontor.application.company.ViewCompany;
import no.kontor.application.identity.RegisterStaffUser;
import no.kontor.application.identity.port.StaffUsers;
import no.kontor.domain.company.CompanyStatus;
import no.kontor.domain.identity.Role;

/**
 * How another JVM service embeds Kontor's core: it starts an application context
 * (no HTTP server), takes the use cases as beans, calls them through the
 * persistence adapter, and closes the context. Run by {@link EmbeddingTest} in a
 * JVM of its own.
 *
 * <p>Arguments: JDBC URL, user, password.
 */
public final class EmbeddingExample {
    private EmbeddingExample() {
    }

    public static void main(String[] args) {
        try (ApplicationContext context = ApplicationContext.builder()
                .properties(Map.ofEntries(
                        Map.entry("datasources.default.url", args[0]),
                        Map.entry("datasources.default.username", args[1]),
                        Map.entry("datasources.default.password", args.length > 2 ? args[2] : ""),
                        Map.entry("datasources.default.maximum-pool-size", 2),
                        Map.entry("kontor.audit.key", "embedding-audit-key-0123456789abcdef0123"),
                        Map.entry("kontor.security.jwt-secret", "embedding-jwt-secret-0123456789abcdef0123"),
                        Map.entry("kontor.invoicing.pin-key", "embedding-pin-key-0123456789abcdef0123456"),
                        Map.entry("kontor.security.bcrypt-cost", 4),
                        // an embedder names the organisation that invoices, as every install must
                        Map.entry("kontor.invoicing.seller.name", "Innebygd Forlag AS"),
                        Map.entry("kontor.invoicing.seller.organisation-number", "974760673"),
                        Map.entry("kontor.invoicing.seller.account", "86011117947"),
                        Map.entry("kontor.invoicing.seller.email", "faktura@innebygd.example")))
                .start()) {
            context.getBean(RegisterStaffUser.class).firstAdmin(new RegisterStaffUser.Command(
                    "embedder", "Embedding Service", null, "embedding-password".toCharArray(), Role.ADMIN, null));
            var actor = context.getBean(StaffUsers.class).findByUsername("embedder").orElseThrow().asActor();
            var company = context.getBean(RegisterCompany.class).execute(actor, new CompanyInput("Innebygd AS", null,
                    CompanyStatus.PROSPECT, "Kirkegata 2", "7030", null, null, null, null, null, null, null));
            var card = context.getBean(ViewCompany.class).execute(actor, company.getId());
            boolean serverStarted = !context.getActiveBeanRegistrations(EmbeddedServer.class).isEmpty();
            System.out.println("EMBEDDED company=" + card.id() + " name=" + card.name() + " place=" + card.visitingAddress().place()
                    + " http-server=" + serverStarted);
        }
    }
}
