package no.kontor.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import no.kontor.embedded.postgres.EmbeddedPostgres;
import no.kontor.adapters.persistence.schema.Migrations;
import no.kontor.adapters.web.testing.ApiClient;

/**
 * docs/architecture.md#promises, "the database restarts": while PostgreSQL is down, requests fail
 * cleanly with 503 and write nothing; when it is back, the same server answers
 * again without a restart of its own.
 */
class DatabaseOutageTest {

    @Test
    void whileTheDatabaseIsDownRequestsGet503AndTheServerRecoversByItself() throws Exception {
        var directory = new OwnPostgresDirectory("kontor-outage-");
        Path base = directory.path();
        int port = InvoiceSendingApiTest.freePort();
        var options = EmbeddedPostgres.Options.nonDurable().withPort(port);
        EmbeddedPostgres postgres = EmbeddedPostgres.start(base, options);
        try {
            String url = postgres.createDatabase("kontor");
            // the superuser owns and runs this throw-away database: the outage, not the roles, is under test here
            Migrations.migrate(url, postgres.username(), postgres.password(), postgres.username());
            Map<String, Object> properties = Map.of("datasources.default.url", url,
                    "datasources.default.username", postgres.username(), "datasources.default.password", postgres.password(),
                    "datasources.default.connection-timeout", 2000);
            try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties, "test")) {
                var admin = ApiClient.anonymous(server.getURI()).login("admin", "admin-password");
                var created = admin.post("/api/v1/companies", "{\"name\":\"Før Brudd AS\",\"status\":\"PROSPECT\"}");
                assertThat(created.statusCode()).isEqualTo(201);
                String path = "/api/v1/companies/" + ApiClient.field(created.body(), "id");

                postgres.stop();
                var read = admin.get(path);
                assertThat(read.statusCode()).as(read.body()).isEqualTo(503);
                assertThat(read.headers().firstValue("Retry-After")).contains("5");
                assertThat(read.body()).contains("service.database-unavailable").doesNotContain("jdbc:", "Exception");
                assertThat(admin.post("/api/v1/companies", "{\"name\":\"Under Brudd AS\",\"status\":\"PROSPECT\"}").statusCode())
                        .isEqualTo(503);

                postgres = EmbeddedPostgres.start(base, options);
                int status = 0;
                for (int attempt = 0; attempt < 20 && status != 200; attempt++) {
                    status = admin.get(path).statusCode();
                    if (status != 200) {
                        Thread.sleep(250); // the pool replaces its broken connections
                    }
                }
                assertThat(status).as("the server answers again without a restart").isEqualTo(200);
                var search = admin.get("/api/v1/companies?q=under");
                assertThat(search.body()).as("the write refused during the outage is not there").doesNotContain("Under Brudd AS");
            }
        } finally {
            postgres.stop();
            directory.close();
        }
    }
}
