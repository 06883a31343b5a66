package no.kontor.bootstrap;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The embedded default's secrets, generated once and kept beside the data in
 * {@code secrets.properties}: the keys of the audit chain, the bearer tokens and the
 * PINs, and the passwords of the database's superuser, owner and application roles.
 * A configured installation passes its own through the environment.
 *
 * <p>The file must be the running user's and readable by nobody else (mode 0600). That
 * is checked at every start, not only when the file is made: a file that others can
 * read, or that belongs to someone else, stops the start with a message that says how
 * to fix it — its secrets may already have been read.
 */
public final class EmbeddedSecrets {
    public static final String FILE_NAME = "secrets.properties";
    static final String SUPERUSER_PASSWORD = "kontor.database.superuser-password";
    static final String OWNER_PASSWORD = "kontor.database.owner-password";
    static final String APP_PASSWORD = "kontor.database.app-password";
    /** What the application context receives; the database passwords stay with the start-up code. */
    static final List<String> APPLICATION_KEYS = List.of("kontor.audit.key", "kontor.security.jwt-secret", "kontor.invoicing.pin-key");
    private static final List<String> DATABASE_KEYS = List.of(SUPERUSER_PASSWORD, OWNER_PASSWORD, APP_PASSWORD);

    private final Properties values;

    private EmbeddedSecrets(Properties values) {
        this.values = values;
    }

    /** Reads the file under {@code base} (checking who may read it), adds what is missing, and writes it back if it did. */
    public static EmbeddedSecrets load(Path base) {
        Path file = base.resolve(FILE_NAME);
        var props = new Properties();
        try {
            if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                requirePrivate(file);
                try (InputStream in = Files.newInputStream(file)) {
                    props.load(in);
                }
            }
            boolean changed = false;
            for (String key : APPLICATION_KEYS) {
                changed |= props.putIfAbsent(key, random()) == null;
            }
            for (String key : DATABASE_KEYS) {
                changed |= props.putIfAbsent(key, random()) == null;
            }
            if (changed) {
                Files.createDirectories(base); // a first start: nothing is there yet
                write(base, file, props);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read or write " + file + ": " + e.getMessage(), e);
        }
        return new EmbeddedSecrets(props);
    }

    /**
     * Reads the file under {@code base} (checking who may read it) without adding anything:
     * for the operations that need an existing installation's secrets (backup, restore).
     */
    public static EmbeddedSecrets existing(Path base) {
        Path file = base.resolve(FILE_NAME);
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalStateException("There is no " + FILE_NAME + " in " + base + ": no Kontor data lives there"
                    + " (is KONTOR_DATA_DIR right?)");
        }
        var props = new Properties();
        try {
            requirePrivate(file);
            try (InputStream in = Files.newInputStream(file)) {
                props.load(in);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
        for (String key : java.util.stream.Stream.concat(APPLICATION_KEYS.stream(), DATABASE_KEYS.stream()).toList()) {
            if (props.getProperty(key) == null) {
                throw new IllegalStateException(file + " has no " + key + ": it is not the secrets file of a Kontor installation");
            }
        }
        return new EmbeddedSecrets(props);
    }

    /** The embedded PostgreSQL's superuser password. */
    public String superuserPassword() {
        return get(SUPERUSER_PASSWORD);
    }

    /** The keys the application needs, as configuration properties. */
    public Map<String, Object> applicationProperties() {
        var result = new HashMap<String, Object>();
        APPLICATION_KEYS.forEach(key -> result.put(key, values.getProperty(key)));
        return result;
    }

    String get(String key) {
        return values.getProperty(key);
    }

    /** Refuses a secrets file that is a link, belongs to another user, or that group or others may touch. */
    static void requirePrivate(Path file) throws IOException {
        if (Files.isSymbolicLink(file) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalStateException(file + " must be a regular file (not a link): Kontor keeps its secrets there");
        }
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
        } catch (UnsupportedOperationException notPosix) {
            return; // Windows: the directory's ACL applies
        }
        var owner = Files.getOwner(file, LinkOption.NOFOLLOW_LINKS).getName();
        var me = System.getProperty("user.name");
        boolean othersMay = permissions.stream().anyMatch(p -> p.name().startsWith("GROUP_") || p.name().startsWith("OTHERS_"));
        if (othersMay || !owner.equals(me)) {
            throw new IllegalStateException("Kontor does not start: its secrets file " + file + " is "
                    + PosixFilePermissions.toString(permissions) + " and belongs to " + owner + ", but it must belong to " + me
                    + " and be readable by nobody else (rw-------). Its keys and database passwords may have been read:"
                    + " fix it with `chown " + me + " " + file + " && chmod 600 " + file + "`, and if others could read it,"
                    + " consider the database passwords known (delete their lines to have new ones made).");
        }
    }

    private static void write(Path base, Path file, Properties props) throws IOException {
        Path tmp = Files.createTempFile(base, "secrets", ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the directory's ACL applies
            }
            try (OutputStream out = Files.newOutputStream(tmp)) {
                props.store(out, "Kontor's embedded-default secrets; keep this file private (mode 600)");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static String random() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }
}
