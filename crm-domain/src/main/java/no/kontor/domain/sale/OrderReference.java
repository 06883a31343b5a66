package no.kontor.domain.sale;

import java.util.Locale;
import java.util.Objects;
import java.util.random.RandomGenerator;

import no.kontor.domain.shared.ValidationException;

/**
 * What a customer is told about an order from the public form, instead of any
 * internal id: {@code K-7F3Q-9XPA}. Eight characters of Crockford's base 32 (digits
 * and letters without I, L, O and U, so nothing is misread or spelt into a word),
 * drawn at random: 40 bits, not guessable and not counting anything.
 *
 * <p>Read back, it forgives what people do when they read one out: any case, no
 * dashes or spaces, no leading {@code K}, and O, I or L for 0, 1 and 1.
 */
public record OrderReference(String value) {
    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final int LENGTH = 8;

    public OrderReference {
        Objects.requireNonNull(value, "value");
        if (!value.matches("K-[" + ALPHABET + "]{4}-[" + ALPHABET + "]{4}")) {
            throw new IllegalArgumentException("not an order reference: " + value);
        }
    }

    public static OrderReference random(RandomGenerator random) {
        var chars = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            chars[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        return of(new String(chars));
    }

    /** The reference as someone typed or read it, else a {@code ValidationException} naming {@code field}. */
    public static OrderReference parse(String text, String field) {
        String s = text == null ? "" : text.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
        if (s.length() == LENGTH + 1 && s.charAt(0) == 'K') {
            s = s.substring(1);
        }
        s = s.replace('O', '0').replace('I', '1').replace('L', '1');
        if (s.length() != LENGTH || !s.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
            throw new ValidationException(field, "order.reference-invalid",
                    "An order reference looks like K-7F3Q-9XPA (eight letters and digits after K)");
        }
        return of(s);
    }

    private static OrderReference of(String eight) {
        return new OrderReference("K-" + eight.substring(0, 4) + "-" + eight.substring(4));
    }

    @Override
    public String toString() {
        return value;
    }
}
