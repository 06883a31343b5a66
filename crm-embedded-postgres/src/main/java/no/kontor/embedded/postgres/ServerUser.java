package no.kontor.embedded.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The operating-system user the PostgreSQL binaries run as.
 *
 * <p>PostgreSQL refuses to run as root. When Kontor runs as root, every PostgreSQL
 * program is started through {@code setpriv --reuid --regid --clear-groups} as the
 * user {@code nobody} (looked up by name, numeric 65534 if the lookup fails; the group
 * is that user's primary group, by number, because {@code nogroup} exists only on
 * Debian). Its data directory, log file and socket directory are then owned by that
 * user, and every directory above them must be searchable by it. As an ordinary
 * user the programs run directly, as that user.
 */
final class ServerUser {

    static final int NOBODY_FALLBACK_ID = 65534;

    private final boolean dropsPrivileges;
    private final int uid;
    private final int gid;
    private final String name;

    private ServerUser(boolean dropsPrivileges, int uid, int gid, String name) {
        this.dropsPrivileges = dropsPrivileges;
        this.uid = uid;
        this.gid = gid;
        this.name = name;
    }

    /** The user for this process: itself, or {@code nobody} when this process is root. */
    static ServerUser forThisProcess() {
        if (!isRoot()) {
            return new ServerUser(false, -1, -1, System.getProperty("user.name"));
        }
        var setpriv = ChildProcess.run(List.of("setpriv", "--version"), Duration.ofSeconds(10));
        if (!setpriv.succeeded()) {
            throw new IllegalStateException("Kontor runs as root, and PostgreSQL refuses to run as root: the embedded"
                    + " PostgreSQL is then started as the user nobody through 'setpriv' (util-linux), which is not"
                    + " available here (" + setpriv.output() + "). Install util-linux, or run Kontor as an ordinary user.");
        }
        int uid = idOf("-u").orElse(NOBODY_FALLBACK_ID);
        int gid = idOf("-g").orElse(NOBODY_FALLBACK_ID);
        return new ServerUser(true, uid, gid, "nobody");
    }

    /** Whether this process is root (uid 0). Never on Windows. */
    static boolean isRoot() {
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
            return false;
        }
        try {
            // /proc/self belongs to the process's effective user (Linux)
            Object owner = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            return ((Integer) owner) == 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException notLinux) {
            var id = ChildProcess.run(List.of("id", "-u"), Duration.ofSeconds(10));
            return id.succeeded() && id.output().strip().equals("0");
        }
    }

    private static Optional<Integer> idOf(String flag) {
        var id = ChildProcess.run(List.of("id", flag, "nobody"), Duration.ofSeconds(10));
        if (!id.succeeded()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(id.output().strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    boolean dropsPrivileges() {
        return dropsPrivileges;
    }

    /** For messages: {@code nobody (uid 65534, gid 65534)} or the current user's name. */
    String describe() {
        return dropsPrivileges ? name + " (uid " + uid + ", gid " + gid + ")" : name;
    }

    /** The command line that runs the program as this user. */
    List<String> command(Path program, String... arguments) {
        var command = new ArrayList<String>();
        if (dropsPrivileges) {
            command.add("setpriv");
            command.add("--reuid=" + uid);
            command.add("--regid=" + gid);
            command.add("--clear-groups");
        }
        command.add(program.toString());
        command.addAll(List.of(arguments));
        return command;
    }

    /** Gives the file or directory (not what a link points to) to this user; nothing as an ordinary user. */
    void own(Path path) {
        if (!dropsPrivileges) {
            return;
        }
        try {
            Files.setAttribute(path, "unix:gid", gid, LinkOption.NOFOLLOW_LINKS);
            Files.setAttribute(path, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot give " + path + " to " + describe(), e);
        }
    }

    /** {@link #own} for a whole tree. */
    void ownRecursively(Path root) {
        if (!dropsPrivileges) {
            return;
        }
        try (Stream<Path> tree = Files.walk(root)) {
            tree.forEach(this::own);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot give " + root + " to " + describe(), e);
        }
    }

    /** Whether the file belongs to this user (always true as an ordinary user: the user made it). */
    boolean owns(Path path) {
        if (!dropsPrivileges) {
            return true;
        }
        try {
            return ((Integer) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS)) == uid;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Refuses a directory this user cannot reach: {@code nobody} needs search permission
     * on every directory from the root down to it ({@code /root} is mode 700).
     */
    void requireReachable(Path directory) {
        if (!dropsPrivileges) {
            return;
        }
        firstUnreachable(directory, uid, gid).ifPresent(blocked -> {
            throw new IllegalStateException("Kontor runs as root, so its embedded PostgreSQL runs as " + describe()
                    + ", and that user cannot reach " + directory + ": " + blocked + ". Put Kontor's data where that"
                    + " user can reach it, e.g. /var/lib/kontor (the default as root; set KONTOR_DATA_DIR to choose"
                    + " another), never under /root; or make every directory above it searchable (chmod o+x).");
        });
    }

    /**
     * The first directory on the way from the file-system root to {@code directory}
     * that a process with this uid and gid (and no supplementary groups) may not
     * search, described with its owner and mode; empty when all are searchable.
     */
    static Optional<String> firstUnreachable(Path directory, int uid, int gid) {
        var chain = new ArrayList<Path>();
        for (Path p = directory.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            chain.add(0, p);
        }
        for (Path p : chain) {
            if (!Files.exists(p)) {
                break; // not made yet; its parent decides, and the launcher makes it searchable
            }
            try {
                int owner = (Integer) Files.getAttribute(p, "unix:uid");
                int group = (Integer) Files.getAttribute(p, "unix:gid");
                int mode = (Integer) Files.getAttribute(p, "unix:mode");
                int bit = owner == uid ? 0100 : group == gid ? 0010 : 0001;
                if ((mode & bit) == 0) {
                    return Optional.of(p + " is mode " + String.format("%o", mode & 07777) + ", owner uid " + owner
                            + ", group gid " + group);
                }
            } catch (IOException | UnsupportedOperationException e) {
                return Optional.of("cannot check " + p + " (" + e.getMessage() + ")");
            }
        }
        return Optional.empty();
    }
}
