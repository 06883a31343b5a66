package no.kontor.application.company;

import java.time.Clock;
import java.util.Map;

import no.kontor.application.audit.AuditEvent;
import no.kontor.application.audit.port.AuditTrail;
import no.kontor.application.identity.port.StaffUsers;
import no.kontor.application.shared.port.Transactions;
import no.kontor.domain.company.Company;
import no.kontor.domain.identity.Actor;
import no.kontor.domain.identity.Role;
import no.kontor.domain.shared.ConflictException;
import no.kontor.application.company.port.Companies;
import no.kontor.application.company.port.PostalCodeRegister;

/** A seller registers a new customer card. */
public final class RegisterCompany {
    private final Companies companies;
    private final CompanyReferences references;
    private final AuditTrail audit;
    private final Transactions tx;
    private final Clock clock;

    public RegisterCompany(Companies companies, PostalCodeRegister postalCodes, StaffUsers staff,
                           AuditTrail audit, Transactions tx, Clock clock) {
        this.companies = companies;
        this.references = new CompanyReferences(postalCodes, staff);
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    public Company execute(Actor actor, CompanyInput input) {
        actor.require(Role.SELLER);
        var details = input.toDetails();
        return tx.inTransaction(() -> {
            references.check(details);
            if (details.organisationNumber() != null) {
                companies.findByOrganisationNumber(details.organisationNumber()).ifPresent(existing -> {
                    throw organisationNumberTaken(details.organisationNumber().value(), existing.value());
                });
            }
            var stored = companies.add(Company.register(details, actor.auditName(), clock.instant()));
            audit.record(AuditEvent.created(actor, clock.instant(), "company", stored.getId(), stored.auditFields()));
            return stored;
        });
    }

    static ConflictException organisationNumberTaken(String number, Object existingId) {
        return new ConflictException("company.organisation-number-taken",
                "The organisation number " + number + " already belongs to company " + existingId,
                Map.of("companyId", existingId));
    }
}
