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

    /**
     * The application imports the domain, the JDK (not java.sql) and one library, bcrypt, which
     * hashes passwords beside the use cases (docs/decisions/password-hashing.md); no framework.
     */
    public static ArchRule applicationDependsOnTheDomainOnly(String root) {
        return classes().that().resideInAPackage(root + ".application..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", root + ".domain..", root + ".application..",
                        "at.favre.lib.crypto.bcrypt..")
                .andShould().onlyDependOnClassesThat().resideOutsideOfPackages("java.sql..")
                .as("the application depends on the domain, the JDK (not java.sql) and bcrypt only");
    }

    /**
     * The web adapter drives the application through its use cases and the types beside them;
     * the driven ports ({@code application.<context>.port}) are the other adapters' business.
     */
    public static ArchRule webDependsOnUseCasesOnly(String root) {
        return noClasses().that().resideInAPackage(root + ".adapters.web..")
                .should().dependOnClassesThat().resideInAPackage(root + ".application..port..")
                .as("the web adapter depends on use cases and their types, never on a driven port");
    }

    /**
     * The embedded PostgreSQL launcher knows nothing of Kontor: it starts a server and hands
     * out a JDBC URL, so it could serve any program (docs/decisions/embedded-database.md).
     */
    public static ArchRule embeddedPostgresStandsAlone(String root) {
        return noClasses().that().resideInAPackage(root + ".embedded..")
                .should().dependOnClassesThat().resideInAnyPackage(root + ".domain..", root + ".application..", root + ".adapters..",
                        root + ".bootstrap..")
                .as("the embedded PostgreSQL launcher depends on nothing of Kontor");
    }

    /** The bootstrap wires the adapters together; nothing it wires may know it. */
    public static ArchRule noAdapterDependsOnTheBootstrap(String root) {
        return noClasses().that().resideInAPackage(root + ".adapters..")
                .should().dependOnClassesThat().resideInAPackage(root + ".bootstrap..")
                .as("no adapter depends on the bootstrap");
    }

    /** No adapter reaches into another. */
    public static ArchRule adaptersAreIndependent(String root) {
        return slices().matching(root + ".adapters.(*)..").should().notDependOnEachOther()
                .as("no adapter depends on another adapter");
    }

    /**
     * No cycles: between the modules (domain, application, adapters, bootstrap, the embedded
     * database), and between the contexts inside the domain, the application and every
     * adapter that has contexts.
     */
    public static ArchRule contextsAreFreeOfCycles(String root) {
        // a layer may have no contexts yet (a fixture, a flat adapter such as mail); the real-code
        // test separately checks that every layer is imported, so an empty slice set cannot hide
        return CompositeArchRule.of(List.of(
                slices().matching(root + ".(*)..").should().beFreeOfCycles().allowEmptyShould(true),
                slices().matching(root + ".domain.(*)..").should().beFreeOfCycles().allowEmptyShould(true),
                slices().matching(root + ".application.(*)..").should().beFreeOfCycles().allowEmptyShould(true),
                slices().matching(root + ".adapters.(*).(*)..").should().beFreeOfCycles().allowEmptyShould(true)))
                .as("no package cycles between modules, nor between contexts in any layer");
    }

    /** Persistence entities and web DTOs stay in their adapters. */
    public static ArchRule entitiesAndDtosStayInTheirAdapters(String root) {
        return noClasses().that().resideInAnyPackage(root + ".domain..", root + ".application..")
                .should().dependOnClassesThat().areAnnotatedWith("io.micronaut.data.annotation.MappedEntity")
                .orShould().dependOnClassesThat().areAnnotatedWith("io.micronaut.serde.annotation.Serdeable")
                .as("persistence entities and web DTOs never leak into the application or the domain");
    }

    public static List<ArchRule> all(String root) {
        return List.of(domainDependsOnTheJdkOnly(root), applicationDependsOnTheDomainOnly(root), webDependsOnUseCasesOnly(root),
                adaptersAreIndependent(root), noAdapterDependsOnTheBootstrap(root), embeddedPostgresStandsAlone(root),
                contextsAreFreeOfCycles(root),
                entitiesAndDtosStayInTheirAdapters(root));
    }
}
