package no.kontor.domain.shared;

import java.util.List;

/** Input that fails validation, field by field; nothing was changed. */
public class ValidationException extends DomainException {
    private final List<FieldError> errors;

    public ValidationException(List<FieldError> errors) {
        super("validation.failed", "The input is not valid: " + errors);
        this.errors = List.copyOf(errors);
    }

    public ValidationException(String field, String code, String message) {
        this(List.of(new FieldError(field, code, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** One field's problem: the field's path as the caller named it, a stable code and a sentence. */
    public record FieldError(String field, String code, String message) {
    }
}
