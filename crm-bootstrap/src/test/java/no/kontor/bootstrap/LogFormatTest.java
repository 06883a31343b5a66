package no.kontor.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;

/**
 * The server's own logback.xml (not the tests'): each line starts with an ISO 8601 instant
 * with its offset, then the level and the request id ("-" outside a request).
 */
class LogFormatTest {
    static final String ISO_WITH_OFFSET = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}(Z|[+-]\\d{2}:\\d{2})";

    String line(Map<String, String> mdc) throws Exception {
        var context = new LoggerContext();
        var configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(LogFormatTest.class.getResource("/logback.xml"));
        var appender = (OutputStreamAppender<ILoggingEvent>) context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("STDOUT");
        var encoder = (PatternLayoutEncoder) appender.getEncoder();
        var event = new LoggingEvent(LogFormatTest.class.getName(), context.getLogger("no.kontor.bootstrap.Example"), Level.INFO,
                "the message", null, null);
        event.setMDCPropertyMap(mdc);
        String text = new String(encoder.encode(event), StandardCharsets.UTF_8);
        context.stop();
        return text;
    }

    @Test
    void aLineHasAnIsoInstantWithItsOffsetAndTheRequestId() throws Exception {
        assertThat(line(Map.of("requestId", "edge-7f3a"))).matches(ISO_WITH_OFFSET + " INFO  \\[edge-7f3a\\] n\\.k\\.bootstrap\\.Example - the message\\R");
        assertThat(line(Map.of())).matches(ISO_WITH_OFFSET + " INFO  \\[-\\] n\\.k\\.bootstrap\\.Example - the message\\R");
    }
}
