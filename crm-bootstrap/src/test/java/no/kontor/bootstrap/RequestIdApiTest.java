package no.kontor.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import no.kontor.adapters.persistence.testing.UsesTestDatabase;
import no.kontor.adapters.web.shared.UnexpectedErrorHandler;
import no.kontor.adapters.web.testing.ApiClient;

/**
 * Every request has an id (docs/decisions/metrics.md, "Logs"): the caller's X-Request-Id when it
 * is short and plain, else a new one; it comes back in X-Request-Id, and every log line written
 * while the request is served carries it, on the blocking executor's threads too.
 */
@MicronautTest(transactional = false)
@Property(name = "kontor.test.log-probe", value = "true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestIdApiTest implements UsesTestDatabase {
    @Inject
    EmbeddedServer server;
    @Inject
    TestStaff staff;

    ApiClient anonymous;
    final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    final List<Logger> watched = new ArrayList<>();

    @BeforeAll
    void setUp() {
        anonymous = ApiClient.anonymous(server.getURI());
    }

    @BeforeEach
    void watchTheLog() {
        logged.list.clear();
        logged.start();
        for (var name : List.of(RequestLogProbe.class, UnexpectedErrorHandler.class)) {
            var logger = (Logger) LoggerFactory.getLogger(name);
            logger.addAppender(logged);
            watched.add(logger);
        }
    }

    @AfterEach
    void stopWatching() {
        watched.forEach(l -> l.detachAppender(logged));
        watched.clear();
        logged.stop();
    }

    String idOf(java.net.http.HttpResponse<?> r) {
        return r.headers().firstValue("X-Request-Id").orElse(null);
    }

    java.net.http.HttpResponse<String> get(String path, String requestId) {
        var request = anonymous.request(path);
        if (requestId != null) {
            request.header("X-Request-Id", requestId);
        }
        return anonymous.send(request.build());
    }

    @Test
    void aPlainIdComesBackAndANewOneIsMadeWithoutOne() {
        assertThat(idOf(get("/health", "edge-7f3a.B_2"))).isEqualTo("edge-7f3a.B_2");
        String made = idOf(get("/health", null));
        assertThat(made).matches("[0-9a-f]{16}");
        assertThat(idOf(get("/health", null))).isNotEqualTo(made);
        // refused requests carry one too: 401 from security, 404-like answers, problems
        assertThat(idOf(get("/api/v1/companies", "at-the-door"))).isEqualTo("at-the-door");
        var admin = staff.admin();
        assertThat(idOf(admin.send(admin.request("/api/v1/companies/0").header("X-Request-Id", "not-found-1").build())))
                .isEqualTo("not-found-1");
        var oversize = admin.send(admin.request("/api/v1/companies").header("X-Request-Id", "too-big").header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(new byte[1024 * 1024 + 1])).build());
        assertThat(oversize.statusCode()).isEqualTo(413);
        assertThat(idOf(oversize)).isEqualTo("too-big");
    }

    @Test
    void aHostileIdIsReplacedNeverEchoed() {
        for (String hostile : List.of("x".repeat(65), "quote\"d", "single'quote", "two words", "a%0D%0Ab", "<script>", "semi;colon",
                "æøå", "tab\tinside")) {
            String back = idOf(get("/health", hostile));
            assertThat(back).as(hostile).isNotEqualTo(hostile).matches("[0-9a-f]{16}");
        }
        assertThat(idOf(get("/health", "x".repeat(64)))).isEqualTo("x".repeat(64));
    }

    @Test
    void everyLineLoggedWhileServingARequestCarriesItsId() {
        var r = get("/test/log-probe", "probe-1");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).as("the probe ran off the event loop").doesNotContainIgnoringCase("eventloop");
        assertThat(logged.list).hasSize(1);
        var line = logged.list.get(0);
        assertThat(line.getThreadName()).isEqualTo(r.body());
        assertThat(line.getMDCPropertyMap()).containsEntry("requestId", "probe-1");

        // the next request on the same pool has its own id, not a stale one
        logged.list.clear();
        var second = get("/test/log-probe", null);
        assertThat(logged.list).hasSize(1);
        assertThat(logged.list.get(0).getMDCPropertyMap()).containsEntry("requestId", idOf(second));
    }

    @Test
    void anUnexpectedErrorIsLoggedAndAnsweredUnderTheRequestId() {
        var r = get("/test/log-probe/fails", "bug-42");
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(idOf(r)).isEqualTo("bug-42");
        assertThat(r.body()).contains("incident bug-42").doesNotContain("the probe fails");
        assertThat(logged.list).anySatisfy(e -> {
            assertThat(e.getLoggerName()).isEqualTo(UnexpectedErrorHandler.class.getName());
            assertThat(e.getMDCPropertyMap()).containsEntry("requestId", "bug-42");
            assertThat(e.getFormattedMessage()).contains("incident bug-42");
        });
    }
}
