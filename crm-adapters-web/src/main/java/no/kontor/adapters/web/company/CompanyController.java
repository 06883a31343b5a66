package no.kontor.adapters.web.company;

import java.net.URI;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import no.kontor.adapters.web.shared.EntityId;
import no.kontor.adapters.web.shared.Actors;
import no.kontor.adapters.web.shared.PageResponse;
import no.kontor.adapters.web.shared.Versions;
import no.kontor.application.company.ChangeCompany;
import no.kontor.application.company.CompanySearch;
import no.kontor.application.company.RegisterCompany;
import no.kontor.application.company.SearchCompanies;
import no.kontor.application.company.ViewCompany;
import no.kontor.domain.company.CompanyId;
import no.kontor.domain.company.CompanyStatus;

@Controller("/api/v1/companies")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Companies")
public class CompanyController {
    private final RegisterCompany registerCompany;
    private final ChangeCompany changeCompany;
    private final ViewCompany viewCompany;
    private final SearchCompanies searchCompanies;
    private final CompanyWebMapper mapper;

    public CompanyController(RegisterCompany registerCompany, ChangeCompany changeCompany, ViewCompany viewCompany,
                             SearchCompanies searchCompanies, CompanyWebMapper mapper) {
        this.registerCompany = registerCompany;
        this.changeCompany = changeCompany;
        this.viewCompany = viewCompany;
        this.searchCompanies = searchCompanies;
        this.mapper = mapper;
    }

    @Post
    @Operation(operationId = "registerCompany", summary = "Register a customer card")
    public HttpResponse<CompanyResponse> register(@Body @Valid CompanyRequest body, Authentication auth) {
        var actor = Actors.of(auth);
        var company = registerCompany.execute(actor, mapper.toInput(body));
        var card = viewCompany.execute(actor, company.getId());
        return Versions.tagged(HttpResponse.created(mapper.toResponse(card), URI.create("/api/v1/companies/" + card.id())),
                card.version());
    }

    @Get("/{id}")
    @Operation(operationId = "getCompany", summary = "Read a customer card; its ETag is the version to send as If-Match")
    public HttpResponse<CompanyResponse> get(long id, Authentication auth) {
        var card = viewCompany.execute(Actors.of(auth), new CompanyId(id));
        return Versions.tagged(HttpResponse.ok(mapper.toResponse(card)), card.version());
    }

    @Put("/{id}")
    @Operation(operationId = "changeCompany", summary = "Replace a customer card's fields; needs If-Match with the ETag you read")
    public HttpResponse<CompanyResponse> change(long id, HttpRequest<?> request, @Body @Valid CompanyRequest body,
                                                Authentication auth) {
        long expected = Versions.expected(request);
        var actor = Actors.of(auth);
        changeCompany.execute(actor, new CompanyId(id), expected, mapper.toInput(body));
        var card = viewCompany.execute(actor, new CompanyId(id));
        return Versions.tagged(HttpResponse.ok(mapper.toResponse(card)), card.version());
    }

    @Get
    @Operation(operationId = "searchCompanies", summary = "Search customer cards: by name prefix (default), fuzzy, org number, contact name or postal place")
    public PageResponse<CompanySummaryResponse> search(@QueryValue @Nullable String q,
                                                       @QueryValue @Nullable CompanySearch.Mode mode,
                                                       @QueryValue @Nullable CompanyStatus status,
                                                       @QueryValue @Nullable @EntityId Long seller,
                                                       @QueryValue(defaultValue = "50") int limit,
                                                       @QueryValue @Nullable String cursor,
                                                       Authentication auth) {
        var page = searchCompanies.execute(Actors.of(auth), new CompanySearch(q, mode, status, seller, limit, cursor));
        return new PageResponse<>(page.items().stream().map(mapper::toResponse).toList(), page.nextCursor());
    }
}
