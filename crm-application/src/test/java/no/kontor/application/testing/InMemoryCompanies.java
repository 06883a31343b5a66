package no.kontor.application.testing;

import java.util.Comparator;
import java.util.Optional;

import no.kontor.application.company.port.Companies;
import no.kontor.application.company.CompanyCard;
import no.kontor.application.company.port.CompanyQueries;
import no.kontor.application.company.CompanySearch;
import no.kontor.application.company.CompanySummary;
import no.kontor.application.shared.Page;
import no.kontor.domain.company.Address;
import no.kontor.domain.company.Company;
import no.kontor.domain.company.CompanyId;
import no.kontor.domain.shared.ConflictException;
import no.kontor.domain.shared.OrganisationNumber;
import no.kontor.domain.shared.StaleVersionException;

/** Customer cards in memory, both the store and a simple read side (prefix search, no cursor). */
public final class InMemoryCompanies extends InMemoryStore<Company> implements Companies, CompanyQueries {

    @Override
    public Company add(Company company) {
        synchronized (rows) {
            if (company.getOrganisationNumber() != null && findByOrganisationNumber(company.getOrganisationNumber()).isPresent()) {
                throw new ConflictException("company.organisation-number-taken", "taken");
            }
            var stored = company.withId(new CompanyId(nextId()));
            rows.put(stored.getId().value(), stored);
            return stored;
        }
    }

    @Override
    public Optional<Company> find(CompanyId id) {
        synchronized (rows) {
            return Optional.ofNullable(rows.get(id.value()));
        }
    }

    @Override
    public Optional<Company> lock(CompanyId id) {
        return find(id);
    }

    @Override
    public Company update(Company c) {
        synchronized (rows) {
            var current = rows.get(c.getId().value());
            if (current == null || current.getVersion() != c.getVersion()) {
                throw new StaleVersionException("company", c.getId(), c.getVersion());
            }
            var stored = new Company(c.getId(), c.getDetails(), c.getCreatedBy(), c.getCreatedAt(), c.getChangedBy(),
                    c.getChangedAt(), c.getVersion() + 1);
            rows.put(stored.getId().value(), stored);
            return stored;
        }
    }

    @Override
    public Optional<CompanyId> findByOrganisationNumber(OrganisationNumber number) {
        synchronized (rows) {
            return rows.values().stream().filter(c -> number.equals(c.getOrganisationNumber())).map(Company::getId).findFirst();
        }
    }

    @Override
    public Optional<CompanyCard> card(CompanyId id) {
        return find(id).map(InMemoryCompanies::card);
    }

    @Override
    public java.util.Map<CompanyId, String> names(java.util.Collection<CompanyId> ids) {
        var names = new java.util.HashMap<CompanyId, String>();
        ids.forEach(id -> find(id).ifPresent(c -> names.put(id, c.getName())));
        return names;
    }

    @Override
    public Page<CompanySummary> search(CompanySearch search) {
        synchronized (rows) {
            var items = rows.values().stream()
                    .filter(c -> search.query() == null || c.getName().toLowerCase().startsWith(search.query().toLowerCase()))
                    .filter(c -> search.status() == null || c.getStatus() == search.status())
                    .sorted(Comparator.comparing(Company::getName))
                    .limit(search.limit())
                    .map(c -> new CompanySummary(c.getId().value(), c.getName(),
                            c.getOrganisationNumber() == null ? null : c.getOrganisationNumber().value(), c.getStatus(),
                            null, c.getResponsibleSellerId(), c.getVersion()))
                    .toList();
            return new Page<>(items, null);
        }
    }

    private static CompanyCard card(Company c) {
        return new CompanyCard(c.getId().value(), c.getName(),
                c.getOrganisationNumber() == null ? null : c.getOrganisationNumber().value(), c.getStatus(),
                address(c.getVisitingAddress()), address(c.getPostalAddress()),
                c.getInvoiceEmail() == null ? null : c.getInvoiceEmail().value(),
                c.getPhone() == null ? null : c.getPhone().value(),
                c.getWebsite() == null ? null : c.getWebsite().value(),
                c.getResponsibleSellerId(), null, c.getNotes(), c.getCreatedBy(), c.getCreatedAt(),
                c.getChangedBy(), c.getChangedAt(), c.getVersion());
    }

    private static CompanyCard.AddressView address(Address a) {
        return a == null ? null : new CompanyCard.AddressView(a.street(), a.postalCode() == null ? null : a.postalCode().value(), null);
    }
}
