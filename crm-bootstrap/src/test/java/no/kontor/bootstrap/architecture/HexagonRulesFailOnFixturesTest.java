package no.kontor.bootstrap.architecture;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;

/**
 * A rule is worth keeping only once it has been seen to fail: each one runs on a
 * fixture package that breaks it, and must name the offending class; and all of
 * them pass on a fixture that keeps them.
 */
class HexagonRulesFailOnFixturesTest {
    private static final String FIXTURES = "no.kontor.bootstrap.architecture.fixtures.";

    private static JavaClasses fixture(String name) {
        return new ClassFileImporter().importPackages(FIXTURES + name);
    }

    @Test
    void theDomainRuleCatchesAFrameworkAndJdbcInTheDomain() {
        var root = FIXTURES + "domainimportsframework";
        assertThatThrownBy(() -> HexagonRules.domainDependsOnTheJdkOnly(root).check(fixture("domainimportsframework")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Ledger").hasMessageContaining("io.micronaut.core.annotation.Introspected")
                .hasMessageContaining("java.sql.Connection");
    }

    @Test
    void theApplicationRuleCatchesAUseCaseTakingAWebDto() {
        var root = FIXTURES + "applicationuseswebdto";
        assertThatThrownBy(() -> HexagonRules.applicationDependsOnTheDomainOnly(root).check(fixture("applicationuseswebdto")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("PlaceOrder").hasMessageContaining("OrderRequest");
        assertThatThrownBy(() -> HexagonRules.entitiesAndDtosStayInTheirAdapters(root).check(fixture("applicationuseswebdto")))
                .as("a @Serdeable DTO in the application").isInstanceOf(AssertionError.class).hasMessageContaining("OrderRequest");
    }

    @Test
    void theApplicationRuleCatchesJdbcInAUseCase() {
        var root = FIXTURES + "applicationusesjdbc";
        assertThatThrownBy(() -> HexagonRules.applicationDependsOnTheDomainOnly(root).check(fixture("applicationusesjdbc")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("InvoiceArchive").hasMessageContaining("java.sql.Connection");
    }

    @Test
    void theWebRuleCatchesAControllerUsingADrivenPort() {
        var root = FIXTURES + "webusesport";
        assertThatThrownBy(() -> HexagonRules.webDependsOnUseCasesOnly(root).check(fixture("webusesport")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("JobController").hasMessageContaining("InvoiceJobs");
    }

    @Test
    void theBootstrapRuleCatchesAnAdapterReadingTheWiring() {
        var root = FIXTURES + "adapterusesbootstrap";
        assertThatThrownBy(() -> HexagonRules.noAdapterDependsOnTheBootstrap(root).check(fixture("adapterusesbootstrap")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("MailSender").hasMessageContaining("Settings");
    }

    @Test
    void theEmbeddedRuleCatchesTheLauncherReadingKontorsSettings() {
        var root = FIXTURES + "embeddeduseskontor";
        assertThatThrownBy(() -> HexagonRules.embeddedPostgresStandsAlone(root).check(fixture("embeddeduseskontor")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("Launcher").hasMessageContaining("DataDirectory");
    }

    @Test
    void theAdapterRuleCatchesAControllerReadingAPersistenceRow() {
        var root = FIXTURES + "adaptercrossing";
        assertThatThrownBy(() -> HexagonRules.adaptersAreIndependent(root).check(fixture("adaptercrossing")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("CompanyController").hasMessageContaining("CompanyRow");
    }

    @Test
    void theCycleRuleCatchesTwoModulesUsingEachOther() {
        var root = FIXTURES + "modulecycle";
        assertThatThrownBy(() -> HexagonRules.contextsAreFreeOfCycles(root).check(fixture("modulecycle")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("Cycle").hasMessageContaining("Amount")
                .hasMessageContaining("PriceList");
    }

    @Test
    void theCycleRuleCatchesTwoApplicationContextsUsingEachOther() {
        var root = FIXTURES + "applicationcycle";
        assertThatThrownBy(() -> HexagonRules.contextsAreFreeOfCycles(root).check(fixture("applicationcycle")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("Cycle").hasMessageContaining("RegisterCompany")
                .hasMessageContaining("LogActivity");
    }

    @Test
    void theCycleRuleCatchesTwoContextsOfAnAdapterUsingEachOther() {
        var root = FIXTURES + "adaptercycle";
        assertThatThrownBy(() -> HexagonRules.contextsAreFreeOfCycles(root).check(fixture("adaptercycle")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("Cycle").hasMessageContaining("PaymentRow")
                .hasMessageContaining("BookingRow");
    }

    @Test
    void theCycleRuleCatchesTwoContextsUsingEachOther() {
        var root = FIXTURES + "contextcycle";
        assertThatThrownBy(() -> HexagonRules.contextsAreFreeOfCycles(root).check(fixture("contextcycle")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("Cycle").hasMessageContaining("Sale")
                .hasMessageContaining("Invoice");
    }

    @Test
    void theLeakRuleCatchesAUseCaseReturningEntities() {
        var root = FIXTURES + "entityleak";
        assertThatThrownBy(() -> HexagonRules.entitiesAndDtosStayInTheirAdapters(root).check(fixture("entityleak")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("ListCompanies").hasMessageContaining("CompanyEntity");
    }

    @Test
    void everyRulePassesOnAFixtureThatKeepsThem() {
        var root = FIXTURES + "good";
        var classes = fixture("good");
        for (var rule : HexagonRules.all(root)) {
            assertThatCode(() -> rule.check(classes)).as(rule.getDescription()).doesNotThrowAnyException();
        }
    }
}
