package no.kontor.application.company;

import no.kontor.domain.company.CompanyId;
import no.kontor.domain.identity.Actor;
import no.kontor.domain.identity.Role;
import no.kontor.domain.shared.NotFoundException;
import no.kontor.application.company.port.CompanyQueries;

/** Any staff user reads a customer card. */
public final class ViewCompany {
    private final CompanyQueries queries;

    public ViewCompany(CompanyQueries queries) {
        this.queries = queries;
    }

    public CompanyCard execute(Actor actor, CompanyId id) {
        actor.require(Role.SELLER);
        return queries.card(id).orElseThrow(() -> new NotFoundException("company", id));
    }
}
