package no.kontor.adapters.web.identity;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import no.kontor.adapters.web.shared.Actors;
import no.kontor.application.identity.LogOut;

/** Staff log out: every bearer token of the caller ends, on every device. */
@Controller("/api/v1/logout")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Staff access")
public class LogoutController {
    private final LogOut logOut;

    public LogoutController(LogOut logOut) {
        this.logOut = logOut;
    }

    @Post
    @Operation(operationId = "logOut", summary = "Log out: every token of the caller ends (204); log in again for a new one")
    public HttpResponse<Void> logout(Authentication auth) {
        logOut.execute(Actors.of(auth));
        return HttpResponse.noContent();
    }
}
