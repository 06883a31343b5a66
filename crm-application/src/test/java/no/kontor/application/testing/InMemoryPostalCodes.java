package no.kontor.application.testing;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import no.kontor.application.company.port.PostalCodeRegister;
import no.kontor.domain.shared.PostalCode;
import no.kontor.application.company.PostalPlace;

/** A tiny register: the spot-check codes of docs/norway.md#postal-codes. */
public final class InMemoryPostalCodes implements PostalCodeRegister {
    private final Map<String, PostalPlace> places = new ConcurrentHashMap<>(Map.of(
            "0150", new PostalPlace("0150", "OSLO", null, null, null),
            "1613", new PostalPlace("1613", "FREDRIKSTAD", null, null, null),
            "5003", new PostalPlace("5003", "BERGEN", null, null, null),
            "7030", new PostalPlace("7030", "TRONDHEIM", null, null, null),
            "9008", new PostalPlace("9008", "TROMSØ", null, null, null)));

    @Override
    public Optional<PostalPlace> find(PostalCode code) {
        return Optional.ofNullable(places.get(code.value()));
    }

    @Override
    public Set<PostalCode> unknown(Collection<PostalCode> codes) {
        return codes.stream().filter(c -> !places.containsKey(c.value())).collect(Collectors.toSet());
    }

    @Override
    public int replaceAll(Collection<PostalPlace> newPlaces) {
        places.clear();
        newPlaces.forEach(p -> places.put(p.code(), p));
        return newPlaces.size();
    }
}
