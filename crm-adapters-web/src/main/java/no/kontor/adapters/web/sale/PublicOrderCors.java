package no.kontor.adapters.web.sale;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.server.annotation.PreMatching;

/**
 * CORS for the public order form, and for nothing else: the newspaper's own site
 * ({@code kontor.public-orders.allowed-origins}, exact origins, none by default) may
 * post the form from a browser and read the answer. No credentials: the form needs
 * no cookie and no token.
 *
 * <p>Micronaut's own CORS support does not fit: its configuration
 * ({@code micronaut.server.cors.configurations}) applies to every path, so it would
 * open the staff API to the same origins, and {@code @CrossOrigin} takes its origins
 * from the annotation, fixed when the code is compiled. This filter matches the
 * public path only and reads the origins from configuration; Micronaut's global
 * CORS stays off.
 *
 * <p>A preflight from an allowed origin, for POST with at most the form's headers,
 * answers 200 with the allowance; any other preflight is 403 with none. A request
 * from an allowed origin gets {@code Access-Control-Allow-Origin} on its answer, a
 * refusal included, so the page can show the problem; from any other origin no CORS
 * header, and the browser keeps the answer from the page.
 *
 * <p>Micronaut's CORS filter runs on every request that has an {@code Origin}, even
 * with its configuration off, and forbids a foreign origin when the server is
 * addressed as localhost (its guard against drive-by attacks on local servers). For
 * an origin allowed here, on this path only, the header is therefore taken off the
 * request once checked (and kept as an attribute for the answer), so that guard
 * keeps holding for every other origin and path.
 */
@ServerFilter("/api/v1/public/**")
public class PublicOrderCors implements Ordered {
    static final Set<String> ALLOWED_HEADERS = Set.of("content-type", "idempotency-key");
    static final String EXPOSED_HEADERS = "Retry-After, Idempotent-Replayed";
    static final long MAX_AGE_SECONDS = 1800;
    static final String ALLOWED_ORIGIN = PublicOrderCors.class.getName() + ".origin";

    private final Set<String> origins;

    public PublicOrderCors(@Value("${kontor.public-orders.allowed-origins:}") @Nullable List<String> origins) {
        this.origins = origins == null ? Set.of() : origins.stream().map(String::strip).filter(o -> !o.isEmpty())
                .map(PublicOrderCors::normalised).collect(Collectors.toUnmodifiableSet());
    }

    private static String normalised(String origin) {
        String o = origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin;
        return o.toLowerCase(Locale.ROOT);
    }

    private boolean allowed(@Nullable String origin) {
        return origin != null && origins.contains(normalised(origin));
    }

    private static boolean isPreflight(HttpRequest<?> request) {
        return request.getMethod() == HttpMethod.OPTIONS && request.getHeaders().contains(HttpHeaders.ORIGIN)
                && request.getHeaders().contains(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD);
    }

    @PreMatching
    @RequestFilter
    @Nullable
    public HttpResponse<?> preflight(MutableHttpRequest<?> request) {
        if (!isPreflight(request)) {
            String origin = request.getHeaders().get(HttpHeaders.ORIGIN);
            if (allowed(origin)) {
                request.setAttribute(ALLOWED_ORIGIN, origin);
                request.getHeaders().remove(HttpHeaders.ORIGIN);
            }
            return null;
        }
        String origin = request.getHeaders().get(HttpHeaders.ORIGIN);
        String method = request.getHeaders().get(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD);
        String asked = request.getHeaders().get(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS);
        var headers = asked == null ? List.<String>of() : Arrays.stream(asked.split(",")).map(String::strip)
                .filter(h -> !h.isEmpty()).map(h -> h.toLowerCase(Locale.ROOT)).toList();
        var response = HttpResponse.status(HttpStatus.FORBIDDEN).header(HttpHeaders.VARY, HttpHeaders.ORIGIN);
        if (!allowed(origin) || !"POST".equals(method) || !ALLOWED_HEADERS.containsAll(headers)) {
            return response;
        }
        return HttpResponse.ok().header(HttpHeaders.VARY, HttpHeaders.ORIGIN)
                .header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin)
                .header(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, "POST")
                .header(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, "Content-Type, Idempotency-Key")
                .header(HttpHeaders.ACCESS_CONTROL_MAX_AGE, Long.toString(MAX_AGE_SECONDS));
    }

    @ResponseFilter
    public void allowTheAnswer(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (isPreflight(request)) {
            return;
        }
        String origin = request.getAttribute(ALLOWED_ORIGIN, String.class).orElse(null);
        response.getHeaders().add(HttpHeaders.VARY, HttpHeaders.ORIGIN);
        if (origin != null) {
            response.getHeaders().set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
            response.getHeaders().set(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, EXPOSED_HEADERS);
        }
    }

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE; // a preflight is answered before security or routing look at it
    }
}
