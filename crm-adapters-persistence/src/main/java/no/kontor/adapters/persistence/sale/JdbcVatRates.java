package no.kontor.adapters.persistence.sale;

import java.util.List;

import jakarta.inject.Singleton;
import no.kontor.adapters.persistence.shared.Jdbc;
import no.kontor.application.sale.port.VatRateTable;
import no.kontor.domain.sale.VatRate;
import no.kontor.domain.sale.VatRates;

@Singleton
public class JdbcVatRates implements VatRateTable {
    private final Jdbc jdbc;

    public JdbcVatRates(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public VatRates rates() {
        return new VatRates(jdbc.query("SELECT percent, valid_from, valid_to, description FROM vat_rate ORDER BY valid_from, percent",
                List.of(), rs -> new VatRate(rs.getBigDecimal("percent").stripTrailingZeros(),
                        rs.getObject("valid_from", java.time.LocalDate.class), rs.getObject("valid_to", java.time.LocalDate.class),
                        rs.getString("description"))));
    }
}
