package no.kontor.adapters.web.reporting;

import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import no.kontor.adapters.web.shared.ClientAddresses;
import no.kontor.application.reporting.ReadSharedDashboard;

/**
 * A published dashboard without a staff login, as JSON or as a page for a frame: only that
 * dashboard's figures; 404 for a link unknown, revoked or expired; rate-limited per client
 * address; framed only by the configured origins; never cached and never sending its URL
 * (which holds the token) on as a referrer.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "KPIs")
public class SharedDashboardController {
    private final ReadSharedDashboard read;
    private final LinkRateLimit limit;
    private final String frameAncestors;

    public SharedDashboardController(ReadSharedDashboard read, LinkRateLimit limit,
                                     @Value("${kontor.dashboards.frame-origins:}") List<String> frameOrigins) {
        this.read = read;
        this.limit = limit;
        var origins = frameOrigins.stream().map(String::strip).filter(o -> !o.isEmpty()).collect(Collectors.joining(" "));
        this.frameAncestors = origins.isEmpty() ? "'none'" : origins;
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record SharedResponse(String name, List<FigureResponse> figures) {
    }

    @Get("/api/v1/dashboards/shared/{token}")
    @Operation(operationId = "readSharedDashboard", summary = "A published dashboard's figures, without a login: 404 when the link is "
            + "unknown, revoked or expired; 429 past the reads a client address may make per minute")
    public HttpResponse<SharedResponse> json(String token, HttpRequest<?> request) {
        var shared = shared(token, request);
        return headers(HttpResponse.ok(new SharedResponse(shared.name(), figures(shared))), "default-src 'none'; frame-ancestors 'none'");
    }

    @Get(value = "/dashboards/shared/{token}", produces = MediaType.TEXT_HTML)
    @Operation(operationId = "showSharedDashboard", summary = "A published dashboard as a plain HTML page another tool may show in a "
            + "frame (from the configured origins only)")
    public HttpResponse<String> page(String token, HttpRequest<?> request) {
        var shared = shared(token, request);
        return headers(HttpResponse.ok(SharedDashboardPage.render(shared.name(), figures(shared))).contentType(MediaType.TEXT_HTML_TYPE
                + ";charset=utf-8"), "default-src 'none'; frame-ancestors " + frameAncestors);
    }

    private ReadSharedDashboard.Shared shared(String token, HttpRequest<?> request) {
        if (!limit.allow(ClientAddresses.of(request))) {
            throw new TooManyReads(limit.retryAfterSeconds());
        }
        return read.execute(token);
    }

    private static List<FigureResponse> figures(ReadSharedDashboard.Shared shared) {
        return shared.figures().stream().map(FigureResponse::of).toList();
    }

    private static <T> MutableHttpResponse<T> headers(MutableHttpResponse<T> response, String policy) {
        return response.header("Content-Security-Policy", policy).header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer").header("X-Content-Type-Options", "nosniff");
    }

    /** Past the reads an address may make this minute: 429 with Retry-After (TooManyReadsHandler). */
    static final class TooManyReads extends RuntimeException {
        final long retryAfter;

        TooManyReads(long retryAfter) {
            super("Too many reads of published dashboards from this address; try again in " + retryAfter + " seconds");
            this.retryAfter = retryAfter;
        }
    }

    /** 429 with Retry-After, as every limit answers (the login's, the order form's). */
    @io.micronaut.http.annotation.Produces(no.kontor.adapters.web.shared.ProblemDetails.MEDIA_TYPE)
    @jakarta.inject.Singleton
    static class TooManyReadsHandler implements io.micronaut.http.server.exceptions.ExceptionHandler<TooManyReads,
            HttpResponse<no.kontor.adapters.web.shared.ProblemDetails>> {

        @Override
        public HttpResponse<no.kontor.adapters.web.shared.ProblemDetails> handle(HttpRequest request, TooManyReads e) {
            return no.kontor.adapters.web.shared.Problems.respond(request, HttpStatus.TOO_MANY_REQUESTS, "dashboard.link-rate-limited",
                    e.getMessage()).header("Retry-After", Long.toString(Math.max(1, e.retryAfter)));
        }
    }
}
