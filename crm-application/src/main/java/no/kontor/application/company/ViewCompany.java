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

    /** The names of many companies in one read (at most 1,000 ids); an id with no company is left out. */
    public java.util.Map<CompanyId, String> names(Actor actor, java.util.Collection<CompanyId> ids) {
        actor.require(Role.SELLER);
        if (ids.size() > 1000) {
            throw new IllegalArgumentException("at most 1,000 names at a time, not " + ids.size());
        }
        return ids.isEmpty() ? java.util.Map.of() : queries.names(ids);
    }
}
