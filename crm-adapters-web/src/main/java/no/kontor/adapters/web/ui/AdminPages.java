package no.kontor.adapters.web.ui;

import java.math.BigDecimal;
import java.util.Map;

import no.kontor.adapters.web.shared.Text;
import no.kontor.domain.identity.Actor;
import no.kontor.domain.identity.Role;
import no.kontor.domain.inventory.Placement;
import no.kontor.domain.shared.AccessDeniedException;
import no.kontor.domain.shared.DomainException;
import no.kontor.domain.shared.NotFoundException;

/**
 * What the administration pages share: the door (a manager or an admin; a seller gets the 403
 * page), the Norwegian words for roles and units, a refusal in Norwegian (a validation's own field
 * code first), a form's free text held to the JSON boundary's rules, and an amount in kroner as
 * typed.
 */
final class AdminPages {
    static final Map<String, String> ROLES = Map.of("SELLER", "Selger", "MANAGER", "Leder", "ADMIN", "Administrator");
    static final Map<String, String> UNITS = Map.of("DAY", "Dag", "WEEK", "Uke");

    private AdminPages() {
    }

    /** The administration is for managers and admins; a seller is refused (the 403 page). */
    static Actor manager(Actor actor) {
        return actor.require(Role.MANAGER);
    }

    static String role(Role role) {
        return ROLES.get(role.name());
    }

    static String unit(Placement.Unit unit) {
        return UNITS.get(unit.name());
    }

    /**
     * The Norwegian words for a refusal a form can correct: a validation's first field code, else
     * the refusal's own code, else its own words. A role that may not, or a record that is not
     * there, is not for the form: it goes on to its page.
     */
    static String explain(DomainException e) {
        if (e instanceof AccessDeniedException || e instanceof NotFoundException) {
            throw e;
        }
        return Pages.explain(e);
    }

    /**
     * Why a form's text field is refused, in Norwegian, or null when it is fine: at most {@code max}
     * characters, and only what the JSON boundary accepts ({@link Text#refusal}).
     */
    static String refusal(String label, String value, int max, boolean multiLine) {
        if (value == null) {
            return null;
        }
        if (value.length() > max) {
            return label + " er for langt (høyst " + max + " tegn).";
        }
        if (Text.firstRefused(value, multiLine) >= 0) {
            return label + " inneholder et kontrolltegn som ikke kan lagres.";
        }
        return null;
    }

    /** A form field, stripped; null when blank or missing. */
    static String field(Map<String, String> form, String name) {
        String v = form.get(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    /**
     * An amount in kroner as typed ({@code 4 500}, {@code 4500,50}, {@code 4 500,00 kr}) in øre;
     * {@code null} when it is not an amount with at most two decimals.
     */
    static Long ore(String typed) {
        if (typed == null) {
            return null;
        }
        String t = typed.replace("kr", "").replaceAll("[\\s\u00a0\u202f]", "").replace(',', '.');
        if (t.isEmpty() || t.length() > 20 || !t.matches("-?\\d+(\\.\\d{1,2})?")) {
            return null;
        }
        try {
            return new BigDecimal(t).movePointRight(2).longValueExact();
        } catch (ArithmeticException e) {
            return null;
        }
    }

    /** øre as a form shows them again: {@code 4500,00}. */
    static String kroner(long ore) {
        return BigDecimal.valueOf(ore, 2).toPlainString().replace('.', ',');
    }

    /** A value of {@code type} by its name from a form, or null when missing or not one of them. */
    static <E extends Enum<E>> E choice(Class<E> type, String code) {
        if (code == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, code);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A whole number as typed (digits only, at most 19), or null. */
    static Long number(String typed) {
        if (typed == null || typed.length() > 19 || !typed.matches("\\d+")) {
            return null;
        }
        try {
            return Long.parseLong(typed);
        } catch (NumberFormatException e) {
            return null; // 19 digits beyond a long
        }
    }

    /** The first refusal that is not null, or null when all are fine. */
    static String firstOf(String... refusals) {
        for (String r : refusals) {
            if (r != null) {
                return r;
            }
        }
        return null;
    }
}
