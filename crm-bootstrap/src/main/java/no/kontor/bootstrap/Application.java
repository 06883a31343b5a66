package no.kontor.bootstrap;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import io.micronaut.runtime.server.EmbeddedServer;
import no.kontor.adapters.persistence.embedded.EmbeddedPostgres;

/**
 * Starts Kontor. With {@code KONTOR_DATABASE_URL} set it uses that PostgreSQL and
 * starts nothing else; without it, it starts its own embedded PostgreSQL (data kept
 * under {@code KONTOR_DATA_DIR}, default {@code /var/lib/kontor} as root or
 * {@code ~/.local/share/kontor}), with generated secrets and demo users.
 */
public final class Application {
    private static final Logger LOG = LoggerFactory.getLogger(Application.class);
    static final String DEMO_PASSWORD = "kontor-demo";

    private Application() {
    }

    public static void main(String[] args) {
        long started = System.nanoTime();
        Map<String, Object> properties = new HashMap<>();
        String url = System.getenv("KONTOR_DATABASE_URL");
        boolean embedded = url == null || url.isBlank();
        if (embedded) {
            Path base = dataDirectory();
            EmbeddedPostgres postgres = EmbeddedPostgres.start(base, EmbeddedPostgres.Options.durable());
            postgres.createDatabase("kontor");
            Runtime.getRuntime().addShutdownHook(new Thread(postgres::stop, "embedded-postgres-stop"));
            properties.put("datasources.default.url", postgres.jdbcUrl("kontor"));
            properties.put("datasources.default.username", postgres.username());
            properties.put("datasources.default.password", "");
            properties.putAll(embeddedSecrets(base));
            properties.put("kontor.demo.enabled", true);
        } else {
            properties.put("datasources.default.url", url);
            properties.put("datasources.default.username", System.getenv().getOrDefault("KONTOR_DATABASE_USER", ""));
            properties.put("datasources.default.password", System.getenv().getOrDefault("KONTOR_DATABASE_PASSWORD", ""));
            requireSecret("KONTOR_AUDIT_KEY");
            requireSecret("KONTOR_JWT_SECRET");
            requireSecret("KONTOR_PIN_KEY");
        }
        ApplicationContext context = Micronaut.build(args).mainClass(Application.class).properties(properties).start();
        context.findBean(EmbeddedServer.class).ifPresent(server -> {
            long ms = (System.nanoTime() - started) / 1_000_000;
            LOG.info("Kontor is running at {} (started in {} ms){}", server.getURL(), ms,
                    embedded ? " on the embedded PostgreSQL" : "");
            LOG.info("API documentation: {}/swagger-ui/", server.getURL());
            if (embedded) {
                LOG.info("Demo logins (embedded default only): admin / {}, manager mona / {}, seller sindre / {}",
                        DEMO_PASSWORD, DEMO_PASSWORD, DEMO_PASSWORD);
            }
        });
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

    /**
     * The embedded default's secrets (audit chain key, token signing key, PIN key), generated
     * once and kept beside the data with owner-only permissions. A configured
     * installation passes its own through the environment.
     */
    static Map<String, Object> embeddedSecrets(Path base) {
        Path file = base.resolve("secrets.properties");
        var props = new Properties();
        try {
            if (Files.exists(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    props.load(in);
                }
            }
            boolean changed = false;
            for (String key : new String[] {"kontor.audit.key", "kontor.security.jwt-secret", "kontor.invoicing.pin-key"}) {
                if (props.getProperty(key) == null) {
                    byte[] secret = new byte[32];
                    new SecureRandom().nextBytes(secret);
                    props.setProperty(key, Base64.getEncoder().encodeToString(secret));
                    changed = true;
                }
            }
            if (changed) {
                Path tmp = Files.createTempFile(base, "secrets", ".tmp");
                try (OutputStream out = Files.newOutputStream(tmp)) {
                    props.store(out, "Kontor's embedded-default secrets; keep this file private");
                }
                try {
                    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    // Windows: the directory's ACL applies
                }
                Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read or write " + file, e);
        }
        var result = new HashMap<String, Object>();
        props.forEach((k, v) -> result.put((String) k, v));
        return result;
    }
}
