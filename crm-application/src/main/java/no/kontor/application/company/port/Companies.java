package no.kontor.application.company.port;

import java.util.Optional;

import no.kontor.domain.company.Company;
import no.kontor.domain.company.CompanyId;
import no.kontor.domain.shared.OrganisationNumber;

/** The store of customer cards. */
public interface Companies {

    /** Stores a new card and returns it with its id. A taken org number: {@code ConflictException}. */
    Company add(Company company);

    Optional<Company> find(CompanyId id);

    /** The card locked for the rest of the transaction. */
    Optional<Company> lock(CompanyId id);

    /**
     * Writes a changed card if it is still at the version it was read at, and returns
     * it at its new version; otherwise {@code StaleVersionException}, nothing written.
     */
    Company update(Company company);

    Optional<CompanyId> findByOrganisationNumber(OrganisationNumber number);
}
