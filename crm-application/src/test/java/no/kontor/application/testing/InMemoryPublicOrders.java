package no.kontor.application.testing;

import java.time.Instant;
import java.util.Optional;

import no.kontor.application.sale.port.OrderFormPosts;
import no.kontor.application.sale.port.PublicOrders;
import no.kontor.application.identity.port.LoginThrottle;
import no.kontor.domain.sale.OrderReference;
import no.kontor.domain.sale.SaleId;

/** Order references by sale, unique like the table's constraint. */
public final class InMemoryPublicOrders extends InMemoryStore<OrderReference> implements PublicOrders {

    @Override
    public boolean add(SaleId saleId, OrderReference reference, Instant at) {
        synchronized (rows) {
            if (rows.containsValue(reference)) {
                return false;
            }
            rows.put(saleId.value(), reference);
            return true;
        }
    }

    @Override
    public Optional<OrderReference> referenceOf(SaleId saleId) {
        synchronized (rows) {
            return Optional.ofNullable(rows.get(saleId.value()));
        }
    }

    /** Posts to the form, counted in memory. */
    /** Posts per client address, as the JDBC adapter counts them; an address's posts older than {@code forgetBefore} are forgotten when it posts again. */
    public static final class Posts extends InMemoryStore<Posts.Post> implements OrderFormPosts {
        record Post(String clientAddress, Instant at) {
        }

        @Override
        public void record(String clientAddress, Instant at, Instant forgetBefore) {
            synchronized (rows) {
                rows.values().removeIf(p -> p.clientAddress().equals(clientAddress) && p.at().isBefore(forgetBefore));
                rows.put(nextId(), new Post(clientAddress, at));
            }
        }

        @Override
        public LoginThrottle.Window since(String clientAddress, Instant since) {
            synchronized (rows) {
                var recent = rows.values().stream().filter(p -> p.clientAddress().equals(clientAddress) && !p.at().isBefore(since))
                        .map(Post::at).toList();
                return new LoginThrottle.Window(recent.size(), recent.stream().min(Instant::compareTo).orElse(null));
            }
        }
    }
}
