package no.kontor.adapters.web.company;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.Charset;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import no.kontor.adapters.web.testing.ApiClient;
import no.kontor.adapters.web.testing.Staff;
import no.kontor.domain.identity.Role;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostalCodeControllerTest {
    @Inject
    EmbeddedServer server;
    @Inject
    Staff staff;

    ApiClient admin;
    ApiClient seller;

    @BeforeAll
    void logIn() {
        staff.user("ada", Role.ADMIN);
        staff.user("sindre", Role.SELLER);
        admin = ApiClient.anonymous(server.getURI()).login("ada", Staff.PASSWORD);
        seller = ApiClient.anonymous(server.getURI()).login("sindre", Staff.PASSWORD);
    }

    private java.net.http.HttpResponse<String> upload(ApiClient client, String content) {
        return client.send(client.request("/api/v1/postal-codes/import").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofByteArray(content.getBytes(Charset.forName("windows-1252")))).build());
    }

    @Test
    void looksUpAPlace() {
        var r = seller.get("/api/v1/postal-codes/9008");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("TROMSØ");
        assertThat(seller.get("/api/v1/postal-codes/0001").statusCode()).isEqualTo(404);
        assertThat(seller.get("/api/v1/postal-codes/12a4").statusCode()).isEqualTo(400);
    }

    @Test
    void onlyAnAdminImportsAndABadFileChangesNothing() {
        assertThat(upload(seller, "0150\tOSLO\t0301\tOSLO\tG\n").statusCode()).isEqualTo(403);
        var bad = upload(admin, "0150\tOSLO\t0301\tOSLO\tG\n7030\tTRONDHEIM\t5001\n");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("Line 2");
        assertThat(seller.get("/api/v1/postal-codes/9008").statusCode()).as("the register is untouched").isEqualTo(200);
        var empty = admin.send(admin.request("/api/v1/postal-codes/import").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(empty.statusCode()).isEqualTo(400);
    }

    @Test
    void anImportReplacesTheRegisterWithMunicipalities() {
        var ok = upload(admin, "0150\tOSLO\t0301\tOSLO\tG\n9008\tTROMSØ\t5501\tTROMSØ\tB\n");
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertThat(ok.body()).contains("\"imported\":2");
        assertThat(seller.get("/api/v1/postal-codes/9008").body()).contains("\"municipalityNumber\":\"5501\"", "\"category\":\"B\"");
    }
}
