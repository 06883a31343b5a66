package no.kontor.application.company.port;

import java.util.Optional;

import no.kontor.application.shared.Page;
import no.kontor.domain.company.CompanyId;
import no.kontor.application.company.CompanyCard;
import no.kontor.application.company.CompanySearch;
import no.kontor.application.company.CompanySummary;

/** The read side of customer cards: tuned queries that return views, not aggregates. */
public interface CompanyQueries {

    Optional<CompanyCard> card(CompanyId id);

    /** The names of the companies among {@code ids} that exist, by id: one read for a page that names many. */
    java.util.Map<CompanyId, String> names(java.util.Collection<CompanyId> ids);

    /** Keyset-paginated; a cursor that does not belong to this search is a {@code ValidationException}. */
    Page<CompanySummary> search(CompanySearch search);
}
