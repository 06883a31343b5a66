package no.kontor.bootstrap.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import no.kontor.adapters.persistence.testing.UsesTestDatabase;
import no.kontor.adapters.web.testing.ApiClient;
import no.kontor.bootstrap.TestStaff;
import no.kontor.domain.identity.Role;

/**
 * Behind a TLS proxy the install trusts (here: this machine's loopback), a login that the proxy
 * marks {@code X-Forwarded-Proto: https} gets a {@code Secure} cookie; the same request without
 * the mark does not (it came over plain HTTP). {@code StaffPagesBrowserTest} runs without a
 * trusted proxy, where the header is ignored.
 */
@MicronautTest(transactional = false)
@Property(name = "kontor.ui.trusted-proxies", value = "10.9.9.9,127.0.0.1")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecureCookiesApiTest implements UsesTestDatabase {
    @Inject
    EmbeddedServer server;
    @Inject
    TestStaff staff;

    @BeforeAll
    void users() {
        staff.add("tove", Role.SELLER);
    }

    HttpResponse<String> login(String forwardedProto) {
        var b = HttpRequest.newBuilder(server.getURI().resolve("/ui/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=tove&password=tove-password"));
        if (forwardedProto != null) {
            b.header("X-Forwarded-Proto", forwardedProto);
        }
        return ApiClient.anonymous(server.getURI()).send(b.build());
    }

    @Test
    void aTrustedProxySayingHttpsMakesTheCookieSecure() {
        var viaTls = login("https");
        assertThat(viaTls.statusCode()).isEqualTo(303);
        assertThat(viaTls.headers().firstValue("Set-Cookie").orElseThrow()).contains("kontor_ui=", "; Secure", "SameSite=Strict").containsIgnoringCase("HttpOnly");
        var plain = login(null);
        assertThat(plain.headers().firstValue("Set-Cookie").orElseThrow()).contains("kontor_ui=").doesNotContain("Secure");
        var saysHttp = login("http");
        assertThat(saysHttp.headers().firstValue("Set-Cookie").orElseThrow()).doesNotContain("Secure");
    }
}
