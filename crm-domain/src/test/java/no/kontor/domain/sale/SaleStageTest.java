package no.kontor.domain.sale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import no.kontor.domain.company.CompanyId;
import no.kontor.domain.shared.ConflictException;
import no.kontor.domain.shared.ValidationException;

class SaleStageTest {

    @ParameterizedTest(name = "{0} → {1}: {2}")
    @CsvSource({
            "LEAD, OFFERED, true", "LEAD, ORDERED, true", "OFFERED, ORDERED, true", "ORDERED, OFFERED, false",
            "OFFERED, LEAD, false", "ORDERED, INVOICED, false", "ORDERED, CANCELLED, true", "LEAD, LOST, true",
            "LOST, ORDERED, false", "CANCELLED, LEAD, false", "INVOICED, CANCELLED, false", "ORDERED, ORDERED, false"})
    void sellersMoveSalesForwardOrCloseThem(SaleStage from, SaleStage to, boolean allowed) {
        assertThat(from.sellerMayMoveTo(to)).isEqualTo(allowed);
    }

    @Test
    void closingASaleNeedsAReasonAndABadMoveIsAConflict() {
        var sale = Sale.open(new CompanyId(1), 1L, SaleStage.ORDERED, false, null, "user:1", Instant.EPOCH);
        assertThatThrownBy(() -> sale.moveTo(SaleStage.CANCELLED, " ", "user:1", Instant.EPOCH))
                .isInstanceOf(ValidationException.class).hasMessageContaining("reason");
        assertThat(sale.moveTo(SaleStage.CANCELLED, "Kunden trakk seg", "user:1", Instant.EPOCH).getStage()).isEqualTo(SaleStage.CANCELLED);
        assertThatThrownBy(() -> sale.moveTo(SaleStage.LEAD, null, "user:1", Instant.EPOCH)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> Sale.open(new CompanyId(1), 1L, SaleStage.INVOICED, false, null, "user:1", Instant.EPOCH))
                .as("only invoicing invoices").isInstanceOf(ValidationException.class);
    }
}
