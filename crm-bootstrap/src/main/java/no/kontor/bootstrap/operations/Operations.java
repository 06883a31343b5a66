package no.kontor.bootstrap.operations;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

import no.kontor.embedded.postgres.BaseBackup;
import no.kontor.embedded.postgres.EmbeddedPostgres;

/**
 * The commands {@code backup <file>} and {@code restore <file>} of {@code kontor.jar}
 * (docs/operations.md): what the command line asks, checked, and every refusal told as one
 * sentence on standard error with exit status 2.
 */
public final class Operations {
    public static final String BACKUP = "backup";
    public static final String RESTORE = "restore";

    private Operations() {
    }

    public static boolean isOperation(String[] args) {
        return args.length > 0 && (BACKUP.equals(args[0]) || RESTORE.equals(args[0]));
    }

    /** Runs {@code args} ({@code backup <file>} or {@code restore <file>}) with {@code env}'s settings; the exit status. */
    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        return run(args, env, out, err, BaseBackup.Listener.NONE);
    }

    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err, BaseBackup.Listener listener) {
        String command = args[0];
        if (args.length != 2 || args[1].isBlank()) {
            err.println("usage: java -jar kontor.jar " + command + " <file>   (" + (BACKUP.equals(command)
                    ? "writes a new backup file of the data in KONTOR_DATA_DIR"
                    : "restores a backup file into KONTOR_DATA_DIR, which must be empty or not exist") + ")");
            return 2;
        }
        String url = env.get("KONTOR_DATABASE_URL");
        if (url != null && !url.isBlank()) {
            err.println(BACKUP.equals(command)
                    ? "backup copies the embedded default's own PostgreSQL, and KONTOR_DATABASE_URL says this Kontor uses"
                            + " your database: back it up with your own pg_dump (or pg_basebackup for the whole server), and keep"
                            + " KONTOR_AUDIT_KEY, KONTOR_JWT_SECRET and KONTOR_PIN_KEY beside it — without the audit key the"
                            + " restored audit chain cannot be verified. See docs/operations.md."
                    : "restore makes the embedded default's data directory, and KONTOR_DATABASE_URL says this Kontor uses"
                            + " your database: restore that with pg_restore (or your base backup) instead. See docs/operations.md.");
            return 2;
        }
        try {
            Path file = Path.of(args[1]);
            String dir = env.get("KONTOR_DATA_DIR");
            Path base = dir == null || dir.isBlank() ? EmbeddedPostgres.defaultBaseDirectory() : Path.of(dir);
            if (BACKUP.equals(command)) {
                Backup.run(base, file, out, listener);
            } else {
                Restore.run(base, file, out);
            }
            return 0;
        } catch (IllegalStateException | IllegalArgumentException e) {
            err.println(command + " refused: " + e.getMessage());
            return 2;
        } catch (UncheckedIOException e) {
            err.println(command + " failed: " + e.getMessage());
            return 1;
        }
    }
}
