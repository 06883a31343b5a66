package no.kontor.adapters.web.shared;

import io.micronaut.core.annotation.AnnotationValue;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.validation.validator.constraints.ConstraintValidator;
import io.micronaut.validation.validator.constraints.ConstraintValidatorContext;
import jakarta.inject.Singleton;

/** {@link EntityId}: absent (another constraint says whether it may be), or positive. */
@Singleton
public class EntityIdValidator implements ConstraintValidator<EntityId, Long> {

    @Override
    public boolean isValid(@Nullable Long value, AnnotationValue<EntityId> annotation, ConstraintValidatorContext context) {
        return value == null || value > 0;
    }
}
