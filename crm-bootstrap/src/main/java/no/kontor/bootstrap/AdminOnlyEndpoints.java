package no.kontor.bootstrap;

import org.reactivestreams.Publisher;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.inject.ExecutableMethod;
import io.micronaut.management.endpoint.EndpointSensitivityProcessor;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRuleResult;
import io.micronaut.security.rules.SensitiveEndpointRule;
import jakarta.inject.Singleton;
import no.kontor.domain.identity.Role;

/**
 * A sensitive management endpoint (of those on: {@code /prometheus}) is for an admin's token only:
 * anyone else who is logged in is {@code 403}, no one logged in {@code 401}
 * (docs/decisions/metrics.md). Micronaut Security refuses every sensitive endpoint until this
 * decision is made here.
 */
@Singleton
@Replaces(SensitiveEndpointRule.class)
public class AdminOnlyEndpoints extends SensitiveEndpointRule {
    public AdminOnlyEndpoints(EndpointSensitivityProcessor endpointSensitivityProcessor) {
        super(endpointSensitivityProcessor);
    }

    @Override
    protected Publisher<SecurityRuleResult> checkSensitiveAuthenticated(HttpRequest<?> request, Authentication authentication,
                                                                        ExecutableMethod<?, ?> method) {
        return Publishers.just(authentication.getRoles().contains(Role.ADMIN.name()) ? SecurityRuleResult.ALLOWED : SecurityRuleResult.REJECTED);
    }
}
