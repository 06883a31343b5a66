package no.kontor.application.sale.port;

import no.kontor.domain.sale.VatRates;

/** Where the dated standard VAT rates are kept. */
public interface VatRateTable {
    VatRates rates();
}
