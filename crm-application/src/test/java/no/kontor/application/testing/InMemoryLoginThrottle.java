package no.kontor.application.testing;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import no.kontor.application.identity.port.LoginThrottle;

public final class InMemoryLoginThrottle implements LoginThrottle {
    private record Failure(String username, String client, Instant at, boolean cleared) {
    }

    private final List<Failure> failures = new CopyOnWriteArrayList<>();

    @Override
    public Window userFailures(String username, Instant since) {
        return window(f -> f.username().equals(username) && !f.cleared(), since);
    }

    @Override
    public Window clientFailures(String clientAddress, Instant since) {
        return window(f -> f.client().equals(clientAddress), since);
    }

    private Window window(Predicate<Failure> whose, Instant since) {
        var counted = failures.stream().filter(whose).filter(f -> f.at().isAfter(since)).toList();
        return new Window(counted.size(), counted.stream().map(Failure::at).min(Instant::compareTo).orElse(null));
    }

    @Override
    public void recordFailure(String username, String clientAddress, Instant at) {
        failures.add(new Failure(username, clientAddress, at, false));
    }

    @Override
    public void clearFailures(String username) {
        failures.replaceAll(f -> f.username().equals(username) ? new Failure(f.username(), f.client(), f.at(), true) : f);
    }
}
