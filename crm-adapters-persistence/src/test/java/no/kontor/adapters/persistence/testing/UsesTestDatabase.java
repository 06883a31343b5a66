package no.kontor.adapters.persistence.testing;

import java.util.HashMap;
import java.util.Map;

import io.micronaut.test.support.TestPropertyProvider;

/**
 * For a {@code @MicronautTest} class: implement this interface (and annotate the class
 * with {@code @TestInstance(TestInstance.Lifecycle.PER_CLASS)}, which Micronaut needs
 * to ask a test for properties) and the application context runs on a database of its
 * own, cloned from the migrated template of {@link TestPostgres} and named after the
 * class.
 *
 * <p>A class with more properties of its own overrides {@link #getProperties()} and
 * starts from {@code UsesTestDatabase.super.getProperties()}.
 */
public interface UsesTestDatabase extends TestPropertyProvider {

    @Override
    default Map<String, String> getProperties() {
        var properties = new HashMap<String, String>();
        properties.put("datasources.default.url", TestPostgres.newDatabase(getClass().getSimpleName()));
        properties.put("datasources.default.username", TestPostgres.username());
        properties.put("datasources.default.password", TestPostgres.password());
        properties.put("datasources.default.driver-class-name", "org.postgresql.Driver");
        properties.put("datasources.default.maximum-pool-size", "4");
        properties.put("datasources.default.minimum-idle", "1");
        return properties;
    }
}
