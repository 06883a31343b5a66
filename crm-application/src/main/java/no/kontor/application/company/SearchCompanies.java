package no.kontor.application.company;

import no.kontor.application.shared.Page;
import no.kontor.domain.identity.Actor;
import no.kontor.domain.identity.Role;
import no.kontor.application.company.port.CompanyQueries;

/** Any staff user searches the customer cards. */
public final class SearchCompanies {
    private final CompanyQueries queries;

    public SearchCompanies(CompanyQueries queries) {
        this.queries = queries;
    }

    public Page<CompanySummary> execute(Actor actor, CompanySearch search) {
        actor.require(Role.SELLER);
        return queries.search(search);
    }
}
