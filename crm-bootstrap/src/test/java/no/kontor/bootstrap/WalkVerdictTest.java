package no.kontor.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The walk must be able to fail: its verdict on the answers it would catch. */
class WalkVerdictTest {
    static final String PROBLEM = "application/problem+json";

    @Test
    void aServerErrorIsAFaultWhateverItsBody() {
        assertThat(WalkVerdict.fault(500, PROBLEM, "{\"status\":500,\"code\":\"internal.error\"}")).contains("500");
        assertThat(WalkVerdict.fault(503, "text/plain", "down")).contains("503");
    }

    @Test
    void aClientErrorNeedsAProblemWithStatusAndCode() {
        assertThat(WalkVerdict.fault(400, PROBLEM, "{\"status\":400,\"code\":\"request.invalid\"}")).isNull();
        assertThat(WalkVerdict.fault(404, PROBLEM + ";charset=UTF-8", "{\"status\":404,\"code\":\"x.not-found\"}")).isNull();
        assertThat(WalkVerdict.fault(400, "application/json", "{\"status\":400,\"code\":\"request.invalid\"}")).contains("Content-Type");
        assertThat(WalkVerdict.fault(400, null, "")).isNotNull();
        assertThat(WalkVerdict.fault(400, PROBLEM, "{\"status\":400}")).contains("code");
        assertThat(WalkVerdict.fault(400, PROBLEM, "{\"code\":\"request.invalid\"}")).contains("status");
        assertThat(WalkVerdict.fault(409, PROBLEM, "{\"status\":400,\"code\":\"c\"}")).contains("status");
        assertThat(WalkVerdict.fault(413, PROBLEM, "<html>")).contains("not JSON");
    }

    @Test
    void successesPass() {
        assertThat(WalkVerdict.fault(200, "application/json", "{}")).isNull();
        assertThat(WalkVerdict.fault(204, null, "")).isNull();
        assertThat(WalkVerdict.fault(202, "application/json", "{}")).isNull();
    }
}
