package no.kontor.adapters.web.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.beans.BeanIntrospection;
import io.micronaut.core.beans.BeanIntrospector;
import io.micronaut.core.type.Argument;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;

/**
 * Every id a client can send in a query or a body is an {@link EntityId}, so a new
 * field cannot forget the check (0 or -1 would reach a value object and be refused
 * without the field's name).
 */
@MicronautTest
class EntityIdCoverageTest {
    @Inject
    ApplicationContext context;

    @Test
    void everyNumericQueryParameterIsAnEntityId() {
        var unmarked = new ArrayList<String>();
        int seen = 0;
        for (var definition : context.getBeanDefinitions(Qualifiers.byStereotype(Controller.class))) {
            for (var method : definition.getExecutableMethods()) {
                for (Argument<?> argument : method.getArguments()) {
                    if (argument.getAnnotationMetadata().hasAnnotation(QueryValue.class) && isLong(argument.getType())) {
                        seen++;
                        if (!argument.getAnnotationMetadata().hasAnnotation(EntityId.class)) {
                            unmarked.add(definition.getBeanType().getSimpleName() + "." + method.getMethodName() + "(" + argument.getName() + ")");
                        }
                    }
                }
            }
        }
        assertThat(seen).as("the scan found the query ids").isGreaterThanOrEqualTo(8);
        assertThat(unmarked).as("query ids without @EntityId").isEmpty();
    }

    @Test
    void everyIdInARequestBodyIsAnEntityId() {
        var unmarked = new ArrayList<String>();
        int seen = 0;
        Collection<BeanIntrospection<Object>> introspections = BeanIntrospector.SHARED.findIntrospections(
                ref -> ref.getBeanType().getName().startsWith("no.kontor.adapters.web.")
                        && ref.getBeanType().getSimpleName().matches(".*(Request|Body)"));
        for (var introspection : introspections) {
            for (var argument : introspection.getConstructorArguments()) {
                if (!argument.getName().matches("id|.*Ids?")) {
                    continue;
                }
                seen++;
                boolean marked = isLong(argument.getType())
                        ? argument.getAnnotationMetadata().hasAnnotation(EntityId.class)
                        : List.of(argument.getTypeParameters()).stream()
                                .allMatch(item -> item.getAnnotationMetadata().hasAnnotation(EntityId.class));
                if (!marked) {
                    unmarked.add(introspection.getBeanType().getSimpleName() + "." + argument.getName());
                }
            }
        }
        assertThat(seen).as("the scan found the body ids").isGreaterThanOrEqualTo(10);
        assertThat(unmarked).as("body ids without @EntityId").isEmpty();
    }

    private static boolean isLong(Class<?> type) {
        return type == Long.class || type == long.class;
    }
}
