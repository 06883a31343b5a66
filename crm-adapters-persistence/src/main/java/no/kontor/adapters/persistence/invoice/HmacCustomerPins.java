package no.kontor.adapters.persistence.invoice;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import no.kontor.adapters.persistence.shared.Crypto;
import no.kontor.application.invoice.port.CustomerPins;

/** Customers' PINs hashed with HMAC-SHA256 under {@code kontor.invoicing.pin-key}, which the database never holds. */
@Singleton
public class HmacCustomerPins implements CustomerPins {
    private final byte[] key;
    private final SecureRandom random = new SecureRandom();

    public HmacCustomerPins(@Value("${kontor.invoicing.pin-key}") String pinKey) {
        this.key = Crypto.secret(pinKey, JdbcInvoiceJobs.PIN_KEY);
    }

    @Override
    public String newPin() {
        return String.format("%06d", random.nextInt(1_000_000));
    }

    @Override
    public byte[] hash(long invoiceNumber, String pin) {
        return Crypto.hmacSha256(key, (invoiceNumber + "|" + pin).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean matches(long invoiceNumber, String pin, byte[] stored) {
        return MessageDigest.isEqual(hash(invoiceNumber, pin == null ? "" : pin), stored);
    }
}
