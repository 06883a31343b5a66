package no.kontor.adapters.web.portal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import no.kontor.adapters.web.shared.Actors;
import no.kontor.application.portal.InvoiceLogins;
import no.kontor.domain.invoice.InvoiceId;

/** Staff: an invoice's My page login, and a manager unlocking it before its lock runs out. */
@Controller("/api/v1/invoices/{id}/login")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Invoices")
public class InvoiceLoginController {
    private final InvoiceLogins logins;

    public InvoiceLoginController(InvoiceLogins logins) {
        this.logins = logins;
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record LoginStateResponse(long invoiceId, int failures, boolean locked, @Nullable OffsetDateTime lockedUntil) {
        static LoginStateResponse of(InvoiceLogins.State s) {
            return new LoginStateResponse(s.invoiceId(), s.failures(), s.lockedUntil() != null,
                    s.lockedUntil() == null ? null : s.lockedUntil().atOffset(ZoneOffset.UTC));
        }
    }

    @Get
    @Operation(operationId = "getInvoiceLogin", summary = "Manager: the invoice's My page login: failed logins in a row, and whether it is locked and until when")
    public LoginStateResponse state(long id, Authentication auth) {
        return LoginStateResponse.of(logins.state(Actors.of(auth), new InvoiceId(id)));
    }

    @Post("/unlock")
    @Operation(operationId = "unlockInvoiceLogin", summary = "Manager: forget the invoice's failed logins and lift its lock now (audited)")
    public LoginStateResponse unlock(long id, Authentication auth) {
        return LoginStateResponse.of(logins.unlock(Actors.of(auth), new InvoiceId(id)));
    }
}
