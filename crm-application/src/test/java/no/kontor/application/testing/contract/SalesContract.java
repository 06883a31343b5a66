package no.kontor.application.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import no.kontor.application.sale.port.Sales;
import no.kontor.domain.sale.SaleId;
import no.kontor.domain.sale.SaleStage;
import no.kontor.domain.shared.StaleVersionException;

/** What every {@link Sales} does. */
public abstract class SalesContract extends PortContract {

    private Sales sales() {
        return port(Sales.class);
    }

    @Test
    void aSaleIsStoredReadAndLocked() {
        var id = sale(SaleStage.OFFERED);
        var read = sales().find(id).orElseThrow();
        assertThat(read.getStage()).isEqualTo(SaleStage.OFFERED);
        assertThat(read.getVersion()).isZero();
        assertThat(tx(() -> sales().lock(id))).map(s -> s.getId()).contains(id);
        assertThat(sales().find(new SaleId(987_654_321))).isEmpty();
    }

    @Test
    void aStageChangeIsKeptInTheHistoryOldestFirstAndRaisesTheVersion() {
        var id = sale(SaleStage.LEAD);
        var lead = sales().find(id).orElseThrow();
        var offered = tx(() -> sales().changeStage(lead.moveTo(SaleStage.OFFERED, "tilbud sendt", "user:1", now()), SaleStage.LEAD,
                "tilbud sendt"));
        tx(() -> sales().changeStage(offered.moveTo(SaleStage.ORDERED, "signert", "user:2", now()), SaleStage.OFFERED, "signert"));

        assertThat(sales().find(id).orElseThrow().getStage()).isEqualTo(SaleStage.ORDERED);
        assertThat(sales().find(id).orElseThrow().getVersion()).isEqualTo(2);
        assertThat(sales().history(id)).extracting(c -> c.from() + ">" + c.to() + ":" + c.reason() + ":" + c.changedBy())
                .containsExactly("null>LEAD:null:user:1", "LEAD>OFFERED:tilbud sendt:user:1", "OFFERED>ORDERED:signert:user:2");
        var page = sales().history(id, null, 2);
        assertThat(page.items()).hasSize(2);
        assertThat(sales().history(id, page.nextCursor(), 2).items()).extracting(c -> c.to()).containsExactly(SaleStage.ORDERED);
    }

    @Test
    void aStaleUpdateIsRefused() {
        var id = sale(SaleStage.LEAD);
        var stored = sales().find(id).orElseThrow();
        tx(() -> sales().update(stored.change(null, true, "ny", "user:1", now())));
        assertThatThrownBy(() -> tx(() -> sales().update(stored.change(null, false, "gammel", "user:2", now()))))
                .isInstanceOf(StaleVersionException.class);
        assertThat(sales().find(id).orElseThrow().getDescription()).isEqualTo("ny");
    }
}
