package no.kontor.adapters.web.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import no.kontor.adapters.web.testing.ApiClient;
import no.kontor.adapters.web.testing.Staff;
import no.kontor.domain.identity.Role;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoginControllerTest {
    @Inject
    EmbeddedServer server;
    @Inject
    Staff staff;

    @ParameterizedTest
    @ValueSource(strings = {"{\"username\":\"sindre\"}", "{\"password\":\"x\"}", "{\"username\":\"\",\"password\":\"x\"}",
        "{\"username\":", "[]", "{\"username\":7,\"password\":{}}"})
    void malformedOrIncompleteLoginsAre400(String body) {
        var r = ApiClient.anonymous(server.getURI()).post("/api/v1/login", body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
    }

    @Test
    void anOversizeLoginIs413AndARightOneGivesABearerToken() {
        staff.user("sindre", Role.SELLER);
        var huge = ApiClient.anonymous(server.getURI()).post("/api/v1/login",
                "{\"username\":\"sindre\",\"password\":\"" + "x".repeat(1_200_000) + "\"}");
        assertThat(huge.statusCode()).isEqualTo(413);
        var ok = ApiClient.anonymous(server.getURI()).post("/api/v1/login", "{\"username\":\"sindre\",\"password\":\"" + Staff.PASSWORD + "\"}");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).contains("\"access_token\"", "\"token_type\":\"Bearer\"").doesNotContain(Staff.PASSWORD);
        var wrong = ApiClient.anonymous(server.getURI()).post("/api/v1/login", "{\"username\":\"sindre\",\"password\":\"nope\"}");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("auth.login-failed");
    }
}
