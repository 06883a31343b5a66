package no.kontor.bootstrap;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import io.micronaut.runtime.server.EmbeddedServer;
import no.kontor.embedded.postgres.EmbeddedPostgres;
import no.kontor.adapters.persistence.schema.DatabaseRoles;
import no.kontor.adapters.persistence.schema.Migrations;
import no.kontor.bootstrap.operations.Operations;

/**
 * Starts Kontor.
 * <ul>
 *   <li>With {@code KONTOR_DATABASE_URL} set it uses that PostgreSQL and starts nothing
 *       else. It connects as {@code KONTOR_DATABASE_USER}, the application role; when the
 *       owner's credentials are given too ({@code KONTOR_DATABASE_OWNER_USER},
 *       {@code _OWNER_PASSWORD}) it first migrates the schema as the owner, else it checks
 *       that nothing is pending.</li>
 *   <li>Without it, it starts its own embedded PostgreSQL (data kept under
 *       {@code KONTOR_DATA_DIR}, default {@code /var/lib/kontor} as root or
 *       {@code ~/.local/share/kontor}) with generated secrets, the same two roles, and demo
 *       users — reachable from this machine only unless {@code KONTOR_HOST} says otherwise.</li>
 *   <li>{@code java -jar kontor.jar migrate} migrates a configured database as its owner
 *       and exits.</li>
 *   <li>{@code java -jar kontor.jar backup <file>} and {@code restore <file>} back up and
 *       restore the embedded default's data and secrets (docs/operations.md).</li>
 * </ul>
 */
public final class Application {
    private static final Logger LOG = LoggerFactory.getLogger(Application.class);
    static final String DEMO_PASSWORD = "kontor-demo";

    private Application() {
    }

    public static void main(String[] args) {
        try {
            start(args);
        } catch (RuntimeException e) {
            // a refused start (its message says what to do) is told as that sentence, not as a stack trace
            Throwable refusal = e;
            while (refusal.getCause() != null && !(refusal instanceof IllegalStateException)) {
                refusal = refusal.getCause();
            }
            if (!(refusal instanceof IllegalStateException)) {
                throw e;
            }
            LOG.error("{}", refusal.getMessage());
            LOG.debug("the refused start", e);
            System.exit(2);
        }
    }

    private static void start(String[] args) {
        if (args.length > 0 && "migrate".equals(args[0])) {
            System.exit(migrate());
        }
        if (Operations.isOperation(args)) {
            System.exit(Operations.run(args, System.getenv(), System.out, System.err));
        }
        long started = System.nanoTime();
        Map<String, Object> properties = new HashMap<>();
        String url = System.getenv("KONTOR_DATABASE_URL");
        boolean embedded = url == null || url.isBlank();
        if (embedded) {
            Path base = dataDirectory();
            EmbeddedSecrets secrets = EmbeddedSecrets.load(base);
            properties.putAll(EmbeddedDefault.start(base, secrets, timeouts()));
            properties.putAll(secrets.applicationProperties());
            properties.put(StartupChecks.MIGRATED_AT_START, true);
        } else {
            requireSecret("KONTOR_AUDIT_KEY");
            requireSecret("KONTOR_JWT_SECRET");
            requireSecret("KONTOR_PIN_KEY");
            String user = System.getenv().getOrDefault("KONTOR_DATABASE_USER", "");
            String password = System.getenv().getOrDefault("KONTOR_DATABASE_PASSWORD", "");
            String owner = System.getenv("KONTOR_DATABASE_OWNER_USER");
            if (owner != null && !owner.isBlank()) {
                int applied = Migrations.migrate(url, owner, System.getenv().getOrDefault("KONTOR_DATABASE_OWNER_PASSWORD", ""),
                        Migrations.requireRoleName(user));
                LOG.info("Migrated the schema as {}: {} migration(s) applied", owner, applied);
                properties.put(StartupChecks.MIGRATED_AT_START, true);
            }
            properties.put("datasources.default.url", url);
            properties.put("datasources.default.username", user);
            properties.put("datasources.default.password", password);
        }
        var builder = Micronaut.build(args).mainClass(Application.class).properties(properties);
        if (embedded) {
            builder.environments(DemoData.ENVIRONMENT);
        }
        ApplicationContext context = builder.start();
        context.findBean(EmbeddedServer.class).ifPresent(server -> {
            long ms = (System.nanoTime() - started) / 1_000_000;
            LOG.info("Kontor is running at {} (started in {} ms){}", server.getURL(), ms,
                    embedded ? " on the embedded PostgreSQL" : "");
            LOG.info(isLoopback(server.getHost())
                    ? "Reachable from this machine only ({}); set KONTOR_HOST (e.g. 0.0.0.0) to open it to the network"
                    : "Reachable from the network on {}: put TLS in front of it", server.getHost());
            LOG.info("API documentation: {}/swagger-ui/", server.getURL());
            if (context.containsBean(DemoData.class)) {
                LOG.info("Demo logins (embedded default only, this machine only): admin / {}, manager mona / {}, seller sindre / {}",
                        DEMO_PASSWORD, DEMO_PASSWORD, DEMO_PASSWORD);
            }
        });
    }

