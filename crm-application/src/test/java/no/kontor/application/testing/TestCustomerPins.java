package no.kontor.application.testing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.atomic.AtomicInteger;

import no.kontor.application.invoice.port.CustomerPins;

/** PINs for tests without the adapter's key: counted, not random, and hashed with plain SHA-256. */
public final class TestCustomerPins implements CustomerPins {
    private final AtomicInteger next = new AtomicInteger(100000);

    @Override
    public String newPin() {
        return Integer.toString(next.getAndIncrement());
    }

    @Override
    public byte[] hash(long invoiceNumber, String pin) {
        try {
            return MessageDigest.getInstance("SHA-256").digest((invoiceNumber + "|" + pin).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @Override
    public boolean matches(long invoiceNumber, String pin, byte[] stored) {
        return MessageDigest.isEqual(hash(invoiceNumber, pin), stored);
    }
}
