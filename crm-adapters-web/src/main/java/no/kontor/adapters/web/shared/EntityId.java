package no.kontor.adapters.web.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * A query parameter or body field that names a record by its id: a positive whole
 * number, or the request is a 400 naming the field (code {@value #CODE}). A path's
 * ids need no mark: {@link InputBoundary} answers every impossible one 404.
 * Checked by {@link EntityIdValidator}; a test holds every id field to it.
 */
@Documented
@Constraint(validatedBy = {})
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
public @interface EntityId {
    String CODE = "id.invalid";

    String message() default "is not an id (a positive whole number)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
