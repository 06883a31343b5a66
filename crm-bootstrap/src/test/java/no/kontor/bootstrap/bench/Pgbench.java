package no.kontor.bootstrap.bench;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The database's own limits on this machine, beside Kontor in the same run: pgbench (Debian's
 * postgresql-client) against the same PostgreSQL server, in a database of its own
 * ({@code pgbench_limits}, initialised once): the keyed read of one row (select-only, prepared) and
 * TPC-B-like writes, 16 clients on 2 threads, as Kontor's operations are measured at 16 connections.
 */
final class Pgbench {
    private static final Pattern TPS = Pattern.compile("tps = ([\\d.]+) \\(without initial connection time\\)");
    private static final String DATABASE = "pgbench_limits";

    private Pgbench() {
    }

    record Limits(double keyedReadPerSecond, double tpcbPerSecond) {
    }

    static Limits measure(String url, String superuser, String password, Path work, int scale, int seconds) throws Exception {
        URI uri = URI.create(url.substring("jdbc:".length()));
        try (var c = DriverManager.getConnection(url, superuser, password); var st = c.createStatement()) {
            boolean exists;
            try (var rs = st.executeQuery("SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "')")) {
                rs.next();
                exists = rs.getBoolean(1);
            }
            if (!exists) {
                st.execute("CREATE DATABASE " + DATABASE);
                pgbench(uri, superuser, password, work, "-i", "-q", "-s", Integer.toString(scale));
            }
        }
        String common = "-M prepared -c 16 -j 2 -T " + seconds;
        double read = tps(pgbench(uri, superuser, password, work, (common + " -S").split(" ")));
        double tpcb = tps(pgbench(uri, superuser, password, work, common.split(" ")));
        System.out.printf(Locale.ROOT, "  pgbench: keyed read %,.0f/s, TPC-B-like %,.0f/s%n", read, tpcb);
        return new Limits(read, tpcb);
    }

    private static String pgbench(URI server, String user, String password, Path work, String... arguments) throws Exception {
        var command = new ArrayList<>(List.of("pgbench", "-h", server.getHost(), "-p", Integer.toString(server.getPort()), "-U", user));
        command.addAll(List.of(arguments));
        command.add(DATABASE);
        var builder = new ProcessBuilder(command).redirectErrorStream(true).directory(work.toFile());
        builder.environment().put("PGPASSWORD", password);
        var process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
        return output;
    }

    private static double tps(String output) {
        var m = TPS.matcher(output);
        if (!m.find()) {
            throw new IllegalStateException("pgbench printed no tps:\n" + output);
        }
        return Double.parseDouble(m.group(1));
    }
}
