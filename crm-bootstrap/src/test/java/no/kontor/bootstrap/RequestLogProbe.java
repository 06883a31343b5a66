package no.kontor.bootstrap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

/**
 * Test only (a test that sets {@code kontor.test.log-probe=true}): a route that logs on the
 * blocking executor, as the use cases do, and one that fails as a bug would.
 */
@Requires(property = "kontor.test.log-probe", value = "true")
@Controller("/test/log-probe")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public class RequestLogProbe {
    static final Logger LOG = LoggerFactory.getLogger(RequestLogProbe.class);

    @Get(produces = "text/plain")
    public String logs() {
        LOG.warn("the probe logs on {}", Thread.currentThread().getName());
        return Thread.currentThread().getName();
    }

    @Get(value = "/fails", produces = "text/plain")
    public String fails() {
        throw new IllegalStateException("the probe fails as a bug would");
    }
}
