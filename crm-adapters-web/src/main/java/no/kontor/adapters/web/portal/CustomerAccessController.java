package no.kontor.adapters.web.portal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.QueryValue;
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
import no.kontor.application.invoice.Giro;
import no.kontor.application.invoice.PrintCustomerCopy;
import no.kontor.application.invoice.ResetInvoicePin;
import no.kontor.application.portal.InvoiceLogins;
import no.kontor.domain.invoice.InvoiceId;

/**
 * Staff: a customer's way into My page through an issued invoice — its login (failures, lock,
 * a manager's unlock), a manager's new PIN, and the customer's copy that prints the PIN, handed
 * out once for printing (docs/decisions/pin-handling.md).
 */
@Controller("/api/v1/invoices/{id}")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Invoices")
public class CustomerAccessController {
    private final InvoiceLogins logins;
    private final ResetInvoicePin resetPin;
    private final PrintCustomerCopy print;

    public CustomerAccessController(InvoiceLogins logins, ResetInvoicePin resetPin, PrintCustomerCopy print) {
        this.logins = logins;
        this.resetPin = resetPin;
        this.print = print;
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record LoginStateResponse(long invoiceId, int failures, boolean locked, @Nullable OffsetDateTime lockedUntil) {
        static LoginStateResponse of(InvoiceLogins.State s) {
            return new LoginStateResponse(s.invoiceId(), s.failures(), s.lockedUntil() != null,
                    s.lockedUntil() == null ? null : s.lockedUntil().atOffset(ZoneOffset.UTC));
        }
    }

    @Get("/login")
    @Operation(operationId = "getInvoiceLogin", summary = "Manager: the invoice's My page login: failed logins in a row, and whether it is locked and until when")
    public LoginStateResponse state(long id, Authentication auth) {
        return LoginStateResponse.of(logins.state(Actors.of(auth), new InvoiceId(id)));
    }

    @Post("/login/unlock")
    @Operation(operationId = "unlockInvoiceLogin", summary = "Manager: forget the invoice's failed logins and lift its lock now (audited)")
    public LoginStateResponse unlock(long id, Authentication auth) {
        return LoginStateResponse.of(logins.unlock(Actors.of(auth), new InvoiceId(id)));
    }

    @Post("/pin/reset")
    @Operation(operationId = "resetInvoicePin", summary = "Manager: give the issued document a new PIN: the old one opens nothing and the My page "
            + "sessions opened with it end; the login's failures and lock are cleared; a new customer's copy is rendered (see "
            + "/customer-copy, or send the invoice). 202; audited, never with the PIN")
    public HttpResponse<Void> resetPin(long id, Authentication auth) {
        resetPin.execute(Actors.of(auth), new InvoiceId(id));
        return HttpResponse.accepted();
    }

    @Post(value = "/customer-copy{?giro}", produces = {"application/pdf", MediaType.APPLICATION_JSON})
    @Operation(operationId = "printCustomerCopy", summary = "The customer's copy with the My page PIN, to print and post: handed out once, then "
            + "removed (audited); giro=PREPRINTED for paper with a pre-printed giro form. 202 with Retry-After while it is being rendered; "
            + "409 invoice.no-customer-copy when it was delivered or expired (a manager's PIN reset makes a new one)")
    public HttpResponse<byte[]> customerCopy(long id, @Nullable @QueryValue Giro giro, Authentication auth) {
        return print.execute(Actors.of(auth), new InvoiceId(id), giro == null ? Giro.FULL : giro)
                .map(pdf -> HttpResponse.ok(pdf).contentType(new MediaType("application/pdf"))
                        .header("Content-Disposition", "attachment; filename=\"kundekopi-" + id + ".pdf\"")
                        .header("Cache-Control", "no-store"))
                .orElseGet(() -> HttpResponse.<byte[]>accepted().header("Retry-After", PortalController.RENDER_RETRY_SECONDS));
    }
}
