package no.kontor.adapters.web.portal;

import java.util.List;
import java.util.Map;

import io.micronaut.security.authentication.Authentication;
import no.kontor.adapters.web.shared.Actors;
import no.kontor.application.portal.Customer;
import no.kontor.domain.company.CompanyId;
import no.kontor.domain.shared.AccessDeniedException;

/**
 * The customer behind a My page token. A customer is a realm of its own: its authentication
 * carries the one role {@link #ROLE} (never a staff role) and the session, invoice and
 * company it may see.
 */
public final class Customers {
    public static final String ROLE = Actors.CUSTOMER_ROLE; // Actors refuses it on every staff route
    static final String SESSION = "sid";
    static final String INVOICE = "iid";
    static final String COMPANY = "cid";

    private Customers() {
    }

    static Authentication authentication(Customer c) {
        return Authentication.build("customer:session:" + c.sessionId(), List.of(ROLE),
                Map.of(SESSION, c.sessionId(), INVOICE, c.invoiceId(), COMPANY, c.companyId().value()));
    }

    public static boolean isCustomer(Authentication authentication) {
        return authentication != null && authentication.getRoles().contains(ROLE);
    }

    /** The customer, or a refusal for a staff token on a customer's route. */
    public static Customer of(Authentication authentication) {
        if (!isCustomer(authentication)) {
            throw new AccessDeniedException("this is a customer's route; staff tokens do not open My page");
        }
        var a = authentication.getAttributes();
        return new Customer(((Number) a.get(SESSION)).longValue(), ((Number) a.get(INVOICE)).longValue(),
                new CompanyId(((Number) a.get(COMPANY)).longValue()));
    }
}
