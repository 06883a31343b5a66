package no.kontor.adapters.web.invoice;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import no.kontor.adapters.web.shared.Actors;
import no.kontor.application.invoice.ReadInvoices;
import no.kontor.domain.company.CompanyId;

/** A company's account with the organisation, for its card: owed, overdue, and owed back. */
@Controller("/api/v1/companies")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Invoices")
public class CompanyBalanceController {
    private final ReadInvoices read;

    public CompanyBalanceController(ReadInvoices read) {
        this.read = read;
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record BalanceResponse(long companyId, long due, long overdue, long creditBalance) {
    }

    @Get("/{id}/balance")
    @Operation(operationId = "getCompanyBalance", summary = "What the company owes on issued invoices, what of it is overdue today, and its credit balance "
            + "(money paid or credited beyond its invoices, to pay back); øre")
    public BalanceResponse balance(long id, Authentication auth) {
        var b = read.balance(Actors.of(auth), new CompanyId(id));
        return new BalanceResponse(id, b.due(), b.overdue(), b.owedBack());
    }
}
