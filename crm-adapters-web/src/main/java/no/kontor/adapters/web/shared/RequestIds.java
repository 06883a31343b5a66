package no.kontor.adapters.web.shared;

import java.util.HashMap;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import org.slf4j.MDC;

import io.micronaut.context.propagation.slf4j.MdcPropagationContext;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Every request has an id: the caller's {@code X-Request-Id} when it is short and plain
 * ({@code [A-Za-z0-9._-]{1,64}}: a proxy's or a client's id, so one request can be followed
 * through several systems), else one made here. It is sent back in the response's
 * {@code X-Request-Id}, and it is in the log's MDC as {@code requestId} on every thread that
 * serves the request: Micronaut carries the MDC in the request's propagated context to the
 * event loop and the blocking executor alike. Anything else a caller sends as an id (too long,
 * line breaks, quotes, other characters) is never logged nor echoed: it is replaced.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class RequestIds implements Ordered {
    public static final String HEADER = "X-Request-Id";
    /** The MDC key the log pattern prints (logback.xml). */
    public static final String MDC_KEY = "requestId";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final String ATTRIBUTE = RequestIds.class.getName();

    @RequestFilter
    public void assign(HttpRequest<?> request, MutablePropagatedContext context) {
        String id = accepted(request.getHeaders().get(HEADER));
        request.setAttribute(ATTRIBUTE, id);
        var mdc = new HashMap<String, String>();
        var outer = MDC.getCopyOfContextMap();
        if (outer != null) {
            mdc.putAll(outer);
        }
        mdc.put(MDC_KEY, id);
        context.add(new MdcPropagationContext(mdc));
    }

    @ResponseFilter
    public void echo(HttpRequest<?> request, MutableHttpResponse<?> response) {
        of(request).ifPresent(id -> response.getHeaders().set(HEADER, id));
    }

    /** The request's id, once this filter has seen it. */
    public static Optional<String> of(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, String.class);
    }

    /**
     * The caller's id when it is safe to log and echo, else a new one: 16 hex digits from the
     * thread's own generator (an id names a request in the log, it guards nothing, and a shared
     * secure generator would be one more lock on every request).
     */
    static String accepted(@Nullable String offered) {
        return offered != null && SAFE.matcher(offered).matches() ? offered : HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    }

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE; // first of all: every answer, a 413 or a 401 too, carries the id
    }
}
