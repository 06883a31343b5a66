package no.kontor.adapters.web.shared;

import io.micronaut.http.HttpRequest;

/** The address a request came from, for per-address limits. */
public final class ClientAddresses {
    private ClientAddresses() {
    }

    /**
     * The peer's address. Forwarded headers are not trusted here: anyone can send
     * them. Behind a proxy, configure the proxy to limit, or the server to resolve them.
     */
    public static String of(HttpRequest<?> request) {
        return request.getRemoteAddress().getAddress().getHostAddress();
    }
}
