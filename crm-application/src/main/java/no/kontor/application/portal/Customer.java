package no.kontor.application.portal;

import no.kontor.domain.company.CompanyId;
import no.kontor.domain.identity.Actor;

/** A customer logged in to My page: the session, the invoice whose PIN opened it, and the one company it may see. */
public record Customer(long sessionId, long invoiceId, CompanyId companyId) {

    public Actor actor() {
        return Actor.customer(sessionId);
    }
}
