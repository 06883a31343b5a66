package no.kontor.adapters.web.ui;

import java.util.List;
import java.util.Set;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import no.kontor.adapters.web.shared.ClientAddresses;

/**
 * Whether a session cookie gets {@code Secure}: when the request came over TLS to this server,
 * or through a proxy the install names as trusted ({@code KONTOR_UI_TRUSTED_PROXIES}) that says
 * so with {@code X-Forwarded-Proto: https}, or always ({@code KONTOR_UI_SECURE_COOKIES=true},
 * for an install that is only ever reached over TLS). A forwarded header from anyone else is
 * ignored: a client could send it over plain HTTP (docs/decisions/web-ui.md).
 */
@Singleton
public class SecureCookies {
    private final Set<String> trustedProxies;
    private final boolean always;

    public SecureCookies(@Value("${kontor.ui.trusted-proxies:}") List<String> trustedProxies,
                         @Value("${kontor.ui.secure-cookies:false}") boolean always) {
        this.trustedProxies = Set.copyOf(trustedProxies.stream().map(String::strip).filter(s -> !s.isEmpty()).toList());
        this.always = always;
    }

    public boolean of(HttpRequest<?> request) {
        return always || request.isSecure() || trustedProxies.contains(ClientAddresses.of(request))
                && "https".equalsIgnoreCase(request.getHeaders().get("X-Forwarded-Proto"));
    }
}
