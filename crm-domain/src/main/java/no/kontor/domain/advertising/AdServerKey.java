package no.kontor.domain.advertising;

import java.util.Objects;

/**
 * Which ad-server object a statistics row is for: a banner (an ad) or a zone (a place on a
 * page), with the ad server's id for it. Revive Adserver's ids are positive whole numbers, so
 * an id is 1–{@value #MAX_ID} digits with no leading zero.
 */
public record AdServerKey(Kind kind, String id) {
    public static final int MAX_ID = 18;

    /** A banner or a zone. */
    public enum Kind {
        BANNER, ZONE
    }

    public AdServerKey {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        if (!isId(id)) {
            throw new IllegalArgumentException("an ad server id is 1–" + MAX_ID + " digits, not starting with 0");
        }
    }

    public static AdServerKey banner(String id) {
        return new AdServerKey(Kind.BANNER, id);
    }

    public static AdServerKey zone(String id) {
        return new AdServerKey(Kind.ZONE, id);
    }

    public static boolean isId(String id) {
        return !id.isEmpty() && id.length() <= MAX_ID && id.charAt(0) != '0' && id.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase() + " " + id;
    }
}
