package no.kontor.bootstrap.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import no.kontor.adapters.persistence.testing.TestPostgres;

/**
 * Another JVM program embeds Kontor's core: {@link EmbeddingExample} runs in a
 * process of its own, on this module's test class path, against a fresh database.
 */
class EmbeddingTest {

    @Test
    void anotherJvmStartsTheContextWithoutHttpCallsTheUseCasesAndCloses() throws Exception {
        String url = TestPostgres.newDatabase("embedding");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var process = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                EmbeddingExample.class.getName(), url, TestPostgres.username(), TestPostgres.password()))
                .redirectErrorStream(true).start();
        boolean exited = process.waitFor(90, TimeUnit.SECONDS);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(exited).as(output).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("EMBEDDED company=", "name=Innebygd AS", "place=TRONDHEIM", "http-server=false");

        try (var c = DriverManager.getConnection(url, TestPostgres.username(), TestPostgres.password());
             var rs = c.createStatement().executeQuery(
                     "SELECT (SELECT count(*) FROM company WHERE name = 'Innebygd AS'), (SELECT count(*) FROM audit_entry)")) {
            rs.next();
            assertThat(rs.getLong(1)).as("the company was stored").isEqualTo(1);
            assertThat(rs.getLong(2)).as("the admin and the company were audited").isEqualTo(2);
        }
    }
}
