package no.kontor.bootstrap.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The rules on Kontor itself: every module's production classes, no tests or fixtures. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArchitectureRulesTest {
    JavaClasses kontor;

    @BeforeAll
    void importKontor() {
        kontor = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("no.kontor");
    }

    @Test
    void theImportSeesEveryModuleAndNoFixture() {
        assertThat(kontor.stream().map(c -> c.getPackageName()))
                .anyMatch(p -> p.startsWith("no.kontor.domain."))
                .anyMatch(p -> p.startsWith("no.kontor.application."))
                .anyMatch(p -> p.startsWith("no.kontor.adapters.web."))
                .anyMatch(p -> p.startsWith("no.kontor.adapters.persistence."))
                .anyMatch(p -> p.startsWith("no.kontor.adapters.pdf"))
                .anyMatch(p -> p.startsWith("no.kontor.adapters.mail"))
                .anyMatch(p -> p.startsWith("no.kontor.embedded.postgres"))
                .anyMatch(p -> p.matches("no\\.kontor\\.application\\.\\w+\\.port"))
                .anyMatch(p -> p.startsWith("no.kontor.bootstrap"))
                .noneMatch(p -> p.contains(".fixtures."));
    }

    @Test
    void theDomainDependsOnTheJdkOnly() {
        HexagonRules.domainDependsOnTheJdkOnly("no.kontor").check(kontor);
    }

    @Test
    void theApplicationDependsOnTheDomainOnly() {
        HexagonRules.applicationDependsOnTheDomainOnly("no.kontor").check(kontor);
    }

    @Test
    void theWebAdapterDependsOnUseCasesOnly() {
        HexagonRules.webDependsOnUseCasesOnly("no.kontor").check(kontor);
    }

    @Test
    void theEmbeddedPostgresStandsAlone() {
        HexagonRules.embeddedPostgresStandsAlone("no.kontor").check(kontor);
    }

    @Test
    void noAdapterDependsOnTheBootstrap() {
        HexagonRules.noAdapterDependsOnTheBootstrap("no.kontor").check(kontor);
    }

    @Test
    void noAdapterDependsOnAnother() {
        HexagonRules.adaptersAreIndependent("no.kontor").check(kontor);
    }

    @Test
    void contextsAreFreeOfCycles() {
        HexagonRules.contextsAreFreeOfCycles("no.kontor").check(kontor);
    }

    @Test
    void entitiesAndDtosStayInTheirAdapters() {
        HexagonRules.entitiesAndDtosStayInTheirAdapters("no.kontor").check(kontor);
    }
}
