package no.kontor.domain.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Collects every field error of one input before refusing it, so a caller
 * learns all that is wrong at once instead of one field per round trip.
 *
 * <pre>
 * var v = new Validator();
 * var org = v.field("organisationNumber", () -&gt; OrganisationNumber.ofNullable(raw));
 * v.throwIfInvalid();
 * </pre>
 */
public final class Validator {
    private final List<ValidationException.FieldError> errors = new ArrayList<>();

    /** Builds a value, recording a refusal under {@code field} and returning null instead. */
    public <T> T field(String field, Supplier<T> build) {
        try {
            return build.get();
        } catch (ValidationException e) {
            e.errors().forEach(err -> errors.add(new ValidationException.FieldError(
                    join(field, err.field()),
                    err.code(), err.message())));
        } catch (InvalidValueException e) {
            errors.add(new ValidationException.FieldError(field, e.code(), e.getMessage()));
        }
        return null;
    }

    private static String join(String outer, String inner) {
        if (inner == null || inner.isEmpty()) {
            return outer;
        }
        return outer.isEmpty() ? inner : outer + "." + inner;
    }

    public Validator require(boolean condition, String field, String code, String message) {
        if (!condition) {
            errors.add(new ValidationException.FieldError(field, code, message));
        }
        return this;
    }

    public boolean isValid() {
        return errors.isEmpty();
    }

    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
