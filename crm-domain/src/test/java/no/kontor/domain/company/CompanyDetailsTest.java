package no.kontor.domain.company;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import no.kontor.domain.shared.ValidationException;

class CompanyDetailsTest {

    static CompanyDetails parse(String name, String org, String street, String code) {
        return CompanyDetails.parse(name, org, CompanyStatus.PROSPECT, street, code, null, null, null, null, null, null, null);
    }

    @Test
    void aValidCardKeepsItsValuesNormalised() {
        var d = CompanyDetails.parse("  Acme AS ", "974 760 673", CompanyStatus.CUSTOMER, "Storgata 1", "0150",
                null, null, "Faktura@Example.NO", "+47 22 00 00 00", "acme.no", 7L, "  ");
        assertThat(d.name()).isEqualTo("Acme AS");
        assertThat(d.organisationNumber().value()).isEqualTo("974760673");
        assertThat(d.visitingAddress().postalCode().value()).isEqualTo("0150");
        assertThat(d.invoiceEmail().value()).isEqualTo("Faktura@example.no");
        assertThat(d.phone().value()).isEqualTo("+4722000000");
        assertThat(d.website().value()).isEqualTo("https://acme.no");
        assertThat(d.notes()).as("blank notes are no notes").isNull();
        assertThat(d.postalAddress()).isNull();
    }

    @Test
    void theOrganisationNumberIsOptionalButMustPassMod11() {
        assertThat(parse("A", null, null, null).organisationNumber()).isNull();
        assertThat(parse("A", " ", null, null).organisationNumber()).isNull();
        assertThatThrownBy(() -> parse("A", "988077918", null, null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .singleElement().satisfies(err -> {
                            assertThat(err.field()).isEqualTo("organisationNumber");
                            assertThat(err.code()).isEqualTo("organisation-number.invalid");
                        }));
    }

    @Test
    void anAddressNamesTheFaultyPart() {
        assertThatThrownBy(() -> parse("A", null, "Gate 1", null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(ValidationException.FieldError::field).containsExactly("visitingAddress.postalCode"));
        assertThatThrownBy(() -> parse("A", null, "x".repeat(201), "0150"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(ValidationException.FieldError::field).containsExactly("visitingAddress.street"));
        assertThat(parse("A", null, null, "0150").visitingAddress().street()).isNull();
    }

    @Test
    void nameIsRequiredAndBounded() {
        assertThatThrownBy(() -> parse(null, null, null, null)).isInstanceOf(ValidationException.class).hasMessageContaining("name");
        assertThatThrownBy(() -> parse("n".repeat(201), null, null, null)).isInstanceOf(ValidationException.class);
        assertThat(parse("n".repeat(200), null, null, null).name()).hasSize(200);
    }

    @ParameterizedTest
    @EnumSource(CompanyStatus.class)
    void anyStatusMayFollowAnyOther(CompanyStatus next) {
        var company = Company.register(parse("A", null, null, null), "user:1", Instant.EPOCH);
        var changed = company.changeTo(CompanyDetails.parse("A", null, next, null, null, null, null, null, null, null, null, null),
                "user:2", Instant.EPOCH.plusSeconds(60));
        assertThat(changed.getStatus()).isEqualTo(next);
        assertThat(changed.getCreatedBy()).isEqualTo("user:1");
        assertThat(changed.getChangedBy()).isEqualTo("user:2");
        assertThat(changed.getVersion()).as("the store, not the card, moves the version").isZero();
    }

    @Test
    void auditFieldsAreTheCardsValuesAsText() {
        var company = Company.register(CompanyDetails.parse("Acme AS", "974760673", CompanyStatus.CUSTOMER, "Gate 1", "0150",
                null, null, null, null, null, 3L, null), "user:1", Instant.EPOCH);
        assertThat(company.auditFields())
                .containsEntry("name", "Acme AS").containsEntry("organisationNumber", "974760673")
                .containsEntry("status", "CUSTOMER").containsEntry("visitingPostalCode", "0150")
                .containsEntry("responsibleSellerId", 3L).containsEntry("postalStreet", null);
    }
}
