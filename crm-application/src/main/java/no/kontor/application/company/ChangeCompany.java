package no.kontor.application.company;

import java.time.Clock;

import no.kontor.application.audit.AuditEvent;
import no.kontor.application.audit.port.AuditTrail;
import no.kontor.application.identity.port.StaffUsers;
import no.kontor.application.shared.port.Transactions;
import no.kontor.domain.company.Company;
import no.kontor.domain.company.CompanyId;
import no.kontor.domain.identity.Actor;
import no.kontor.domain.identity.Role;
import no.kontor.domain.shared.NotFoundException;
import no.kontor.domain.shared.StaleVersionException;
import no.kontor.application.company.port.Companies;
import no.kontor.application.company.port.PostalCodeRegister;

/**
 * A seller changes a customer card they have read at {@code expectedVersion}. If
 * someone changed it since, nothing is written and the caller learns so.
 */
public final class ChangeCompany {
    private final Companies companies;
    private final CompanyReferences references;
    private final AuditTrail audit;
    private final Transactions tx;
    private final Clock clock;

    public ChangeCompany(Companies companies, PostalCodeRegister postalCodes, StaffUsers staff,
                         AuditTrail audit, Transactions tx, Clock clock) {
        this.companies = companies;
        this.references = new CompanyReferences(postalCodes, staff);
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    public Company execute(Actor actor, CompanyId id, long expectedVersion, CompanyInput input) {
        actor.require(Role.SELLER);
        var details = input.toDetails();
        return tx.inTransaction(() -> {
            Company current = companies.find(id).orElseThrow(() -> new NotFoundException("company", id));
            if (current.getVersion() != expectedVersion) {
                throw new StaleVersionException("company", id, expectedVersion);
            }
            if (current.getDetails().equals(details)) {
                return current; // nothing changed: nothing to write, nothing to audit
            }
            references.check(details);
            if (details.organisationNumber() != null) {
                companies.findByOrganisationNumber(details.organisationNumber())
                        .filter(other -> !other.equals(id))
                        .ifPresent(other -> {
                            throw RegisterCompany.organisationNumberTaken(details.organisationNumber().value(), other.value());
                        });
            }
            var changed = companies.update(current.changeTo(details, actor.auditName(), clock.instant()));
            audit.record(AuditEvent.changed(actor, clock.instant(), "company", id, current.auditFields(), changed.auditFields()));
            return changed;
        });
    }
}
