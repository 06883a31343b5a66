package no.kontor.adapters.web.portal;

import org.reactivestreams.Publisher;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.rules.SecurityRuleResult;
import jakarta.inject.Singleton;

/**
 * Customers and staff are realms of their own, decided before any other rule: a customer's
 * token opens only My page ({@code /api/v1/portal/…} and its pages, {@code /minside}), and a
 * staff token opens none of it (403 either way). Everything else is left to the controllers' {@code @Secured}.
 */
@Singleton
public class RealmRule implements SecurityRule<HttpRequest<?>> {
    public static final String PORTAL = "/api/v1/portal/";
    /** My page's pages (ui.CustomerPagesController), the customer realm too. */
    public static final String PAGES = "/minside";
    public static final int ORDER = -1000; // before the IP-pattern, annotation and URL-map rules

    @Override
    public Publisher<SecurityRuleResult> check(HttpRequest<?> request, Authentication authentication) {
        if (authentication == null || request == null) {
            return Publishers.just(SecurityRuleResult.UNKNOWN);
        }
        String path = request.getPath();
        boolean portal = path.startsWith(PORTAL) || path.equals(PAGES) || path.startsWith(PAGES + "/");
        boolean customer = Customers.isCustomer(authentication);
        return Publishers.just(portal == customer ? SecurityRuleResult.UNKNOWN : SecurityRuleResult.REJECTED);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
