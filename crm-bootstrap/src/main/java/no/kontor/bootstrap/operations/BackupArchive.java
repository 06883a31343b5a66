package no.kontor.bootstrap.operations;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The backup file (docs/operations.md, "What is in the file"): a gzip-compressed tar of
 * <pre>
 *   kontor-backup.properties       first: format, PostgreSQL version, when, from where
 *   secrets.properties             the installation's keys and database passwords
 *   data/…                         the PostgreSQL data directory, a base backup (backup_label, pg_wal/ segments)
 *   kontor-backup-end.properties   last: the backup's WAL range and size; without it the file is incomplete
 * </pre>
 */
final class BackupArchive {
    static final String FORMAT = "kontor-backup-1";
    static final String MANIFEST = "kontor-backup.properties";
    static final String SECRETS = "secrets.properties";
    static final String DATA = "data/";
    static final String END = "kontor-backup-end.properties";

    static final String FORMAT_KEY = "format";
    static final String POSTGRES_MAJOR = "postgres.major";
    static final String POSTGRES_VERSION = "postgres.version";

    private BackupArchive() {
    }

    static byte[] properties(Map<String, String> values, String comment) {
        var props = new Properties();
        props.putAll(new TreeMap<>(values));
        var out = new ByteArrayOutputStream();
        try {
            props.store(out, comment);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static Properties properties(byte[] bytes) throws IOException {
        var props = new Properties();
        try (InputStream in = new ByteArrayInputStream(bytes)) {
            props.load(in);
        }
        return props;
    }

    /** Reads an entry of at most {@code limit} bytes (the small ones: manifest, secrets, end). */
    static byte[] readSmall(InputStream in, long size, int limit, String name) throws IOException {
        if (size > limit) {
            throw new IllegalStateException(name + " in the backup is " + size + " bytes, more than such a file can be:"
                    + " this is not a Kontor backup");
        }
        var out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
    }

    /** {@code 1.4 GB}, {@code 12.0 MB}, {@code 512 kB}: for the progress lines. */
    static String size(long bytes) {
        if (bytes >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30));
        }
        if (bytes >= 1L << 20) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / (double) (1L << 20));
        }
        return String.format(Locale.ROOT, "%d kB", (bytes + 1023) / 1024);
    }

    /** Counts what passes, so the command can say how big the file became. */
    static final class Counting extends java.io.FilterOutputStream {
        private long count;

        Counting(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }

        long count() {
            return count;
        }
    }
}
