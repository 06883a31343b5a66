package no.kontor.adapters.web.shared;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Refuses a body larger than {@code kontor.http.max-body-size} (1 MiB) with 413
 * before a byte of it is parsed, from its declared length. Checked here because
 * Micronaut's own limit did not refuse such a JSON body in our tests.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class RequestSizeLimit implements Ordered {
    private final long maxBytes;

    public RequestSizeLimit(@Value("${kontor.http.max-body-size:1048576}") long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> refuseOversize(HttpRequest<?> request) {
        long length = request.getContentLength();
        if (length > maxBytes) {
            return Problems.respond(request, HttpStatus.REQUEST_ENTITY_TOO_LARGE, "request.too-large",
                    "The body has " + length + " bytes; at most " + maxBytes + " are accepted");
        }
        return null;
    }

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE + 1; // after RequestIds, before security: an oversize body is refused unread, whoever sends it
    }
}
