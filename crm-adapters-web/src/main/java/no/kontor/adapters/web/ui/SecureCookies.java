package no.kontor.adapters.web.ui;

import java.util.List;
import java.util.Set;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

/**
 * Whether a session cookie gets {@code Secure}: when the request came over TLS to this server,
 * or through a proxy the install names as trusted ({@code KONTOR_UI_TRUSTED_PROXIES}) that says
 * so with {@code X-Forwarded-Proto: https}, or always ({@code KONTOR_UI_SECURE_COOKIES=true},
 * for an install that is only ever reached over TLS). A forwarded header from anyone else is
 * ignored: a client could send it over plain HTTP (docs/decisions/web-ui.md).
 */
@Singleton
public class SecureCookies {
    private final Set<java.net.InetAddress> trustedProxies;
    private final boolean always;

    public SecureCookies(@Value("${kontor.ui.trusted-proxies:}") List<String> trustedProxies,
                         @Value("${kontor.ui.secure-cookies:false}") boolean always) {
        // addresses, compared as addresses: "::1" is the peer that Java writes "0:0:0:0:0:0:0:1"
        this.trustedProxies = Set.copyOf(trustedProxies.stream().map(String::strip).filter(s -> !s.isEmpty()).map(SecureCookies::address)
                .toList());
        this.always = always;
    }

    public boolean of(HttpRequest<?> request) {
        return always || overTls(request);
    }

    /** Whether the browser reached us over TLS: directly, or through a trusted proxy that says so. */
    public boolean overTls(HttpRequest<?> request) {
        return request.isSecure() || trustedProxies.contains(request.getRemoteAddress().getAddress())
                && "https".equalsIgnoreCase(request.getHeaders().get("X-Forwarded-Proto"));
    }

    private static java.net.InetAddress address(String literal) {
        if (!literal.matches("[0-9a-fA-F:.]+")) { // an address, never a name to look up
            throw new IllegalArgumentException("KONTOR_UI_TRUSTED_PROXIES: «" + literal + "» is not an IP address");
        }
        try {
            return java.net.InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException("KONTOR_UI_TRUSTED_PROXIES: «" + literal + "» is not an IP address", e);
        }
    }
}
