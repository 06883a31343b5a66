package no.kontor.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every environment variable the server reads (a {@code KONTOR_…} name in a main
 * configuration file or in main code) is named in the README, so an operator can find
 * each setting without reading the source.
 */
class SettingsDocumentedTest {
    private static final Pattern SETTING = Pattern.compile("\\bKONTOR_[A-Z0-9_]*[A-Z0-9]\\b");
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    static Set<String> settingsIn(String text) {
        var found = new TreeSet<String>();
        SETTING.matcher(text).results().forEach(m -> found.add(m.group()));
        return found;
    }

    @Test
    void everySettingTheServerReadsIsInTheReadme() throws IOException {
        var read = new TreeSet<String>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            files.filter(p -> p.toString().contains("/src/main/"))
                    .filter(p -> p.toString().matches(".*\\.(java|yml|yaml|properties)$"))
                    .forEach(p -> read.addAll(settingsIn(text(p))));
        }
        assertThat(read).as("the scan found the server's settings").contains("KONTOR_DATABASE_URL", "KONTOR_DATABASE_POOL");
        var readme = settingsIn(text(ROOT.resolve("README.md")));
        assertThat(readme).as("README.md names every setting").containsAll(read);
    }

    @Test
    void theScanSeesWholeNamesOnly() {
        assertThat(settingsIn("${KONTOR_SMTP_PORT:25} and `KONTOR_SELLER_…`, KONTOR_X_"))
                .containsExactly("KONTOR_SMTP_PORT");
    }

    private static String text(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
