package no.kontor.bootstrap.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.List;

import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;

/**
 * Kontor's architecture as rules, each for a root package so that the same rule
 * runs on the product ({@code no.kontor}) and on a fixture that breaks it. Layers
 * under the root: {@code domain}, {@code application}, {@code adapters.<name>},
 * {@code bootstrap}.
 */
public final class HexagonRules {
    private HexagonRules() {
    }

    /** The domain imports the JDK and nothing else — not even java.sql or javax. */
    public static ArchRule domainDependsOnTheJdkOnly(String root) {
        return classes().that().resideInAPackage(root + ".domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", root + ".domain..")
                .andShould().onlyDependOnClassesThat().resideOutsideOfPackages("java.sql..")
                .as("the domain depends on the JDK only (no java.sql, no javax, no framework)");
    }

    /** The application imports the domain and the JDK and nothing else. */
    public static ArchRule applicationDependsOnTheDomainOnly(String root) {
        return classes().that().resideInAPackage(root + ".application..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", root + ".domain..", root + ".application..")
                .andShould().onlyDependOnClassesThat().resideOutsideOfPackages("java.sql..")
                .as("the application depends on the domain and the JDK only");
    }

    /** No adapter reaches into another. */
    public static ArchRule adaptersAreIndependent(String root) {
        return slices().matching(root + ".adapters.(*)..").should().notDependOnEachOther()
                .as("no adapter depends on another adapter");
    }

    /** Contexts talk through ids and application services: no cycles between them, in any layer. */
    public static ArchRule contextsAreFreeOfCycles(String root) {
        // a layer may have no contexts yet (a fixture, a new adapter); the real-code test
        // separately checks that every layer is imported, so an empty slice set cannot hide
        return CompositeArchRule.of(List.of(
                slices().matching(root + ".domain.(*)..").should().beFreeOfCycles().allowEmptyShould(true),
                slices().matching(root + ".application.(*)..").should().beFreeOfCycles().allowEmptyShould(true),
                slices().matching(root + ".adapters.web.(*)..").should().beFreeOfCycles().allowEmptyShould(true),
                slices().matching(root + ".adapters.persistence.(*)..").should().beFreeOfCycles().allowEmptyShould(true)))
                .as("no package cycles between contexts in any layer");
    }

    /** Persistence entities and web DTOs stay in their adapters. */
    public static ArchRule entitiesAndDtosStayInTheirAdapters(String root) {
        return noClasses().that().resideInAnyPackage(root + ".domain..", root + ".application..")
                .should().dependOnClassesThat().areAnnotatedWith("io.micronaut.data.annotation.MappedEntity")
                .orShould().dependOnClassesThat().areAnnotatedWith("io.micronaut.serde.annotation.Serdeable")
                .as("persistence entities and web DTOs never leak into the application or the domain");
    }

    public static List<ArchRule> all(String root) {
        return List.of(domainDependsOnTheJdkOnly(root), applicationDependsOnTheDomainOnly(root), adaptersAreIndependent(root),
                contextsAreFreeOfCycles(root), entitiesAndDtosStayInTheirAdapters(root));
    }
}
