package no.kontor.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import no.kontor.adapters.persistence.testing.UsesTestDatabase;
import no.kontor.adapters.web.shared.ImportCounts;
import no.kontor.adapters.web.shared.NoImportCounts;

/** KONTOR_METRICS=false: no registry, /prometheus answers like a missing route, and the server works as before. */
@MicronautTest(transactional = false)
@Property(name = "micronaut.metrics.enabled", value = "false")
@Property(name = "endpoints.prometheus.enabled", value = "false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsOffApiTest implements UsesTestDatabase {
    @Inject
    TestStaff staff;
    @Inject
    ApplicationContext context;

    @Test
    void withoutMetricsPrometheusIsAMissingRouteAndImportsCountNothing() {
        var admin = staff.admin();
        var none = admin.get("/no-such-endpoint");
        var r = admin.get("/prometheus");
        assertThat(r.statusCode()).isEqualTo(none.statusCode());
        assertThat(r.body()).isEqualTo(none.body().replace("/no-such-endpoint", "/prometheus"));
        assertThat(context.getBean(ImportCounts.class)).isInstanceOf(NoImportCounts.class);
        assertThat(context.findBean(OutboxMetrics.class)).isEmpty();
        assertThat(admin.get("/api/v1/companies").statusCode()).isEqualTo(200);
    }
}
