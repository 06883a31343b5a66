package no.kontor.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import no.kontor.adapters.persistence.testing.UsesTestDatabase;

/** What a configured (production-like) start does and does not do. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StartupTest implements UsesTestDatabase {
    @Inject
    ApplicationContext context;
    @Inject
    DataSource dataSource;

    @Test
    void aConfiguredDatabaseGetsTheConfiguredAdminAndNoDemoData() {
        assertThat(context.containsBean(DemoData.class)).isFalse();
        assertThat(Db.count(dataSource, "SELECT count(*) FROM staff_user")).isEqualTo(1);
        assertThat(Db.text(dataSource, "SELECT username || ':' || role FROM staff_user")).isEqualTo("admin:ADMIN");
        assertThat(Db.count(dataSource, "SELECT count(*) FROM company")).isZero();
    }

    @Test
    void theEmbeddedDefaultsSecretsAreGeneratedOncePrivateAndKept(@TempDir Path dir) throws Exception {
        var first = Application.embeddedSecrets(dir);
        var second = Application.embeddedSecrets(dir);
        assertThat(first).containsKeys("kontor.audit.key", "kontor.security.jwt-secret").isEqualTo(second);
        assertThat(first.get("kontor.audit.key").toString()).hasSizeGreaterThanOrEqualTo(32);
        assertThat(Files.getPosixFilePermissions(dir.resolve("secrets.properties")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Application.embeddedSecrets(Files.createDirectory(dir.resolve("other"))).get("kontor.audit.key"))
                .as("each installation its own").isNotEqualTo(first.get("kontor.audit.key"));
    }
}
