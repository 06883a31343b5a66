package no.kontor.application.company;

import java.util.Optional;

import no.kontor.application.shared.Page;
import no.kontor.domain.company.CompanyId;

/** The read side of customer cards: tuned queries that return views, not aggregates. */
public interface CompanyQueries {

    Optional<CompanyCard> card(CompanyId id);

    /** Keyset-paginated; a cursor that does not belong to this search is a {@code ValidationException}. */
    Page<CompanySummary> search(CompanySearch search);
}
