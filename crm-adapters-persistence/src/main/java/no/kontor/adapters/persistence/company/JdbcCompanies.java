package no.kontor.adapters.persistence.company;

import java.util.Optional;

import jakarta.inject.Singleton;
import no.kontor.adapters.persistence.shared.VersionedUpdate;
import no.kontor.adapters.persistence.shared.SqlStates;
import no.kontor.application.company.port.Companies;
import no.kontor.domain.company.Company;
import no.kontor.domain.company.CompanyId;
import no.kontor.domain.shared.ConflictException;
import no.kontor.domain.shared.OrganisationNumber;

@Singleton
public class JdbcCompanies implements Companies {
    private final CompanyRepository repository;
    private final CompanyEntityMapper mapper;

    public JdbcCompanies(CompanyRepository repository, CompanyEntityMapper mapper) {
        this.repository = repository;
        this.mapper = mapper;
    }

    @Override
    public Company add(Company company) {
        try {
            return mapper.toDomain(repository.save(mapper.toEntity(company)));
        } catch (RuntimeException e) {
            throw translate(e, company);
        }
    }

    @Override
    public Optional<Company> find(CompanyId id) {
        return repository.findById(id.value()).map(mapper::toDomain);
    }

    @Override
    public Optional<Company> lock(CompanyId id) {
        return repository.findByIdForUpdate(id.value()).map(mapper::toDomain);
    }

    @Override
    public Company update(Company company) {
        try {
            return VersionedUpdate.run("company", company.getId(), company.getVersion(),
                    () -> mapper.toDomain(repository.update(mapper.toEntity(company))));
        } catch (RuntimeException e) {
            throw translate(e, company);
        }
    }

    @Override
    public Optional<CompanyId> findByOrganisationNumber(OrganisationNumber number) {
        return repository.findIdByOrganisationNumber(number.value()).map(CompanyId::new);
    }

    /** The unique index holds the org-number promise when two sellers race past the check. */
    private static RuntimeException translate(RuntimeException e, Company company) {
        if (SqlStates.is(e, SqlStates.UNIQUE_VIOLATION, "company_organisation_number")) {
            return new ConflictException("company.organisation-number-taken",
                    "The organisation number " + company.getOrganisationNumber().value() + " already belongs to another company");
        }
        return e;
    }
}
