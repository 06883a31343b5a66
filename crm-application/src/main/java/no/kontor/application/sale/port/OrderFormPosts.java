package no.kontor.application.sale.port;

import java.time.Instant;

import no.kontor.application.identity.port.LoginThrottle;

/** Posts to the public order form per client address, counted where every node sees them. */
public interface OrderFormPosts {

    /** Counts a post, forgetting this address's posts older than {@code forgetBefore}. */
    void record(String clientAddress, Instant at, Instant forgetBefore);

    LoginThrottle.Window since(String clientAddress, Instant since);
}
