package no.kontor.adapters.web.identity;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.token.generator.AccessRefreshTokenGenerator;
import io.micronaut.security.token.render.AccessRefreshToken;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import no.kontor.adapters.web.shared.Actors;
import no.kontor.adapters.web.shared.ClientAddresses;
import no.kontor.adapters.web.shared.Problems;
import no.kontor.application.identity.LogIn;

/** Staff log in with username and password and get a bearer token (JWT). */
@Controller("/api/v1/login")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Staff access")
public class LoginController {
    private final LogIn logIn;
    private final AccessRefreshTokenGenerator tokens;

    public LoginController(LogIn logIn, AccessRefreshTokenGenerator tokens) {
        this.logIn = logIn;
        this.tokens = tokens;
    }

    @Serdeable
    @Schema(example = "{\"username\": \"sindre\", \"password\": \"kontor-demo\"}")
    public record LoginRequest(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 200) String password) {
    }

    @Post
    @Operation(operationId = "logIn", summary = "Log in; the answer's access_token goes in 'Authorization: Bearer …'")
    public HttpResponse<?> login(@Body @Valid LoginRequest body, HttpRequest<?> request) {
        var result = logIn.execute(new LogIn.Command(body.username(), body.password().toCharArray(), ClientAddresses.of(request)));
        if (result instanceof LogIn.Result.Throttled throttled) {
            long seconds = Math.max(1, throttled.retryAfter().toSeconds());
            return Problems.respond(request, HttpStatus.TOO_MANY_REQUESTS, "auth.login-throttled",
                    "Too many failed logins; try again in " + seconds + " seconds").header("Retry-After", Long.toString(seconds));
        }
        if (!(result instanceof LogIn.Result.LoggedIn loggedIn)) {
            return Problems.respond(request, HttpStatus.UNAUTHORIZED, "auth.login-failed", "Wrong username or password");
        }
        var u = loggedIn.user();
        var authentication = Authentication.build(u.getUsername(), List.of(u.getRole().name()),
                Map.of(Actors.USER_ID, u.getId(), Actors.TOKEN_VERSION, u.getTokenVersion(), "name", u.getDisplayName()));
        AccessRefreshToken token = tokens.generate(authentication)
                .orElseThrow(() -> new IllegalStateException("no token generator is configured"));
        return HttpResponse.ok(token);
    }
}