    /** {@code migrate}: the schema of the configured database, as its owner, for the application role. */
    private static int migrate() {
        String url = System.getenv("KONTOR_DATABASE_URL");
        String owner = System.getenv("KONTOR_DATABASE_OWNER_USER");
        String app = System.getenv().getOrDefault("KONTOR_DATABASE_USER", Migrations.DEFAULT_APP_ROLE);
        if (url == null || url.isBlank() || owner == null || owner.isBlank()) {
            System.err.println("migrate needs KONTOR_DATABASE_URL, KONTOR_DATABASE_OWNER_USER and KONTOR_DATABASE_OWNER_PASSWORD"
                    + " (the schema's owner), and KONTOR_DATABASE_USER (the application role the grants are for, default "
                    + Migrations.DEFAULT_APP_ROLE + "). See README.md, 'Running in production'.");
            return 2;
        }
        int applied = Migrations.migrate(url, owner, System.getenv().getOrDefault("KONTOR_DATABASE_OWNER_PASSWORD", ""),
                Migrations.requireRoleName(app));
        System.out.println("Migrated " + url + " as " + owner + " for the application role " + app + ": " + applied
                + " migration(s) applied");
        return 0;
    }

    /** The application role's timeouts on the embedded default ({@code KONTOR_DATABASE_*_TIMEOUT}, in seconds). */
    static DatabaseRoles.Timeouts timeouts() {
        var defaults = DatabaseRoles.Timeouts.DEFAULTS;
        return new DatabaseRoles.Timeouts(seconds("KONTOR_DATABASE_STATEMENT_TIMEOUT", defaults.statement()),
                seconds("KONTOR_DATABASE_LOCK_TIMEOUT", defaults.lock()),
                seconds("KONTOR_DATABASE_IDLE_IN_TRANSACTION_TIMEOUT", defaults.idleInTransaction()));
    }

    private static Duration seconds(String name, Duration fallback) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Duration.ofSeconds(Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " is a number of seconds: " + value);
        }
    }

    static boolean isLoopback(String host) {
        if (host == null || host.isBlank()) {
            return false; // every interface
        }
        try {
            InetAddress[] addresses = InetAddress.getAllByName(host);
            for (InetAddress address : addresses) {
                if (!address.isLoopbackAddress()) {
                    return false;
                }
            }
            return addresses.length > 0;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    static Path dataDirectory() {
        String dir = System.getenv("KONTOR_DATA_DIR");
        return dir == null || dir.isBlank() ? EmbeddedPostgres.defaultBaseDirectory() : Path.of(dir).toAbsolutePath();
    }

    private static void requireSecret(String name) {
        String value = System.getenv(name);
        if (value == null || value.length() < 32) {
            System.err.println("Kontor needs " + name + " (at least 32 characters) when it runs on a configured database."
                    + " See README.md, 'Running in production'.");
            System.exit(2);
        }
    }
}
